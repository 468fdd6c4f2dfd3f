import {
  BookingRuleError,
  ComplaintRuleError,
  DomainError,
  HallRuleError,
  MobileRuleError,
  RecordRuleError,
  ReportChainError,
  SettingRuleError,
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
      error instanceof HallRuleError ||
      error instanceof MobileRuleError ||
      error instanceof BookingRuleError
    )
      throw new HubError(error.code);
    if (error instanceof SettingRuleError)
      throw new HubError(error.code, error.issues.length > 0 ? [...error.issues] : undefined);
    if (error instanceof ReportChainError)
      throw new HubError(error.code, error.detail ? [{ path: '', message: error.detail }] : undefined);
    throw error;
  }
}
