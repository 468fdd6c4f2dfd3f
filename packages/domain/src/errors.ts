/** Every rule violation has a stable code; the wire contract maps codes to HTTP status and messages. */
export type DomainErrorCode =
  | 'SERVICE_NOT_FOUND'
  | 'SERVICE_CLOSED'
  | 'COUNTER_NOT_FOUND'
  | 'COUNTER_PAUSED'
  | 'COUNTER_NOT_PAUSED'
  | 'COUNTER_BUSY'
  | 'COUNTER_IDLE'
  | 'TICKET_NOT_FOUND'
  | 'TICKET_NOT_TODAY'
  | 'INVALID_TRANSITION'
  | 'SERVICE_NOT_AT_COUNTER'
  | 'NO_SHOW_TOO_EARLY'
  | 'LAST_STEP_REACHED'
  | 'SAME_SERVICE'
  | 'TICKET_NOT_AT_YOUR_COUNTER'
  | 'COMPENSATION_NOT_FOUND'
  | 'COMPENSATION_ALREADY_RESOLVED';

export class DomainError extends Error {
  constructor(
    readonly code: DomainErrorCode,
    detail?: string,
  ) {
    super(detail ? `${code}: ${detail}` : code);
    this.name = 'DomainError';
  }
}
