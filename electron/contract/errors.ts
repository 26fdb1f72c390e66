/**
 * Errors that cross the process boundary. Every failure a user can see carries a stable code and a
 * Chinese message that says what went wrong and where; `details` carries the machine-readable parts.
 */

export const apiErrorCodes = [
  'VALIDATION',
  'NEEDS_CONFIRMATION',
  'CONFLICT',
  /** Team mode: another steward is on a call with this household (正在由 张三 通话). */
  'CLAIMED',
  'UNAUTHORIZED',
  'FORBIDDEN',
  'NOT_FOUND',
  /** A request body, an upload or a file over its limit. */
  'TOO_LARGE',
  /** Browser mode: the request body is not `application/json`. */
  'UNSUPPORTED_MEDIA_TYPE',
  'STORAGE_CORRUPT',
  'STORAGE_INVALID',
  'STORAGE_VERSION',
  'STORAGE_LOCKED',
  'STORAGE_IO',
  /** The disk is full: nothing was saved. */
  'STORAGE_FULL',
  'INTERNAL',
] as const;

export type ApiErrorCode = (typeof apiErrorCodes)[number];

export interface ApiIssue {
  /** Dotted path of the offending field, '' for the whole input. */
  path: string;
  message: string;
}

export interface ApiErrorBody {
  code: ApiErrorCode;
  /** Chinese, shown to the user as is. */
  message: string;
  issues?: ApiIssue[];
  /** Data file the error concerns, where there is one. */
  file?: string;
}

export type Envelope<T> = { ok: true; value: T } | { ok: false; error: ApiErrorBody };

export class ApiError extends Error {
  readonly code: ApiErrorCode;
  readonly issues: ApiIssue[] | undefined;
  readonly file: string | undefined;

  constructor(body: ApiErrorBody) {
    super(body.message);
    this.name = 'ApiError';
    this.code = body.code;
    this.issues = body.issues;
    this.file = body.file;
  }

  toBody(): ApiErrorBody {
    return {
      code: this.code,
      message: this.message,
      ...(this.issues ? { issues: this.issues } : {}),
      ...(this.file ? { file: this.file } : {}),
    };
  }
}

/** HTTP status for each error code (the Electron transport carries the code only). */
export const httpStatusOf: Record<ApiErrorCode, number> = {
  VALIDATION: 400,
  NEEDS_CONFIRMATION: 409,
  CONFLICT: 409,
  CLAIMED: 409,
  UNAUTHORIZED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  TOO_LARGE: 413,
  UNSUPPORTED_MEDIA_TYPE: 415,
  STORAGE_CORRUPT: 409,
  STORAGE_INVALID: 409,
  STORAGE_VERSION: 409,
  STORAGE_LOCKED: 423,
  STORAGE_IO: 500,
  STORAGE_FULL: 507,
  INTERNAL: 500,
};

export function isEnvelope(value: unknown): value is Envelope<unknown> {
  return typeof value === 'object' && value !== null && typeof (value as { ok?: unknown }).ok === 'boolean';
}
