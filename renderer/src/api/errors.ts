/** An error the user can read: a stable code and one sentence from the host (or the client). */
export class ApiError extends Error {
  readonly code: string;

  constructor(code: string, message: string) {
    super(message);
    this.name = 'ApiError';
    this.code = code;
  }
}

/** Client-side failures (no host, broken reply) get codes the i18n catalogue translates. */
export const clientErrorCodes = [
  'client.network',
  'client.bad-response',
  'client.aborted',
] as const;

export function toApiError(error: unknown): ApiError {
  if (error instanceof ApiError) return error;
  if (error instanceof DOMException && error.name === 'AbortError') {
    return new ApiError('client.aborted', error.message);
  }
  return new ApiError('client.network', error instanceof Error ? error.message : String(error));
}
