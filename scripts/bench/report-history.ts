// Realistic history for the benches' 1M-ticket database: each ticket waits, is called at a counter serving its
// service, walks SOP steps 4–8 with durations around their standards (some late), and ends served, handed to the
// agency, no-show, cancelled or transferred and served elsewhere. Deterministic per ticket index, so the cached
// database is the same every time it is generated. Only the read model (tickets, compensations) carries it: earlier
// days are never folded from the log, and a report reads the read model.
import { standardsFor, type CounterStep, type QueueConfig, type SopStandards } from '@giliran/domain';
import { loadSiteConfig, toQueueConfig } from '../../apps/hub/src/config/site-config.ts';

const MINUTE = 60_000;
const COUNTER_STEPS: readonly CounterStep[] = [4, 5, 6, 7, 8];

export interface HistoricTicket {
  /** Where the ticket ended (its `service_id`); the issued event keeps the service it was issued for. */
  readonly serviceId: string;
  readonly priority: 'lansia' | null;
  readonly status: 'done' | 'no_show' | 'cancelled';
  readonly counterId: string | null;
  readonly firstCalledAt: string | null;
  readonly calledAt: string | null;
  readonly finishedAt: string | null;
  readonly outcome: 'completed' | 'handed_to_agency' | null;
  readonly recalls: number;
  readonly lateTier: number;
  /** JSON, as the read model stores it. */
  readonly steps: string;
  readonly servedBy: string | null;
  readonly transfers: string | null;
  /** When it became owed late-service compensation, if it did. */
  readonly lateAt: string | null;
}

/** A well-mixed number in [0, 1) from the ticket index and a salt (splitmix32-like), the same on every run. */
function rand(i: number, salt: number): number {
  let x = (Math.imul(i, 0x9e3779b1) ^ Math.imul(salt + 1, 0x85ebca6b)) >>> 0;
  x = Math.imul(x ^ (x >>> 16), 0x7feb352d) >>> 0;
  x = Math.imul(x ^ (x >>> 15), 0x846ca68b) >>> 0;
  return ((x ^ (x >>> 16)) >>> 0) / 2 ** 32;
}

const iso = (ms: number) => new Date(ms).toISOString();

interface Desk {
  readonly counterId: string;
  readonly officer: string;
}

export class HistoryGenerator {
  private readonly config: QueueConfig;
  private readonly desks = new Map<string, Desk[]>();
  private readonly standards = new Map<string, SopStandards>();
  private readonly serviceIds: string[];
  private readonly lateAfterMs: number;

  constructor(siteFile: string) {
    const site = loadSiteConfig(siteFile);
    this.config = toQueueConfig(site);
    this.serviceIds = site.services.map((s) => s.id);
    for (const service of this.config.services) {
      this.standards.set(service.id, standardsFor(this.config, service));
      const desks = site.counters
        .filter((c) => c.serviceIds.includes(service.id))
        .map((c) => ({
          counterId: c.id,
          officer: site.accounts.find((a) => a.counterIds.includes(c.id))?.username ?? c.id,
        }));
      this.desks.set(service.id, desks);
    }
    this.lateAfterMs = (this.config.compensation.lateService[0]?.minutesLate ?? 15) * MINUTE;
  }

  get lateRemedy(): string {
    return JSON.stringify(this.config.compensation.lateService[0]?.remedy ?? { id: '', en: '' });
  }

  private standardMs(serviceId: string, step: 2 | 3 | CounterStep): number {
    return (this.standards.get(serviceId) ?? this.config.sopStandards)[step] * MINUTE;
  }

  private desk(serviceId: string, i: number): Desk {
    const desks = this.desks.get(serviceId) ?? [];
    return desks[Math.floor(rand(i, 3) * desks.length)] ?? { counterId: 'loket-1', officer: 'loket1' };
  }

  /** Steps 4–8 (to 7 when handed over) from `start`, each 0.35–1.2 × its standard: about a quarter run late. */
  private walkSteps(i: number, serviceId: string, start: number, lastStep: CounterStep) {
    const steps: { step: CounterStep; startedAt: string; endedAt: string }[] = [];
    let at = start;
    for (const step of COUNTER_STEPS) {
      const length = Math.round(this.standardMs(serviceId, step) * (0.35 + 0.85 * rand(i, 10 + step)));
      steps.push({ step, startedAt: iso(at), endedAt: iso(at + length) });
      at += length;
      if (step === lastStep) break;
    }
    return { steps, end: at };
  }

  ticket(i: number, issuedAt: string, issuedFor: string): HistoricTicket {
    const issued = Date.parse(issuedAt);
    const kind = rand(i, 0);
    const priority = rand(i, 1) < 0.08 ? 'lansia' : null;
    // Waits skewed to short, a tail past the late-service threshold (about one ticket in five).
    const waitMs = Math.round((0.5 + 25 * rand(i, 2) ** 2) * MINUTE);
    const lateAt = issued + this.standardMs(issuedFor, 2) + this.standardMs(issuedFor, 3) + this.lateAfterMs;
    const lateIf = (until: number) =>
      until > lateAt ? { lateTier: 0, lateAt: iso(lateAt) } : { lateTier: -1, lateAt: null };
    const none = { steps: '[]', transfers: null, outcome: null } as const;
    if (kind < 0.03) {
      const cancelledAt = issued + Math.round(waitMs * 0.7);
      return {
        serviceId: issuedFor,
        priority,
        status: 'cancelled',
        counterId: null,
        firstCalledAt: null,
        calledAt: null,
        finishedAt: iso(cancelledAt),
        recalls: 0,
        servedBy: null,
        ...none,
        ...lateIf(cancelledAt),
      };
    }
    const called = issued + waitMs;
    const desk = this.desk(issuedFor, i);
    const calledFields = { counterId: desk.counterId, firstCalledAt: iso(called), ...lateIf(called) };
    if (kind < 0.09) {
      return {
        serviceId: issuedFor,
        priority,
        status: 'no_show',
        ...calledFields,
        calledAt: iso(called),
        finishedAt: null,
        recalls: 1,
        servedBy: desk.officer,
        ...none,
      };
    }
    let serviceId = issuedFor;
    let finalDesk = desk;
    let lastCall = called;
    let transfers: string | null = null;
    let firstSteps: { step: CounterStep; startedAt: string; endedAt: string }[] = [];
    if (kind < 0.11) {
      // Step 4 at the wrong desk, then moved to the next service and called again there.
      const moved = this.walkSteps(i, issuedFor, called + 30_000, 4);
      firstSteps = moved.steps;
      serviceId =
        this.serviceIds[(this.serviceIds.indexOf(issuedFor) + 1) % this.serviceIds.length] ?? issuedFor;
      finalDesk = this.desk(serviceId, i + 1);
      lastCall = moved.end + Math.round((5 + 10 * rand(i, 4)) * MINUTE);
      transfers = JSON.stringify([
        {
          fromServiceId: issuedFor,
          toServiceId: serviceId,
          counterId: desk.counterId,
          by: desk.officer,
          at: iso(moved.end),
        },
      ]);
    }
    const handed = rand(i, 5) < 0.05;
    const walked = this.walkSteps(i, serviceId, lastCall + 30_000, handed ? 7 : 8);
    return {
      serviceId,
      priority,
      status: 'done',
      ...calledFields,
      counterId: finalDesk.counterId,
      calledAt: iso(lastCall),
      finishedAt: iso(walked.end),
      outcome: handed ? 'handed_to_agency' : 'completed',
      recalls: 0,
      steps: JSON.stringify([...firstSteps, ...walked.steps]),
      servedBy: finalDesk.officer,
      transfers,
    };
  }
}
