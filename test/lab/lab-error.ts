// The lab's one error class: a stable code, and a message that says what failed and where to look.

/** Codes a LabError carries. */
export type LabErrorCode = 'E_LAB_OPTIONS' | 'E_LAB_UNSUPPORTED' | 'E_LAB_START' | 'E_LAB_COMMAND' | 'E_LAB_HOST';

/** A lab could not be set up or used as asked. */
export class LabError extends Error {
  readonly code: LabErrorCode;
  constructor(code: LabErrorCode, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'LabError';
    this.code = code;
  }
}
