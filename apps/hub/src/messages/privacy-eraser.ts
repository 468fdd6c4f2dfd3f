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
 * UU 27/2022 (personal data): a citizen's number and e-mail address are kept only as long as their visit needs
 * them. Visits more than `keepDays` ago lose them: from the outbox, the kiosk's contacts and booking events.
 */
export class PrivacyEraser {
  private cancel: (() => void) | null = null;

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

  /** Erases every visit before today minus the keeping period; returns what it erased. */
  eraseNow(): { messages: number; contacts: number; bookingEvents: number } {
    const { keepDays, today } = this.policy();
    const erased = this.outbox.eraseVisitsBefore(
      daysBefore(today, keepDays),
      new Date(this.clock.now()).toISOString(),
    );
    if (erased.messages + erased.contacts + erased.bookingEvents > 0)
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
