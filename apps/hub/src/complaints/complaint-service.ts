import {
  awaitsAnswer,
  decideComplaintStatus,
  decideFileComplaint,
  decideRecategorise,
  isPastDeadline,
  localTime,
  type ComplaintCategory,
  type ComplaintChannel,
} from '@giliran/domain';
import {
  ComplaintCategoryRequest,
  ComplaintListQuery,
  ComplaintStatusRequest,
  PublicComplaintRequest,
  StaffComplaintRequest,
  type ComplaintChanged,
  type ComplaintList,
  type ComplaintView,
  type PublicComplaintForm,
  type PublicComplaintStatus,
  COMPLAINT_FILERS,
  type Role,
} from '@giliran/protocol';
import type { Logger } from 'pino';
import type { z } from 'zod';
import { PUBLIC, type Actor } from '../auth/actor.ts';
import { MANAGERS } from '../auth/roles.ts';
import type { Clock } from '../clock.ts';
import { parse, publicCaller, type CommandBus } from '../commands/command-bus.ts';
import type { QueueEngine } from '../commands/queue-engine.ts';
import type { RecordCommand } from '../commands/record-command.ts';
import type { SiteConfig } from '../config/site-config.ts';
import type { Db } from '../db/database.ts';
import type { QueueStore } from '../db/queue-store.ts';
import { HubError } from '../hub-error.ts';
import { ComplaintCalendar } from './complaint-calendar.ts';
import { ComplaintLateWatcher } from './complaint-late-watcher.ts';
import { ComplaintStore, factsOf, type ComplaintRow } from './complaint-store.ts';
import { resolveTicket } from './complaint-ticket.ts';
import {
  complaintChanged,
  complaintSummary,
  complaintView,
  publicComplaintStatus,
} from './complaint-views.ts';

export interface ComplaintDeps {
  readonly db: Db;
  readonly site: SiteConfig;
  readonly engine: QueueEngine;
  readonly bus: CommandBus;
  readonly queueStore: QueueStore;
  readonly clock: Clock;
  readonly logger: Logger;
}

/** FO enters complaints from the desk, the phone and the box; MOD and above handle them. */
export const FILERS: readonly Role[] = COMPLAINT_FILERS;
const FILE = 'complaint:file';
const STATUS = 'complaint:status';
const CATEGORY = 'complaint:category';

/** What a citizen types on a paper or in a link: any case, with or without the dash the page shows. */
export function normaliseCode(code: string): string {
  return code.toUpperCase().replace(/[\s-]/g, '');
}

interface Filing {
  readonly channel: ComplaintChannel;
  readonly channelRef: string | null;
  readonly name: string;
  readonly occupation: string | null;
  readonly address: string | null;
  readonly contact: string | null;
  readonly agencyId: string | null;
  readonly ticket: string | null;
  readonly text: string;
  readonly category: ComplaintCategory | null;
}

/**
 * The Buku Pengaduan: filing from every channel, the steps to an answer with who and when, the deadline by
 * category and the holiday calendar, and (through the late watcher) the compensation owed when it passes.
 * Complaints are a handful a day, so each write commits on its own, outside the queue's group commit.
 */
export class ComplaintService {
  private readonly store: ComplaintStore;
  /** The holiday calendar and the categories' rules, which the deadlines follow. */
  readonly calendar: ComplaintCalendar;
  private readonly late: ComplaintLateWatcher;

  constructor(private readonly deps: ComplaintDeps) {
    this.store = new ComplaintStore(deps.db);
    this.late = new ComplaintLateWatcher({
      store: this.store,
      bus: deps.bus,
      engine: deps.engine,
      queueStore: deps.queueStore,
      clock: deps.clock,
      logger: deps.logger,
      timeZone: deps.site.timeZone,
    });
    this.calendar = new ComplaintCalendar({
      db: deps.db,
      bus: deps.bus,
      complaints: this.store,
      timeZone: deps.site.timeZone,
      onMoved: () => {
        void this.late.raiseDue();
      },
    });
  }

  /** Raises what fell due while the hub was down, then sleeps until the next deadline. */
  start(): Promise<void> {
    return this.late.raiseDue();
  }

  stop(): void {
    this.late.stop();
  }

  form(): PublicComplaintForm {
    const { site } = this.deps;
    return {
      siteName: site.name,
      timeZone: site.timeZone,
      agencies: site.agencies.map((a) => ({ id: a.id, name: a.name })),
    };
  }

  /** The public form: its idempotency keys are the caller's address's, never shared with another citizen. */
  filePublic(body: unknown, key: string | undefined, ip: string | undefined): Promise<PublicComplaintStatus> {
    return this.deps.bus.record(
      PUBLIC,
      this.fileCommand(
        PublicComplaintRequest,
        (input) => ({
          ...input,
          channel: 'website',
          channelRef: null,
          agencyId: input.agencyId ?? null,
          ticket: input.ticket ?? null,
          category: null,
        }),
        (row) => this.publicView(row),
      ),
      body,
      key,
      publicCaller(ip),
    );
  }

  fileByStaff(actor: Actor, body: unknown, key: string | undefined): Promise<ComplaintView> {
    return this.deps.bus.record(
      actor,
      this.fileCommand(
        StaffComplaintRequest,
        (input) => ({
          ...input,
          channelRef: input.channelRef || null,
          occupation: input.occupation || null,
          address: input.address || null,
          contact: input.contact || null,
          agencyId: input.agencyId ?? null,
          ticket: input.ticket ?? null,
          category: input.category ?? null,
        }),
        (row) => this.view(row),
      ),
      body,
      key,
    );
  }

  list(query: unknown): ComplaintList {
    const now = this.now();
    return {
      now,
      complaints: this.store
        .list(parse(ComplaintListQuery, query), now)
        .map((row) => complaintSummary(row, this.deps.site, now, this.calendar.isProvisional(row))),
    };
  }

  detail(id: string): ComplaintView {
    return this.view(this.require(id));
  }

  publicStatus(code: string): PublicComplaintStatus {
    const row = this.store.byCode(normaliseCode(code));
    if (!row) throw new HubError('COMPLAINT_NOT_FOUND');
    return this.publicView(row);
  }

  async changeStatus(
    actor: Actor,
    id: string,
    body: unknown,
    key: string | undefined,
  ): Promise<ComplaintView> {
    const before = this.store.byId(id);
    // An answer after the deadline finds its compensation raised first, as the timer would have at the deadline.
    if (
      before &&
      awaitsAnswer(before.status) &&
      before.late_compensation_id === null &&
      isPastDeadline(before.deadline_at, this.now())
    ) {
      await this.late.raiseDue();
    }
    return this.deps.bus.record(
      actor,
      {
        name: STATUS,
        allowed: (a) => MANAGERS.includes(a.role),
        schema: ComplaintStatusRequest,
        decide: (request, ctx) => {
          const row = this.require(id);
          const event = decideComplaintStatus(
            factsOf(row),
            {
              to: request.to,
              note: request.note || null,
              answer: request.to === 'answered' ? request.answer : null,
              answerChannel: request.to === 'answered' ? (request.answerChannel ?? null) : null,
            },
            ctx.by,
          );
          return { events: [event], ref: id };
        },
        sameTarget: (_request, ref) => ref === id,
        // A public filing verified after its deadline is owed its compensation now (complaint-store.ts, RAISES_LATE).
        applied: (_events, _ctx, request) => {
          if (request.to === 'verified') void this.late.raiseDue();
        },
        answer: (ref) => this.detail(ref),
      },
      body,
      key,
    );
  }

  recategorise(actor: Actor, id: string, body: unknown, key: string | undefined): Promise<ComplaintView> {
    return this.deps.bus.record(
      actor,
      {
        name: CATEGORY,
        allowed: (a) => MANAGERS.includes(a.role),
        schema: ComplaintCategoryRequest,
        decide: (request, ctx) => {
          const row = this.require(id);
          const event = decideRecategorise(
            factsOf(row),
            request.category,
            request.note || null,
            this.calendar.state(),
            ctx.by,
          );
          return { events: [event], ref: id };
        },
        sameTarget: (_request, ref) => ref === id,
        // The new deadline may already be past (ringan, 3 hours, set late in the day).
        applied: () => {
          void this.late.raiseDue();
        },
        answer: (ref) => this.detail(ref),
      },
      body,
      key,
    );
  }

  private fileCommand<P, R>(
    schema: z.ZodType<P>,
    toFiling: (input: P) => Filing,
    answer: (row: ComplaintRow) => R,
  ): RecordCommand<P, R> {
    return {
      name: FILE,
      allowed: (actor) => actor === PUBLIC || FILERS.includes(actor.role),
      schema,
      decide: (input, ctx) => {
        const filing = toFiling(input);
        if (filing.agencyId !== null && !this.deps.site.agencies.some((a) => a.id === filing.agencyId)) {
          throw new HubError('VALIDATION_FAILED', [{ path: 'agencyId', message: 'unknown agency' }]);
        }
        const receivedOn = localTime(ctx.now, this.deps.site.timeZone).date;
        const ticket = resolveTicket(this.store, filing.ticket, receivedOn, this.deps.site.numberWidth);
        const event = decideFileComplaint(
          { ...filing, complaintId: ctx.newId(), code: ctx.newCode(), ticket },
          (year) => this.store.lastRegisterSeq(year),
          this.calendar.state(),
          ctx.by,
        );
        return { events: [event], ref: event.complaintId };
      },
      // A ringan complaint (3 hours) may fall due before the alarm now set.
      applied: () => {
        this.late.arm();
      },
      answer: (ref) => answer(this.require(ref)),
    };
  }

  /** What staff screens are told when a complaint changed: its number and status, never the person. */
  changed(id: string, at: string): ComplaintChanged | null {
    const row = this.store.byId(id);
    return row ? complaintChanged(row, at) : null;
  }

  private require(id: string): ComplaintRow {
    const row = this.store.byId(id);
    if (!row) throw new HubError('COMPLAINT_NOT_FOUND');
    return row;
  }

  private view(row: ComplaintRow): ComplaintView {
    const provisional = this.calendar.isProvisional(row);
    return complaintView(row, this.store.history(row.id), this.deps.site, this.now(), provisional);
  }

  private publicView(row: ComplaintRow): PublicComplaintStatus {
    const provisional = this.calendar.isProvisional(row);
    return publicComplaintStatus(row, this.store.history(row.id), this.deps.site, this.now(), provisional);
  }

  private now(): string {
    return this.deps.engine.nowIso();
  }
}
