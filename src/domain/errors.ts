import type { LocalText } from './types';

/**
 * A problem the user must be told about in words (bad input, missing header, unreadable file).
 * The pane shows it as a MessageBar and the CLI prints it with exit code 2 — never a stack trace.
 */
export class UserFacingError extends Error {
  constructor(
    public readonly code: string,
    public readonly text: LocalText,
  ) {
    super(text.zh);
    this.name = 'UserFacingError';
  }
}

export function isUserFacingError(e: unknown): e is UserFacingError {
  return e instanceof Error && (e as { name?: string }).name === 'UserFacingError' && 'text' in e;
}
