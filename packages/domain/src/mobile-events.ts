import type {
  CrewRole,
  PermitDocument,
  RiskClass,
  VisitMilestone,
  VisitOutcome,
  VisitPurpose,
  VisitRequesterKind,
} from './mobile-types.ts';
import type { ChangedBy } from './record-events.ts';

/*
 * The mobile unit's events: requests, the schedule, the visit day's milestones and its registers. They join the
 * hub's one log, and so the region's at central (NIK, phone and visitors' names are stripped on the way).
 */

export interface VisitPlace {
  /** Desa or kelurahan. */
  readonly village: string;
  readonly district: string;
  readonly address: string | null;
  readonly latitude: number | null;
  readonly longitude: number | null;
}

export interface CrewMember {
  readonly name: string;
  readonly role: CrewRole;
}

/** The written notice to the local official (seed 000, persiapan 2). */
export interface VisitNotice {
  readonly letterNumber: string;
  readonly letterDate: string;
  readonly addressedTo: string;
}

export interface VisitRequestReceived extends ChangedBy {
  readonly type: 'visit-request:received';
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

export interface VisitRequestDeclined extends ChangedBy {
  readonly type: 'visit-request:declined';
  readonly requestId: string;
  readonly reason: string;
}

export interface VisitScheduled extends ChangedBy {
  readonly type: 'visit:scheduled';
  readonly visitId: string;
  readonly requestId: string | null;
  readonly date: string;
  readonly place: VisitPlace;
  readonly suratTugasNumber: string;
  readonly crew: readonly CrewMember[];
  readonly notice: VisitNotice | null;
  readonly agencies: readonly string[];
}

export interface VisitApproved extends ChangedBy {
  readonly type: 'visit:approved';
  readonly visitId: string;
}

export interface VisitMilestoneRecorded extends ChangedBy {
  readonly type: 'visit:milestone-recorded';
  readonly visitId: string;
  readonly milestone: VisitMilestone;
  /** The standard it was judged against (local time) and the result; minutes off the standard, 0 when on time. */
  readonly standard: string;
  readonly judgement: 'on_time' | 'late' | 'early';
  readonly minutesOff: number;
  readonly note: string | null;
}

export interface VisitRegistered extends ChangedBy {
  readonly type: 'visit:registered';
  readonly visitId: string;
  readonly entryId: string;
  /** Seed 001: the order number the visitor is served in. */
  readonly orderNumber: number;
  readonly name: string;
  readonly nik: string | null;
  readonly phone: string | null;
  readonly businessName: string | null;
  readonly riskClass: RiskClass | null;
  readonly purpose: VisitPurpose;
  readonly outcome: VisitOutcome;
  readonly note: string | null;
  /** Why the visitor was registered outside the service window (09:00–12:00), or null inside it. */
  readonly outsideWindowReason: string | null;
  /** The complaint a `complaint` entry filed into the register (Buku Pengaduan), same transaction. */
  readonly filedComplaintId: string | null;
  /** The queue ticket the counter was serving when it filled the entry. */
  readonly ticketId: string | null;
}

export interface VisitPermitIssued extends ChangedBy {
  readonly type: 'visit:permit-issued';
  readonly visitId: string;
  readonly permitId: string;
  readonly entryId: string | null;
  readonly nib: string;
  readonly businessName: string;
  readonly riskClass: RiskClass;
  readonly document: PermitDocument;
  readonly issuedInOssAt: string;
  readonly printed: boolean;
  readonly handedOver: boolean;
  /** Validity and account access explained; the OSS password is never recorded (seed 001, step 6). */
  readonly accessExplained: boolean;
}

export interface VisitCounsellingHeld extends ChangedBy {
  readonly type: 'visit:counselling-held';
  readonly visitId: string;
  readonly sessionId: string;
  readonly topic: string;
  readonly peopleReached: number;
}

export interface VisitPhotoAttached extends ChangedBy {
  readonly type: 'visit:photo-attached';
  readonly visitId: string;
  readonly photoId: string;
  readonly mime: 'image/jpeg' | 'image/png' | 'image/webp';
  readonly bytes: number;
  readonly sha256: string;
  readonly caption: string | null;
}

export type MobileEvent =
  | VisitRequestReceived
  | VisitRequestDeclined
  | VisitScheduled
  | VisitApproved
  | VisitMilestoneRecorded
  | VisitRegistered
  | VisitPermitIssued
  | VisitCounsellingHeld
  | VisitPhotoAttached;
