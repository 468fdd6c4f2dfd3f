import type { ApiError, ErrorCode } from '@giliran/protocol';
import { apiError } from '@giliran/protocol';

/** An expected refusal with a wire error code; anything else that is thrown is a bug and becomes INTERNAL. */
export class HubError extends Error {
  constructor(
    readonly code: ErrorCode,
    readonly details?: ApiError['details'],
    /** For a 429: how many seconds until a retry can succeed (sent as Retry-After). */
    readonly retryAfterSeconds?: number,
  ) {
    super(code);
    this.name = 'HubError';
  }

  toApiError(): ApiError {
    return apiError(this.code, this.details);
  }
}
