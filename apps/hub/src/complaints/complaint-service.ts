import { randomUUID } from 'node:crypto';
import {
  awaitsAnswer,
  checkComplaintTransition,
  checkRecategorise,
  ComplaintRuleError,
  DEFAULT_COMPLAINT_CATEGORY,
  isPastDeadline,
  localTime,
  type ComplaintCategory,
  type ComplaintChannel,
  type ComplaintDeadline,
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
} from '@giliran/protocol';
import type { Logger } from 'pino';
import type { Actor } from '../auth/actor.ts';
import { newTicketCode } from '../auth/secrets.ts';
import type { Clock } from '../clock.ts';
import type { CommandBus } from '../commands/command-bus.ts';
import type { QueueEngine } from '../commands/queue-engine.ts';
import type { SiteConfig } from '../config/site-config.ts';
import type { Db } from '../db/database.ts';
import type { QueueStore } from '../db/queue-store.ts';
import { HubError } from '../hub-error.ts';
import { ComplaintCalendar } from './complaint-calendar.ts';
import { parse } from './parse.ts';
import { ComplaintLateWatcher } from './complaint-late-watcher.ts';
import { ComplaintStore, type ComplaintRow, type Replay } from './complaint-store.ts';
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
  /** To staff screens only: the event names the complaint, never the person. */
  readonly broadcast: (changed: ComplaintChanged) => void;
}

/** Whoever files on the public form; their idempotency keys live under this one actor. */
const PUBLIC_FILER = 'public';
const FILE = 'complaint:file';
const STATUS = 'complaint:status';
const CATEGORY = 'complaint:category';

/** The domain's rule codes are wire error codes too. */
function underRules(check: () => void): void {
  try {
    check();
  } catch (error) {
    if (error instanceof ComplaintRuleError) throw new HubError(error.code);
    throw error;
  }
}

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
      onRaised: (id, at) => {
        this.deps.broadcast(complaintChanged(this.require(id), at));
      },
    });
    this.calendar = new ComplaintCalendar({
      db: deps.db,
      complaints: this.store,
      timeZone: deps.site.timeZone,
      now: () => this.now(),
      onMoved: (rows, at) => {
        for (const row of rows) deps.broadcast(complaintChanged(row, at));
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

  filePublic(body: unknown, key: string | undefined): PublicComplaintStatus {
    const input = parse(PublicComplaintRequest, body);
    const row = this.file(
      {
        ...input,
        channel: 'website',
        channelRef: null,
        agencyId: input.agencyId ?? null,
        ticket: input.ticket ?? null,
        category: null,
      },
      PUBLIC_FILER,
      key,
    );
    return this.publicView(row);
  }

  fileByStaff(actor: Actor, body: unknown, key: string | undefined): ComplaintView {
    const input = parse(StaffComplaintRequest, body);
    const row = this.file(
      {
        ...input,
        channelRef: input.channelRef || null,
        occupation: input.occupation || null,
        address: input.address || null,
        contact: input.contact || null,
        agencyId: input.agencyId ?? null,
        ticket: input.ticket ?? null,
        category: input.category ?? null,
      },
      actor.id,
      key,
    );
    return this.view(row);
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
    const request = parse(ComplaintStatusRequest, body);
    const replay = this.replay(actor.id, key, STATUS, id);
    if (replay === 'replayed') return this.detail(id);
    const before = this.require(id);
    // An answer after the deadline finds its compensation raised first, as the timer would have at the deadline.
    if (
      awaitsAnswer(before.status) &&
      before.late_compensation_id === null &&
      isPastDeadline(before.deadline_at, this.now())
    ) {
      await this.late.raiseDue();
    }
    const row = this.require(id);
    const note = request.note || null;
    underRules(() => {
      checkComplaintTransition(row.status, request.to, note);
    });
    const at = this.now();
    const answer =
      request.to === 'answered'
        ? { text: request.answer, channel: request.answerChannel ?? row.channel }
        : null;
    this.store.setStatus(
      id,
      { at, actor: actor.id, kind: 'status', status: request.to, category: null, note },
      answer,
      replay,
    );
    // A public filing verified after its deadline is owed its compensation now (complaint-store.ts, RAISES_LATE).
    if (request.to === 'verified') void this.late.raiseDue();
    return this.announce(id, at);
  }

  recategorise(actor: Actor, id: string, body: unknown, key: string | undefined): ComplaintView {
    const request = parse(ComplaintCategoryRequest, body);
    const replay = this.replay(actor.id, key, CATEGORY, id);
    if (replay === 'replayed') return this.detail(id);
    const row = this.require(id);
    underRules(() => {
      checkRecategorise(row.status);
    });
    // A deadline already missed stays missed: the compensation stands, whatever category follows.
    const deadline: ComplaintDeadline =
      row.late_compensation_id === null
        ? this.calendar.deadlineOf(row.received_at, request.category)
        : { deadlineAt: row.deadline_at, lastDay: row.deadline_day };
    const at = this.now();
    this.store.setCategory(
      id,
      deadline,
      {
        at,
        actor: actor.id,
        kind: 'category',
        status: row.status,
        category: request.category,
        note: request.note || null,
      },
      replay,
    );
    // The new deadline may already be past (ringan, 3 hours, set late in the day).
    void this.late.raiseDue();
    return this.announce(id, at);
  }

  private file(input: Filing, by: string, key: string | undefined): ComplaintRow {
    const replay: Replay | null = key ? { actor: by, key, command: FILE } : null;
    const earlier = replay ? this.store.replayOf(replay.actor, replay.key, FILE) : null;
    if (earlier !== null) return this.require(earlier);
    if (input.agencyId !== null && !this.deps.site.agencies.some((a) => a.id === input.agencyId)) {
      throw new HubError('VALIDATION_FAILED', [{ path: 'agencyId', message: 'unknown agency' }]);
    }
    const now = this.now();
    const receivedOn = localTime(now, this.deps.site.timeZone);
    const category = input.category ?? DEFAULT_COMPLAINT_CATEGORY;
    const deadline = this.calendar.deadlineOf(now, category);
    const ticket = resolveTicket(this.store, input.ticket, receivedOn.date, this.deps.site.numberWidth);
    const row = this.store.insert(
      {
        id: randomUUID(),
        code: newTicketCode(),
        register_year: Number(receivedOn.date.slice(0, 4)),
        channel: input.channel,
        channel_ref: input.channelRef,
        name: input.name,
        occupation: input.occupation,
        address: input.address,
        contact: input.contact,
        text: input.text,
        agency_id: input.agencyId,
        ticket_ref: ticket?.ref ?? null,
        ticket_id: ticket?.id ?? null,
        ticket_number: ticket?.number ?? null,
        category,
        received_at: now,
        received_by: by,
        deadline_at: deadline.deadlineAt,
        deadline_day: deadline.lastDay,
      },
      replay,
    );
    this.deps.broadcast(complaintChanged(row, now));
    // A ringan complaint (3 hours) may fall due before the alarm now set.
    this.late.arm();
    return row;
  }

  /** 'replayed' when this key already did this command on this complaint; the key to record otherwise. */
  private replay(
    actor: string,
    key: string | undefined,
    command: string,
    id: string,
  ): Replay | null | 'replayed' {
    if (!key) return null;
    const earlier = this.store.replayOf(actor, key, command);
    if (earlier === null) return { actor, key, command };
    if (earlier !== id) throw new HubError('IDEMPOTENCY_CONFLICT');
    return 'replayed';
  }

  /** Tells the staff screens, and answers with the complaint as it is now. */
  private announce(id: string, at: string): ComplaintView {
    const row = this.require(id);
    this.deps.broadcast(complaintChanged(row, at));
    return this.view(row);
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
