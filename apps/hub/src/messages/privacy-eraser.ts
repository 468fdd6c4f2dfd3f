import type { Logger } from 'pino';
import type { Clock } from '../clock.ts';
import type { OutboxStore } from './outbox-store.ts';

/** How often the eraser looks for visits past their keeping period: hourly is soon enough for a count in days. */
const ERASE_EVERY_MS = 60 * 60_000;

/** The day `days` before `day` (both YYYY-MM-DD, calendar arithmetic in UTC, which has no missing days). */
export function daysBefore(day: string, days: number): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) - days * 86_400_000).toISOString().slice(0, 10);
}

/**
 * Another feature's personal data, erased in the same round with its own keeping period (the mobile unit's visit
 * register: NIK and phone). Like the outbox's, `erase` blanks the data in the events and in the rows projected from
 * them alike, in one transaction, so the log still rebuilds the same rows (`db:verify`).
 */
export interface ErasurePart {
  /** Days after the visit its data is kept. */
  readonly keepDays: () => number;
  /** Erases what belongs to visits before `day` (YYYY-MM-DD); answers what it erased, by kind, for the log line. */
  readonly erase: (day: string, now: string) => Readonly<Record<string, number>>;
}

/**
 * UU 27/2022 (personal data): a citizen's number and e-mail address are kept only as long as their visit needs
 * them. Visits more than `keepDays` ago lose them: from the outbox, the kiosk's contacts and booking events, and
 * from what other features add (`add`).
 */
export class PrivacyEraser {
  private cancel: (() => void) | null = null;
  private readonly parts: ErasurePart[] = [];

  constructor(
    private readonly outbox: OutboxStore,
    private readonly clock: Clock,
    private readonly logger: Logger,
    private readonly policy: () => { keepDays: number; today: string },
  ) {}

  start(): void {
    this.eraseNow();
    this.schedule();
  }

  stop(): void {
    this.cancel?.();
    this.cancel = null;
  }

  /** A feature's own personal data, erased from the next round on. */
  add(part: ErasurePart): void {
    this.parts.push(part);
  }

  /** Erases every visit before today minus the keeping period; returns what it erased. */
  eraseNow(): Readonly<Record<string, number>> {
    const { keepDays, today } = this.policy();
    const now = new Date(this.clock.now()).toISOString();
    const erased = { ...this.outbox.eraseVisitsBefore(daysBefore(today, keepDays), now) };
    for (const part of this.parts) Object.assign(erased, part.erase(daysBefore(today, part.keepDays()), now));
    if (Object.values(erased).some((n) => n > 0))
      this.logger.info({ ...erased, keepDays }, 'personal data of past visits erased');
    return erased;
  }

  private schedule(): void {
    this.cancel = this.clock.setTimer(() => {
      try {
        this.eraseNow();
      } catch (error) {
        this.logger.error({ err: error }, 'erasing past visits failed');
      }
      this.schedule();
    }, ERASE_EVERY_MS);
  }
}
