import { localTime, parseClock } from './local-time.ts';
import type {
  CrewMember,
  MobileEvent,
  VisitCounsellingHeld,
  VisitMilestoneRecorded,
  VisitNotice,
  VisitPermitIssued,
  VisitPhotoAttached,
  VisitPlace,
  VisitRegistered,
  VisitRequestDeclined,
  VisitRequestReceived,
  VisitScheduled,
  VisitApproved,
} from './mobile-events.ts';
import {
  MAX_CREW,
  NIB_PATTERN,
  NIK_PATTERN,
  VISIT_MILESTONES,
  type MilestoneStandards,
  type PermitDocument,
  type RiskClass,
  type VisitMilestone,
  type VisitOutcome,
  type VisitPurpose,
  type VisitRequestStatus,
  type VisitRequesterKind,
  type VisitStatus,
} from './mobile-types.ts';
import type { ChangedBy } from './record-events.ts';

/*
 * The mobile unit's decisions, pure: the hub loads the visit or request they rest on and passes `now` (in `by`),
 * the site's zone and the new ids; the answer is the events to append, or a coded refusal.
 */

export type MobileRuleCode =
  | 'MOBILE_REQUEST_NOT_FOUND'
  | 'MOBILE_REQUEST_CLOSED'
  | 'MOBILE_VISIT_NOT_FOUND'
  | 'MOBILE_CREW_TOO_LARGE'
  | 'MOBILE_CREW_NEEDS_COORDINATOR'
  | 'MOBILE_PLACE_REQUIRED'
  | 'MOBILE_DATE_PAST'
  | 'MOBILE_DATE_TAKEN'
  | 'MOBILE_VISIT_ALREADY_APPROVED'
  | 'MOBILE_VISIT_NOT_APPROVED'
  | 'MOBILE_VISIT_NOT_TODAY'
  | 'MOBILE_VISIT_CLOSED'
  | 'MOBILE_MILESTONE_RECORDED'
  | 'MOBILE_MILESTONE_OUT_OF_ORDER'
  | 'MOBILE_OUTSIDE_SERVICE_WINDOW'
  | 'MOBILE_NIK_INVALID'
  | 'MOBILE_NIB_INVALID'
  | 'MOBILE_PERMIT_DUPLICATE'
  | 'MOBILE_PHOTO_TOO_LARGE'
  | 'MOBILE_PHOTO_NOT_IMAGE';

export class MobileRuleError extends Error {
  constructor(readonly code: MobileRuleCode) {
    super(code);
    this.name = 'MobileRuleError';
  }
}

export interface VisitRequestFacts {
  readonly id: string;
  readonly status: VisitRequestStatus;
  readonly place: VisitPlace;
  readonly agencies: readonly string[];
}

export interface VisitFacts {
  readonly id: string;
  readonly date: string;
  readonly status: VisitStatus;
  readonly requestId: string | null;
  /** When each recorded milestone was recorded. */
  readonly milestones: Readonly<Partial<Record<VisitMilestone, string>>>;
  readonly lastOrderNumber: number;
  readonly permits: readonly { readonly document: PermitDocument; readonly nib: string }[];
}

/** Where the hub's clock stands in the site's zone: the date a visit must be on, and the minute the standards read. */
interface SiteClock {
  readonly timeZone: string;
}

export interface ReceiveVisitRequest {
  readonly requestId: string;
  readonly requesterKind: VisitRequesterKind;
  readonly requesterName: string;
  readonly letterNumber: string | null;
  readonly letterDate: string | null;
  readonly place: VisitPlace;
  readonly wishedDate: string;
  readonly agencies: readonly string[];
  readonly note: string | null;
}

export function decideReceiveRequest(
  command: ReceiveVisitRequest,
  clock: SiteClock,
  by: ChangedBy,
): VisitRequestReceived {
  if (command.wishedDate < localTime(by.at, clock.timeZone).date)
    throw new MobileRuleError('MOBILE_DATE_PAST');
  return { type: 'visit-request:received', ...by, ...command };
}

function openRequest(request: VisitRequestFacts | null): VisitRequestFacts {
  if (!request) throw new MobileRuleError('MOBILE_REQUEST_NOT_FOUND');
  if (request.status !== 'received') throw new MobileRuleError('MOBILE_REQUEST_CLOSED');
  return request;
}

export function decideDeclineRequest(
  request: VisitRequestFacts | null,
  reason: string,
  by: ChangedBy,
): VisitRequestDeclined {
  const open = openRequest(request);
  return { type: 'visit-request:declined', ...by, requestId: open.id, reason };
}

export interface ScheduleVisit {
  readonly visitId: string;
  readonly requestId: string | null;
  readonly date: string;
  readonly place: VisitPlace | null;
  readonly suratTugasNumber: string;
  readonly crew: readonly CrewMember[];
  readonly notice: VisitNotice | null;
  readonly agencies: readonly string[] | null;
}

/** At most four, the driver included (seed 000), and someone in charge of it: the coordinator (seed 001). */
export function checkCrew(crew: readonly CrewMember[]): void {
  if (crew.length > MAX_CREW) throw new MobileRuleError('MOBILE_CREW_TOO_LARGE');
  if (!crew.some((m) => m.role === 'coordinator')) throw new MobileRuleError('MOBILE_CREW_NEEDS_COORDINATOR');
}

/**
 * A visit on a day to come, from a written request or directly (the Dinas's own rotation). One vehicle makes one
 * visit a day, so a date already taken is refused.
 */
export function decideScheduleVisit(
  command: ScheduleVisit,
  request: VisitRequestFacts | null,
  dateTaken: (date: string) => boolean,
  clock: SiteClock,
  by: ChangedBy,
): VisitScheduled {
  checkCrew(command.crew);
  const from = command.requestId === null ? null : openRequest(request);
  const place = command.place ?? from?.place ?? null;
  if (!place) throw new MobileRuleError('MOBILE_PLACE_REQUIRED');
  if (command.date < localTime(by.at, clock.timeZone).date) throw new MobileRuleError('MOBILE_DATE_PAST');
  if (dateTaken(command.date)) throw new MobileRuleError('MOBILE_DATE_TAKEN');
  return {
    type: 'visit:scheduled',
    ...by,
    visitId: command.visitId,
    requestId: command.requestId,
    date: command.date,
    place,
    suratTugasNumber: command.suratTugasNumber,
    crew: command.crew,
    notice: command.notice,
    agencies: command.agencies ?? from?.agencies ?? [],
  };
}

function existing(visit: VisitFacts | null): VisitFacts {
  if (!visit) throw new MobileRuleError('MOBILE_VISIT_NOT_FOUND');
  return visit;
}

/** The Kepala Dinas approves what the coordinator planned; the surat tugas is theirs. */
export function decideApproveVisit(visit: VisitFacts | null, by: ChangedBy): VisitApproved {
  const v = existing(visit);
  if (v.status !== 'planned') throw new MobileRuleError('MOBILE_VISIT_ALREADY_APPROVED');
  return { type: 'visit:approved', ...by, visitId: v.id };
}

/** A visit being worked on today: approved, on its own date, and not yet reported. */
function workableToday(visit: VisitFacts | null, clock: SiteClock, at: string): VisitFacts {
  const v = existing(visit);
  if (v.status === 'planned') throw new MobileRuleError('MOBILE_VISIT_NOT_APPROVED');
  if (v.status === 'done') throw new MobileRuleError('MOBILE_VISIT_CLOSED');
  if (localTime(at, clock.timeZone).date !== v.date) throw new MobileRuleError('MOBILE_VISIT_NOT_TODAY');
  return v;
}

/** How a milestone recorded at `at` stands against its standard, in whole minutes. */
export function judgeMilestone(
  visitDate: string,
  standard: { readonly at: string; readonly rule: 'by' | 'from' },
  at: string,
  timeZone: string,
): { judgement: 'on_time' | 'late' | 'early'; minutesOff: number } {
  const local = localTime(at, timeZone);
  // A later day (a report made the next morning) is late by whole days past the standard.
  const dayOffset = Math.round((Date.parse(local.date) - Date.parse(visitDate)) / 86_400_000);
  const minutes = dayOffset * 24 * 60 + local.minuteOfDay - parseClock(standard.at);
  if (standard.rule === 'by' && minutes > 0) return { judgement: 'late', minutesOff: minutes };
  if (standard.rule === 'from' && minutes < 0) return { judgement: 'early', minutesOff: -minutes };
  return { judgement: 'on_time', minutesOff: 0 };
}

export function decideMilestone(
  visit: VisitFacts | null,
  milestone: VisitMilestone,
  note: string | null,
  standards: MilestoneStandards,
  clock: SiteClock,
  by: ChangedBy,
): VisitMilestoneRecorded {
  const v = existing(visit);
  if (v.status === 'planned') throw new MobileRuleError('MOBILE_VISIT_NOT_APPROVED');
  if (v.milestones[milestone] !== undefined) throw new MobileRuleError('MOBILE_MILESTONE_RECORDED');
  const index = VISIT_MILESTONES.indexOf(milestone);
  const before = VISIT_MILESTONES[index - 1];
  if (before !== undefined && v.milestones[before] === undefined)
    throw new MobileRuleError('MOBILE_MILESTONE_OUT_OF_ORDER');
  const today = localTime(by.at, clock.timeZone).date;
  // The report to the superior may follow on a later day; the day's own milestones only on the visit's date.
  const onSchedule = milestone === 'reported' ? today >= v.date : today === v.date;
  if (!onSchedule) throw new MobileRuleError('MOBILE_VISIT_NOT_TODAY');
  const standard = standards[milestone];
  return {
    type: 'visit:milestone-recorded',
    ...by,
    visitId: v.id,
    milestone,
    standard: standard.at,
    ...judgeMilestone(v.date, standard, by.at, clock.timeZone),
    note,
  };
}

/** Inside the service window: the service was opened and not yet closed. */
export function inServiceWindow(visit: VisitFacts): boolean {
  return visit.milestones['service-opened'] !== undefined && visit.milestones['service-closed'] === undefined;
}

export interface RegisterVisitor {
  readonly entryId: string;
  readonly name: string;
  readonly nik: string | null;
  readonly phone: string | null;
  readonly businessName: string | null;
  readonly riskClass: RiskClass | null;
  readonly purpose: VisitPurpose;
  readonly outcome: VisitOutcome;
  readonly note: string | null;
  readonly outsideWindowReason: string | null;
  readonly filedComplaintId: string | null;
  readonly ticketId: string | null;
}

/**
 * A visitor takes the next order number of the visit (seed 001: served in that order). Outside the service window
 * (before it opens or after it closes) the entry needs a reason, as the SOP's hours are 09:00–12:00.
 */
export function decideRegister(
  visit: VisitFacts | null,
  command: RegisterVisitor,
  clock: SiteClock,
  by: ChangedBy,
): VisitRegistered {
  const v = workableToday(visit, clock, by.at);
  if (command.nik !== null && !NIK_PATTERN.test(command.nik)) throw new MobileRuleError('MOBILE_NIK_INVALID');
  const inside = inServiceWindow(v);
  if (!inside && !command.outsideWindowReason) throw new MobileRuleError('MOBILE_OUTSIDE_SERVICE_WINDOW');
  return {
    type: 'visit:registered',
    ...by,
    visitId: v.id,
    ...command,
    orderNumber: v.lastOrderNumber + 1,
    outsideWindowReason: inside ? null : command.outsideWindowReason,
  };
}

export interface IssuePermit {
  readonly permitId: string;
  readonly entryId: string | null;
  readonly nib: string;
  readonly businessName: string;
  readonly riskClass: RiskClass;
  readonly document: PermitDocument;
  readonly issuedInOssAt: string;
  readonly printed: boolean;
  readonly handedOver: boolean;
  readonly accessExplained: boolean;
}

/** The issuance register: a 13-digit NIB, once per document kind in a visit. */
export function decideIssuePermit(
  visit: VisitFacts | null,
  command: IssuePermit,
  clock: SiteClock,
  by: ChangedBy,
): VisitPermitIssued {
  const v = workableToday(visit, clock, by.at);
  if (!NIB_PATTERN.test(command.nib)) throw new MobileRuleError('MOBILE_NIB_INVALID');
  if (v.permits.some((p) => p.nib === command.nib && p.document === command.document))
    throw new MobileRuleError('MOBILE_PERMIT_DUPLICATE');
  return { type: 'visit:permit-issued', ...by, visitId: v.id, ...command };
}

export function decideCounselling(
  visit: VisitFacts | null,
  command: { readonly sessionId: string; readonly topic: string; readonly peopleReached: number },
  clock: SiteClock,
  by: ChangedBy,
): VisitCounsellingHeld {
  const v = workableToday(visit, clock, by.at);
  return { type: 'visit:counselling-held', ...by, visitId: v.id, ...command };
}

const IMAGE_SIGNATURES: readonly {
  readonly mime: VisitPhotoAttached['mime'];
  readonly test: (b: Uint8Array) => boolean;
}[] = [
  { mime: 'image/jpeg', test: (b) => b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff },
  {
    mime: 'image/png',
    test: (b) => [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a].every((byte, i) => b[i] === byte),
  },
  {
    mime: 'image/webp',
    test: (b) =>
      String.fromCharCode(...b.subarray(0, 4)) === 'RIFF' &&
      String.fromCharCode(...b.subarray(8, 12)) === 'WEBP',
  },
];

/** What the bytes are, by their signature, whatever the sender claimed; null for anything but JPEG, PNG, WebP. */
export function imageKind(bytes: Uint8Array): VisitPhotoAttached['mime'] | null {
  return IMAGE_SIGNATURES.find((s) => s.test(bytes))?.mime ?? null;
}

/** Documentation of the visit (seed 000: "mencatat dan mendokumentasi"): an image, within the size limit. */
export function decideAttachPhoto(
  visit: VisitFacts | null,
  photo: {
    readonly photoId: string;
    readonly bytes: Uint8Array;
    readonly sha256: string;
    readonly caption: string | null;
  },
  maxBytes: number,
  by: ChangedBy,
): VisitPhotoAttached {
  const v = existing(visit);
  if (photo.bytes.length > maxBytes) throw new MobileRuleError('MOBILE_PHOTO_TOO_LARGE');
  const mime = imageKind(photo.bytes);
  if (!mime) throw new MobileRuleError('MOBILE_PHOTO_NOT_IMAGE');
  return {
    type: 'visit:photo-attached',
    ...by,
    visitId: v.id,
    photoId: photo.photoId,
    mime,
    bytes: photo.bytes.length,
    sha256: photo.sha256,
    caption: photo.caption,
  };
}

export interface MobileFacts {
  readonly requests: Map<string, VisitRequestFacts>;
  readonly visits: Map<string, VisitFacts>;
}

/** The requests and visits a sequence of the unit's events leaves (the hub keeps the same in its tables). */
export function foldMobile(events: readonly MobileEvent[]): MobileFacts {
  const facts: MobileFacts = { requests: new Map(), visits: new Map() };
  for (const event of events) applyMobile(facts, event);
  return facts;
}

function setRequestStatus(facts: MobileFacts, id: string | null, status: VisitRequestStatus): void {
  const request = id === null ? undefined : facts.requests.get(id);
  if (request) facts.requests.set(request.id, { ...request, status });
}

function updateVisit(facts: MobileFacts, id: string, change: (v: VisitFacts) => VisitFacts): void {
  const visit = facts.visits.get(id);
  if (visit) facts.visits.set(id, change(visit));
}

export function applyMobile(facts: MobileFacts, event: MobileEvent): void {
  switch (event.type) {
    case 'visit-request:received':
      facts.requests.set(event.requestId, {
        id: event.requestId,
        status: 'received',
        place: event.place,
        agencies: event.agencies,
      });
      return;
    case 'visit-request:declined':
      setRequestStatus(facts, event.requestId, 'declined');
      return;
    case 'visit:scheduled':
      facts.visits.set(event.visitId, {
        id: event.visitId,
        date: event.date,
        status: 'planned',
        requestId: event.requestId,
        milestones: {},
        lastOrderNumber: 0,
        permits: [],
      });
      setRequestStatus(facts, event.requestId, 'scheduled');
      return;
    case 'visit:approved':
      updateVisit(facts, event.visitId, (v) => ({ ...v, status: 'approved' }));
      return;
    case 'visit:milestone-recorded': {
      const done = event.milestone === 'reported';
      updateVisit(facts, event.visitId, (v) => ({
        ...v,
        status: done ? 'done' : 'under_way',
        milestones: { ...v.milestones, [event.milestone]: event.at },
      }));
      if (done) setRequestStatus(facts, facts.visits.get(event.visitId)?.requestId ?? null, 'done');
      return;
    }
    case 'visit:registered':
      updateVisit(facts, event.visitId, (v) => ({ ...v, lastOrderNumber: event.orderNumber }));
      return;
    case 'visit:permit-issued':
      updateVisit(facts, event.visitId, (v) => ({
        ...v,
        permits: [...v.permits, { document: event.document, nib: event.nib }],
      }));
      return;
    case 'visit:counselling-held':
    case 'visit:photo-attached':
      return;
  }
}
