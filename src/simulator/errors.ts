/**
 * Errors shaped like Office.js's `OfficeExtension.Error` (name 'RichApi.Error', a `code` from
 * `Excel.ErrorCodes`), so host code that inspects `error.code` behaves the same against the simulator.
 */
export type SimulatorErrorCode =
  | 'ItemNotFound'
  | 'AccessDenied'
  | 'InvalidOperationInCellEditMode'
  | 'ItemAlreadyExists'
  | 'ApiNotFound'
  | 'PropertyNotLoaded'
  | 'InvalidArgument'
  | 'InvalidOperation'
  | 'InvalidSelection'
  | 'GeneralException'
  | 'RequestPayloadSizeLimitExceeded'
  | 'ResponsePayloadSizeLimitExceeded'
  | 'UnsupportedFillType';

export class SimulatorError extends Error {
  readonly debugInfo: { code: string; message: string };
  constructor(
    public readonly code: SimulatorErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'RichApi.Error';
    this.debugInfo = { code, message };
  }
}
