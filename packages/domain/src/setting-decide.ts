import type { QueueConfig } from './config.ts';
import type { ChangedBy, SettingChanged } from './record-events.ts';
import { isWaiting, type QueueState } from './state.ts';

/*
 * A runtime setting's change, pure: every check a change must pass against the hall as it stands (the target
 * exists, the ids it names exist, no waiting ticket is left without a counter) and the event it appends.
 * The setting's own shape is its protocol schema's, checked before this.
 */

/**
 * A setting is the site's own, or one service's, one counter's or one agency's (named in the path). Agencies are
 * hall records set up from the screens (their own commands), never a setting changed here.
 */
export type SettingScope = 'site' | 'service' | 'counter' | 'agency';

export type SettingRuleCode =
  'SERVICE_NOT_FOUND' | 'COUNTER_NOT_FOUND' | 'VALIDATION_FAILED' | 'SERVICE_UNCOVERED';

export interface SettingIssue {
  readonly path: string;
  readonly message: string;
}

export class SettingRuleError extends Error {
  constructor(
    readonly code: SettingRuleCode,
    readonly issues: readonly SettingIssue[] = [],
  ) {
    super(issues.length > 0 ? `${code}: ${issues.map((i) => i.message).join('; ')}` : code);
    this.name = 'SettingRuleError';
  }
}

export interface SettingRequest {
  readonly kind: string;
  readonly area: string;
  readonly scope: SettingScope;
  /** The service or counter a scoped setting belongs to; null for the site's own. */
  readonly target: string | null;
  /** The new value, as the setting's schema gave it. */
  readonly value: unknown;
}

/** What the hall is now: its services and counters, and the tickets of the day. */
export interface SettingHall {
  readonly config: Pick<QueueConfig, 'services' | 'counters'>;
  readonly state: Pick<QueueState, 'tickets'>;
}

/** The change as recorded: read only once the checks passed (a missing target has no value to read). */
export interface SettingOutcome {
  readonly before: unknown;
  readonly after: unknown;
  /** True when the new value equals the site file's: the file governs the setting again. */
  readonly backToFile: boolean;
  readonly storedValue: string;
}

function requireTarget(request: SettingRequest, hall: SettingHall): void {
  const { scope, target } = request;
  if (scope === 'service' && !hall.config.services.some((s) => s.id === target))
    throw new SettingRuleError('SERVICE_NOT_FOUND');
  if (scope === 'counter' && !hall.config.counters.some((c) => c.id === target))
    throw new SettingRuleError('COUNTER_NOT_FOUND');
}

function isIdList(value: unknown): value is readonly string[] {
  return Array.isArray(value) && value.every((id) => typeof id === 'string');
}

/**
 * Ids a setting's value names that the site does not know (a counter's services). Also asked at start of each
 * stored change: the site file may have dropped a service since, and a stale change must not stop the hall.
 */
export function unknownIdsIn(
  kind: string,
  value: unknown,
  site: { readonly services: readonly { readonly id: string }[] },
): SettingIssue[] {
  if (kind !== 'counter-services') return [];
  if (!isIdList(value)) return [{ path: 'serviceIds', message: 'a list of ids' }];
  return value
    .filter((id) => !site.services.some((s) => s.id === id))
    .map((id) => ({ path: 'serviceIds', message: `unknown service ${id}` }));
}

/**
 * A counter may drop a service only while another counter still serves it, or nobody waits for it: otherwise
 * those tickets would wait for a call that never comes. A ticket already at the counter is served there as usual;
 * only the next call follows the new list.
 */
function requireWaitingServicesCovered(
  counterId: string,
  serviceIds: readonly string[],
  hall: SettingHall,
): void {
  const servedAfter = new Set(
    hall.config.counters.flatMap((c) => (c.id === counterId ? serviceIds : c.serviceIds)),
  );
  const dropped = new Set(
    hall.config.counters.flatMap((c) => c.serviceIds).filter((id) => !servedAfter.has(id)),
  );
  if (dropped.size === 0) return;
  const waiting = new Map<string, number>();
  for (const ticket of hall.state.tickets.values())
    if (dropped.has(ticket.serviceId) && isWaiting(ticket))
      waiting.set(ticket.serviceId, (waiting.get(ticket.serviceId) ?? 0) + 1);
  if (waiting.size === 0) return;
  throw new SettingRuleError(
    'SERVICE_UNCOVERED',
    [...waiting].map(([serviceId, count]) => ({
      path: 'serviceIds',
      message: `${serviceId}: ${String(count)} waiting and no other counter serves it`,
    })),
  );
}

/** Checks a setting's change against the hall, then records it: `setting:changed` with before and after. */
export function decideSettingChange(
  request: SettingRequest,
  hall: SettingHall,
  by: ChangedBy,
  outcome: () => SettingOutcome,
): SettingChanged {
  requireTarget(request, hall);
  const unknown = unknownIdsIn(request.kind, request.value, hall.config);
  if (unknown.length > 0) throw new SettingRuleError('VALIDATION_FAILED', unknown);
  if (request.kind === 'counter-services' && request.target !== null && isIdList(request.value))
    requireWaitingServicesCovered(request.target, request.value, hall);
  const change = outcome();
  return {
    type: 'setting:changed',
    ...by,
    kind: request.kind,
    area: request.area,
    target: request.target,
    stored: !change.backToFile,
    storedValue: change.storedValue,
    before: change.before,
    after: change.after,
  };
}
