/**
 * Turns anything an operation threw into one sentence for a MessageBar. A UserFacingError already says what
 * to do; anything else is a bug or a host failure, so the clerk gets a short, honest message with the error's
 * code (enough for an administrator) and the details go to the console — never a raw stack trace.
 */
import { isUserFacingError } from '../domain/errors';
import type { Translator } from './i18n';

export function describeError(error: unknown, tr: Translator): string {
  if (isUserFacingError(error)) return tr.local(error.text);
  console.error(error);
  const code =
    error && typeof error === 'object' && typeof (error as { code?: unknown }).code === 'string'
      ? (error as { code: string }).code
      : error instanceof Error
        ? error.name
        : 'Error';
  return tr.t('app.unexpectedError', { detail: code });
}
