import {
  addDay,
  addDays,
  buildRecap,
  daysInRange,
  emptyTotals,
  summarizeDay,
  type QueueConfig,
  type Recap,
  type Totals,
} from '@giliran/domain';
import { setImmediate as yieldToLoop } from 'node:timers/promises';
import type { QueueEngine } from '../commands/queue-engine.ts';
import type { ReportStore, StoredDay } from './report-store.ts';

/** Days read per query: bounded memory for a year-long range, and a turn of the event loop between chunks. */
const CHUNK_DAYS = 31;
/** The live queue must not wait longer than this behind a report: past it, the report yields a turn. */
const SLICE_MS = 25;

export interface RecapResult {
  readonly recap: Recap;
  /** The range includes today, so its figures are live. */
  readonly live: boolean;
  readonly generatedAt: string;
}

function minDate(a: string, b: string): string {
  return a < b ? a : b;
}

/** Runs a loop body in slices: after SLICE_MS of work the event loop gets a turn, so counters never wait. */
function slicer(): () => Promise<void> {
  let sliceStart = performance.now();
  return async () => {
    if (performance.now() - sliceStart < SLICE_MS) return;
    await yieldToLoop();
    sliceStart = performance.now();
  };
}

/**
 * Builds recaps. A closed day never changes, so each is summarised once from its tickets and the summary stored;
 * a range merges stored summaries (a year of them in well under a second), today is summarised from its tickets
 * at the moment of the request, and compensations are always read fresh (they are resolved days later).
 *
 * Closed days are summarised in the background as soon as reports are in use (the MOD dashboard asks for today's
 * every few seconds): yesterday within moments of the first request of the day, and the whole history once after
 * an upgrade, so a range report rarely has to summarise anything itself.
 */
export class ReportService {
  /** Every closed day up to this one has a stored summary (known in this process). */
  private summarisedThrough = '';
  private running: Promise<void> | null = null;

  constructor(
    private readonly engine: QueueEngine,
    private readonly store: ReportStore,
  ) {}

  async recap(from: string, to: string): Promise<RecapResult> {
    const config = this.engine.config;
    const totals = emptyTotals();
    const lastClosed = () => minDate(to, addDays(this.engine.serviceDay, -1));
    const background = this.summariseClosedDays();
    let doneThrough = addDays(from, -1);
    // Again if local midnight passed while closed days were read: the day that just closed belongs to them now.
    while (doneThrough < lastClosed()) {
      // Let the background pass store what it is working on rather than summarising the same days twice.
      await background;
      const through = lastClosed();
      await this.addClosedDays(totals, addDays(doneThrough, 1), through, config);
      doneThrough = through;
    }
    // Today last and in one go: commands decided but not yet committed go to disk first, so the figures are those
    // of the live queue at this instant, and no command can slip in between reading and answering.
    this.engine.flush();
    const today = this.engine.serviceDay;
    const live = from <= today && today <= to;
    if (live) addDay(totals, summarizeDay(this.store.ticketsOfDay(today), config));
    const recap = buildRecap(totals, config, this.store.compensationCounts(from, to), { from, to });
    return { recap, live, generatedAt: this.engine.nowIso() };
  }

  /** Starts (or joins) storing summaries of every closed day that has none; never rejects. */
  summariseClosedDays(): Promise<void> {
    const yesterday = addDays(this.engine.serviceDay, -1);
    if (this.summarisedThrough >= yesterday) return Promise.resolve();
    this.running ??= this.storeMissing(yesterday)
      .then(() => {
        this.summarisedThrough = yesterday;
      })
      // A failure here (the database closing under a shutdown) leaves the days unmarked: the next request retries,
      // and a report that needs them summarises them itself, where an error reaches the caller.
      .catch(() => undefined)
      .finally(() => {
        this.running = null;
      });
    return this.running;
  }

  private async storeMissing(through: string): Promise<void> {
    const first = this.summarisedThrough === '' ? this.store.firstDay() : addDays(this.summarisedThrough, 1);
    if (first === null || first > through) return;
    const pause = slicer();
    for (let start = first; start <= through; start = addDays(start, CHUNK_DAYS)) {
      const end = minDate(through, addDays(start, CHUNK_DAYS - 1));
      const have = this.store.storedDayKeys(start, end);
      const computed: StoredDay[] = [];
      for (const day of daysInRange(start, end)) {
        if (have.has(day)) continue;
        computed.push({ day, summary: summarizeDay(this.store.ticketsOfDay(day), this.engine.config) });
        await pause();
      }
      if (computed.length > 0) this.store.saveDays(computed, this.engine.nowIso());
      await pause();
    }
  }

  private async addClosedDays(totals: Totals, from: string, to: string, config: QueueConfig): Promise<void> {
    const pause = slicer();
    for (let start = from; start <= to; start = addDays(start, CHUNK_DAYS)) {
      const end = minDate(to, addDays(start, CHUNK_DAYS - 1));
      const stored = this.store.storedDays(start, end);
      const have = new Set(stored.map((d) => d.day));
      for (const { summary } of stored) addDay(totals, summary);
      await pause();
      // Days before the first ticket, or stored in an older format: summarised here and kept.
      const computed: StoredDay[] = [];
      for (const day of daysInRange(start, end)) {
        if (have.has(day)) continue;
        const summary = summarizeDay(this.store.ticketsOfDay(day), config);
        addDay(totals, summary);
        computed.push({ day, summary });
        await pause();
      }
      if (computed.length > 0) this.store.saveDays(computed, this.engine.nowIso());
    }
  }
}
