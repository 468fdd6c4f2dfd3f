import { createHash } from 'node:crypto';
import {
  decideApproveVisit,
  decideAttachPhoto,
  decideCounselling,
  decideDeclineRequest,
  decideFileComplaint,
  decideIssuePermit,
  decideMilestone,
  decideReceiveRequest,
  decideRegister,
  decideScheduleVisit,
  localTime,
  type ComplaintCalendarState,
  type MilestoneStandards,
  type RecordEvent,
  type VisitMilestone,
  type VisitApproved,
  type VisitPlace,
} from '@giliran/domain';
import {
  CounsellingInput,
  DeclineVisitRequestInput,
  MilestoneInput,
  PermitInput,
  VisitInput,
  VisitRegisterInput,
  VisitRequestInput,
  type CounsellingView,
  type PermitView,
  type PhotoView,
  type Role,
  type VisitDetailView,
  type VisitPlaceInput,
  type VisitRegisterEntryView,
  type VisitRequestView,
  type VisitScheduledFeed,
  type VisitSummaryView,
  MOBILE_APPROVERS,
  MOBILE_CREW,
  MOBILE_PLANNERS,
} from '@giliran/protocol';
import { z } from 'zod';
import type { Actor } from '../auth/actor.ts';
import type { CommandBus } from '../commands/command-bus.ts';
import type { QueueEngine } from '../commands/queue-engine.ts';
import type { RecordContext } from '../commands/record-command.ts';
import type { SiteConfig } from '../config/site-config.ts';
import type { Db } from '../db/database.ts';
import { ComplaintStore } from '../complaints/complaint-store.ts';
import { HubError } from '../hub-error.ts';
import { milestoneStandards } from '../config/mobile-settings.ts';
import { MobileStore } from './mobile-store.ts';
import type { PhotoFiles } from './photo-files.ts';

/** The coordinator plans (requests, the schedule); admin may stand in. Defined beside the command table. */
export const PLANNERS: readonly Role[] = MOBILE_PLANNERS;
/** The Kepala Dinas approves the schedule: the surat tugas is theirs. */
export const APPROVERS: readonly Role[] = MOBILE_APPROVERS;
/** The crew's accounts: officers and their coordinator record the day and its registers. */
export const CREW: readonly Role[] = MOBILE_CREW;
/** Who sees NIK and phone in full: the coordinator, who answers for the register (UU 27/2022). */
export const SEES_PERSONAL_DATA: readonly Role[] = ['coordinator'];

export interface MobileDeps {
  readonly db: Db;
  readonly site: SiteConfig;
  readonly bus: CommandBus;
  readonly engine: QueueEngine;
  readonly photos: PhotoFiles;
  /** The complaint register's calendar (deadlines), and a nudge to its late watcher after a field complaint. */
  readonly complaintCalendar: () => ComplaintCalendarState;
  readonly complaintFiled: () => void;
}

const place = (input: z.output<typeof VisitInput>['place'] | VisitPlaceInput): VisitPlace | null =>
  input
    ? {
        village: input.village,
        district: input.district,
        address: input.address ?? null,
        latitude: input.latitude ?? null,
        longitude: input.longitude ?? null,
      }
    : null;

const PhotoPayload = z.object({ bytes: z.instanceof(Uint8Array), caption: z.string().max(300).nullable() });

/**
 * The mobile unit's commands, each a RecordCommand on the bus's one path (role → schema → pure decide → one
 * transaction → answer → broadcast), and the views its routes answer.
 */
export class MobileService {
  readonly store: MobileStore;
  private readonly complaintStore: ComplaintStore;
  readonly standards: MilestoneStandards;

  constructor(private readonly deps: MobileDeps) {
    this.store = new MobileStore(deps.db);
    this.complaintStore = new ComplaintStore(deps.db);
    this.standards = milestoneStandards(deps.site.mobile);
  }

  get photoMaxBytes(): number {
    return this.deps.site.mobile.photoMaxBytes;
  }

  private get clock() {
    return { timeZone: this.deps.site.timeZone };
  }

  receiveRequest(actor: Actor, body: unknown, key?: string): Promise<VisitRequestView> {
    return this.deps.bus.record(
      actor,
      {
        name: 'visit-request:receive',
        allowed: (a) => PLANNERS.includes(a.role),
        schema: VisitRequestInput,
        decide: (input, ctx) => {
          const event = decideReceiveRequest(
            {
              requestId: ctx.newId(),
              requesterKind: input.requesterKind,
              requesterName: input.requesterName,
              letterNumber: input.letterNumber ?? null,
              letterDate: input.letterDate ?? null,
              place: place(input.place) as VisitPlace,
              wishedDate: input.wishedDate,
              agencies: input.agencies,
              note: input.note || null,
            },
            this.clock,
            ctx.by,
          );
          return { events: [event], ref: event.requestId };
        },
        answer: (ref) => this.requireRequest(ref),
      },
      body,
      key,
    );
  }

  declineRequest(actor: Actor, id: string, body: unknown, key?: string): Promise<VisitRequestView> {
    return this.deps.bus.record(
      actor,
      {
        name: 'visit-request:decline',
        allowed: (a) => PLANNERS.includes(a.role),
        schema: DeclineVisitRequestInput,
        decide: (input, ctx) => ({
          events: [decideDeclineRequest(this.store.requestFacts(id), input.reason, ctx.by)],
          ref: id,
        }),
        sameTarget: (_input, ref) => ref === id,
        answer: (ref) => this.requireRequest(ref),
      },
      body,
      key,
    );
  }

  scheduleVisit(actor: Actor, body: unknown, key?: string): Promise<VisitSummaryView> {
    return this.deps.bus.record(
      actor,
      {
        name: 'visit:schedule',
        allowed: (a) => PLANNERS.includes(a.role),
        schema: VisitInput,
        decide: (input, ctx) => {
          const requestId = input.requestId ?? null;
          const event = decideScheduleVisit(
            {
              visitId: ctx.newId(),
              requestId,
              date: input.date,
              place: place(input.place),
              suratTugasNumber: input.suratTugasNumber,
              crew: input.crew,
              notice: input.notice ?? null,
              agencies: input.agencies ?? null,
            },
            requestId === null ? null : this.store.requestFacts(requestId),
            (date) => this.store.dateTaken(date),
            this.clock,
            ctx.by,
          );
          return { events: [event], ref: event.visitId };
        },
        answer: (ref) => this.requireSummary(ref),
      },
      body,
      key,
    );
  }

  approve(actor: Actor, id: string, key?: string): Promise<VisitSummaryView> {
    return this.deps.bus.record(
      actor,
      {
        name: 'visit:approve',
        allowed: (a) => APPROVERS.includes(a.role),
        schema: z.unknown(),
        decide: (_input, ctx) => ({
          events: [decideApproveVisit(this.store.visitFacts(id), ctx.by)],
          ref: id,
        }),
        sameTarget: (_input, ref) => ref === id,
        answer: (ref) => this.requireSummary(ref),
      },
      {},
      key,
    );
  }

  milestone(
    actor: Actor,
    id: string,
    milestone: VisitMilestone,
    body: unknown,
    key?: string,
  ): Promise<VisitSummaryView> {
    return this.deps.bus.record(
      actor,
      {
        name: `visit:milestone:${milestone}`,
        // The report to the superior is the coordinator's sign-off of the visit.
        allowed: (a) => (milestone === 'reported' ? a.role === 'coordinator' : CREW.includes(a.role)),
        schema: MilestoneInput,
        decide: (input, ctx) => ({
          events: [
            decideMilestone(
              this.store.visitFacts(id),
              milestone,
              input.note || null,
              this.standards,
              this.clock,
              ctx.by,
            ),
          ],
          ref: id,
        }),
        sameTarget: (_input, ref) => ref === id,
        answer: (ref) => this.requireSummary(ref),
      },
      body ?? {},
      key,
    );
  }

  register(actor: Actor, id: string, body: unknown, key?: string): Promise<VisitRegisterEntryView> {
    return this.deps.bus.record(
      actor,
      {
        name: 'visit:register',
        allowed: (a) => CREW.includes(a.role),
        schema: VisitRegisterInput,
        decide: (input, ctx) => {
          const visit = this.store.visitFacts(id);
          const complaint = input.purpose === 'complaint' && input.complaint ? input.complaint : null;
          const filed = complaint
            ? decideFileComplaint(
                {
                  complaintId: ctx.newId(),
                  code: ctx.newCode(),
                  channel: 'mobile_unit',
                  channelRef: visit ? `kunjungan ${visit.date}` : null,
                  name: input.name,
                  occupation: null,
                  address: null,
                  contact: input.phone ?? null,
                  text: complaint.text,
                  agencyId: null,
                  ticket: null,
                  category: complaint.category ?? null,
                },
                (year) => this.complaintStore.lastRegisterSeq(year),
                this.deps.complaintCalendar(),
                ctx.by,
              )
            : null;
          const entry = decideRegister(
            visit,
            {
              entryId: ctx.newId(),
              name: input.name,
              nik: input.nik || null,
              phone: input.phone || null,
              businessName: input.businessName || null,
              riskClass: input.riskClass ?? null,
              purpose: input.purpose,
              outcome: input.outcome,
              note: input.note || null,
              outsideWindowReason: input.outsideWindowReason || null,
              filedComplaintId: filed?.complaintId ?? null,
              ticketId: input.ticketId ?? null,
            },
            this.clock,
            ctx.by,
          );
          // The complaint first: the entry points at it, and both are one transaction.
          const events: RecordEvent[] = filed ? [filed, entry] : [entry];
          return { events, ref: entry.entryId };
        },
        applied: (events) => {
          if (events.some((e) => e.type === 'complaint:filed')) this.deps.complaintFiled();
        },
        sameTarget: (_input, ref) => this.store.entry(id, ref, false) !== null,
        answer: (ref, a) => {
          const entry = this.store.entry(id, ref, SEES_PERSONAL_DATA.includes(a.role));
          if (!entry) throw new HubError('NOT_FOUND');
          return entry;
        },
      },
      body,
      key,
    );
  }

  issuePermit(actor: Actor, id: string, body: unknown, key?: string): Promise<PermitView> {
    return this.deps.bus.record(
      actor,
      {
        name: 'visit:permit',
        allowed: (a) => CREW.includes(a.role),
        schema: PermitInput,
        decide: (input, ctx) => {
          const event = decideIssuePermit(
            this.store.visitFacts(id),
            {
              permitId: ctx.newId(),
              entryId: input.entryId ?? null,
              nib: input.nib,
              businessName: input.businessName,
              riskClass: input.riskClass,
              document: input.document,
              issuedInOssAt: input.issuedInOssAt,
              printed: input.printed,
              handedOver: input.handedOver,
              accessExplained: input.accessExplained,
            },
            this.clock,
            ctx.by,
          );
          return { events: [event], ref: event.permitId };
        },
        sameTarget: (_input, ref) => this.store.permits(id).some((p) => p.id === ref),
        answer: (ref) => {
          const permit = this.store.permits(id).find((p) => p.id === ref);
          if (!permit) throw new HubError('NOT_FOUND');
          return permit;
        },
      },
      body,
      key,
    );
  }

  counselling(actor: Actor, id: string, body: unknown, key?: string): Promise<CounsellingView> {
    return this.deps.bus.record(
      actor,
      {
        name: 'visit:counselling',
        allowed: (a) => CREW.includes(a.role),
        schema: CounsellingInput,
        decide: (input, ctx) => {
          const event = decideCounselling(
            this.store.visitFacts(id),
            { sessionId: ctx.newId(), topic: input.topic, peopleReached: input.peopleReached },
            this.clock,
            ctx.by,
          );
          return { events: [event], ref: event.sessionId };
        },
        sameTarget: (_input, ref) => this.store.counselling(id).some((c) => c.id === ref),
        answer: (ref) => {
          const session = this.store.counselling(id).find((c) => c.id === ref);
          if (!session) throw new HubError('NOT_FOUND');
          return session;
        },
      },
      body,
      key,
    );
  }

  /**
   * A photo of the activity: checked by its bytes, written to the data folder (0600) inside the transaction that
   * logs it, so a refused or failed commit leaves no file behind and a logged photo always has its file.
   */
  attachPhoto(actor: Actor, id: string, bytes: Uint8Array, caption: string | null): Promise<PhotoView> {
    return this.deps.bus.record(
      actor,
      {
        name: 'visit:photo',
        allowed: (a) => CREW.includes(a.role),
        schema: PhotoPayload,
        decide: (input, ctx) => {
          const event = decideAttachPhoto(
            this.store.visitFacts(id),
            {
              photoId: ctx.newId(),
              bytes: input.bytes,
              sha256: createHash('sha256').update(input.bytes).digest('hex'),
              caption: input.caption,
            },
            this.deps.site.mobile.photoMaxBytes,
            ctx.by,
          );
          return {
            events: [event],
            ref: event.photoId,
            alongside: () => {
              this.deps.photos.write(id, event.photoId, event.mime, input.bytes);
            },
          };
        },
        answer: (ref) => {
          const photo = this.store.photo(id, ref);
          if (!photo) throw new HubError('NOT_FOUND');
          return photo;
        },
      },
      { bytes, caption },
    );
  }

  /**
   * A visit scheduled at central (feed kind `visit:scheduled`): the same rule as one entered on the laptop (a
   * date already taken or passed is refused, and the refusal is logged), with central's id, and its approval when
   * the Kepala Dinas gave it there. A request central holds but this laptop does not is not linked.
   */
  fromFeed(payload: VisitScheduledFeed, ctx: RecordContext): { events: RecordEvent[] } {
    const scheduled = decideScheduleVisit(
      {
        visitId: payload.visitId,
        requestId: null,
        date: payload.date,
        place: place(payload.place),
        suratTugasNumber: payload.suratTugasNumber,
        crew: payload.crew,
        notice: payload.notice,
        agencies: payload.agencies,
      },
      null,
      (date) => this.store.dateTaken(date),
      this.clock,
      ctx.by,
    );
    if (payload.approvedBy === null) return { events: [scheduled] };
    const approved: VisitApproved = {
      type: 'visit:approved',
      at: ctx.now,
      by: payload.approvedBy,
      byRole: 'kadis',
      visitId: payload.visitId,
    };
    return { events: [scheduled, approved] };
  }

  visits(from?: string, to?: string): VisitSummaryView[] {
    return this.store.visitIds(from, to).map((id) => this.requireSummary(id));
  }

  detail(id: string, actor: Actor): VisitDetailView {
    const full = SEES_PERSONAL_DATA.includes(actor.role);
    return {
      ...this.requireSummary(id),
      milestones: this.store.milestones(id, this.standards),
      register: this.store.register(id, full),
      permits: this.store.permits(id),
      counselling: this.store.counselling(id),
      photos: this.store.photos(id),
      personalData: full ? 'full' : 'masked',
    };
  }

  /** Today's visit in the site's zone, for the counter page's register form. */
  today(): VisitSummaryView | null {
    const date = localTime(this.deps.engine.nowIso(), this.deps.site.timeZone).date;
    const [id] = this.store.visitIds(date, date);
    return id === undefined ? null : this.requireSummary(id);
  }

  requireSummary(id: string): VisitSummaryView {
    const summary = this.store.summary(id, this.standards);
    if (!summary) throw new HubError('MOBILE_VISIT_NOT_FOUND');
    return summary;
  }

  private requireRequest(id: string): VisitRequestView {
    const request = this.store.request(id);
    if (!request) throw new HubError('MOBILE_REQUEST_NOT_FOUND');
    return request;
  }
}
