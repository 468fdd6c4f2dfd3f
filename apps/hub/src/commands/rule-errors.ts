import {
  BookingRuleError,
  ComplaintRuleError,
  DomainError,
  RecordRuleError,
  ReportChainError,
} from '@giliran/domain';
import { HubError } from '../hub-error.ts';

/** A domain rule's coded refusal becomes the wire's (the codes are the same); anything else is a bug and stays one. */
export function toHubError<T>(decide: () => T): T {
  try {
    return decide();
  } catch (error) {
    if (
      error instanceof DomainError ||
      error instanceof ComplaintRuleError ||
      error instanceof RecordRuleError ||
      error instanceof BookingRuleError
    )
      throw new HubError(error.code);
    if (error instanceof ReportChainError)
      throw new HubError(error.code, error.detail ? [{ path: '', message: error.detail }] : undefined);
    throw error;
  }
}
