import { VISIT_MILESTONES } from '@giliran/domain';
import { z } from 'zod';
import { BookingMoveRequest, BookingRef, BookingRequest, CheckInRequest } from './booking.ts';
import {
  ComplaintCategoriesRequest,
  ComplaintCategoryRequest,
  ComplaintStatusRequest,
  HolidaysRequest,
  PublicComplaintRequest,
  StaffComplaintRequest,
} from './complaints.ts';
import { CreatePairingCodeRequest, PairDeviceRequest } from './devices.ts';
import { MessageOptionsBody, MessageTemplatesBody } from './messages.ts';
import {
  CounsellingInput,
  DeclineVisitRequestInput,
  MilestoneInput,
  PermitInput,
  VisitInput,
  VisitRegisterInput,
  VisitRequestInput,
} from './mobile.ts';
import { ReportChainDate, ReportChainStepParam, SignReportChainRequest } from './report-chain.ts';
import type { Role } from './schemas.ts';
import {
  BookingCapacitySetting,
  BookingOptionsSetting,
  CounterServicesSetting,
  CreateAccountRequest,
  CreateAgencyRequest,
  CreateCounterRequest,
  CreateServiceRequest,
  LateServiceSetting,
  PinResetRequest,
  RunningTextSetting,
  ServiceHoursSetting,
  ServiceStandardsSetting,
  SiteHoursSetting,
  SiteStandardsSetting,
  UpdateAccountRequest,
  UpdateAgencyRequest,
  UpdateCounterRequest,
  UpdateServiceRequest,
} from './settings.ts';
import { SubmitSkmRequest } from './skm.ts';

// Who may do what, by group: the hub's routes and commands name a group instead of listing roles each time.

/** MOD and the MOD coordinator: the hall's floor managers. */
export const MANAGERS: readonly Role[] = ['mod', 'coordinator', 'admin'];
/** The administrator: accounts, PINs and the rules managers are measured by (SOP standards, compensation). */
export const ADMINS: readonly Role[] = ['admin'];
/** Everyone working in the hall. */
export const STAFF: readonly Role[] = ['officer', 'fo', ...MANAGERS];
export const STAFF_AND_DISPLAY: readonly Role[] = ['display', ...STAFF];
/** The Sekdis and Kepala Dinas read the day's reports and sign off the report chain; they work no counter. */
export const READERS: readonly Role[] = [...STAFF, 'sekdis', 'kadis'];
export const ANY_ROLE: readonly Role[] = ['kiosk', ...STAFF_AND_DISPLAY, 'sekdis', 'kadis'];
/** FO enters complaints from the desk, the phone and the box; MOD and above handle them. */
export const COMPLAINT_FILERS: readonly Role[] = ['fo', ...MANAGERS];
/** A booking becomes a ticket at the kiosk (scanned), at the FO desk or by a manager. */
export const BOOKING_CHECKERS: readonly Role[] = ['kiosk', 'fo', ...MANAGERS];
/** The mobile unit: the coordinator (and admin) plan visits, the Kepala Dinas approves, the crew records the day. */
export const MOBILE_PLANNERS: readonly Role[] = ['coordinator', 'admin'];
export const MOBILE_APPROVERS: readonly Role[] = ['kadis'];
export const MOBILE_CREW: readonly Role[] = ['officer', 'coordinator'];

/** A body a command does not read: REST has always ignored it, so the socket does too. */
export const NoBody = z.unknown();
const NoParams = z.strictObject({});
/** A service, counter or complaint named in the path: whether it exists is the feature's answer (404). */
const PathId = z.string().min(1).max(128);
const ById = z.strictObject({ id: PathId });
const ByUsername = z.strictObject({ username: PathId });
/** A visit or visit request of the mobile unit. */
const ByVisit = z.strictObject({ id: z.string().min(1).max(64) });
/** A booking by its printed code or the signed token its QR carries. */
const ByBooking = z.strictObject({ code: BookingRef });

export interface RecordCommandDef {
  /** Roles allowed with a session, checked before anything else (FORBIDDEN). Finer rules stay in the feature. */
  readonly roles: readonly Role[];
  /** Callable over REST without a token (the citizen's forms, a device being paired). */
  readonly public: boolean;
  readonly rest: {
    readonly method: 'post' | 'put' | 'delete';
    readonly path: string;
    readonly status: 200 | 201;
  };
  /** The Socket.IO event, its payload the path parameters and the body's fields in one object; null: REST only,
   *  which only a public command may be (a caller without a session, which a socket never is): the access test
   *  checks that every command without an event is public. */
  readonly socket: string | null;
  /** The path parameters (REST) or the payload's fields of the same names (socket). */
  readonly params: z.ZodObject;
  readonly body: z.ZodType;
}

/**
 * The commands of the features besides the live queue (whose table is `CommandPayloads`): complaints, the holiday
 * calendar, SKM answers, report-chain signatures, settings, accounts and devices. The hub serves each over REST
 * and, when it has a socket event, over Socket.IO, from this table, through the same bus.
 */
export const RECORD_COMMANDS = {
  'complaint:file-public': {
    roles: [],
    public: true,
    rest: { method: 'post', path: '/public/complaints', status: 201 },
    socket: null,
    params: NoParams,
    body: PublicComplaintRequest,
  },
  'complaint:file': {
    roles: COMPLAINT_FILERS,
    public: false,
    rest: { method: 'post', path: '/complaints', status: 201 },
    socket: 'complaint:file',
    params: NoParams,
    body: StaffComplaintRequest,
  },
  'complaint:set-categories': {
    roles: ADMINS,
    public: false,
    rest: { method: 'put', path: '/complaints/categories', status: 200 },
    socket: 'complaint:set-categories',
    params: NoParams,
    body: ComplaintCategoriesRequest,
  },
  'complaint:change-status': {
    roles: MANAGERS,
    public: false,
    rest: { method: 'post', path: '/complaints/:id/status', status: 200 },
    socket: 'complaint:change-status',
    params: ById,
    body: ComplaintStatusRequest,
  },
  'complaint:recategorise': {
    roles: MANAGERS,
    public: false,
    rest: { method: 'post', path: '/complaints/:id/category', status: 200 },
    socket: 'complaint:recategorise',
    params: ById,
    body: ComplaintCategoryRequest,
  },
  'calendar:confirm-year': {
    roles: MANAGERS,
    public: false,
    rest: { method: 'post', path: '/calendar/years/:year/confirm', status: 200 },
    socket: 'calendar:confirm-year',
    params: z.strictObject({ year: z.coerce.number().int() }),
    body: NoBody,
  },
  'calendar:set-holidays': {
    roles: MANAGERS,
    public: false,
    rest: { method: 'put', path: '/calendar/holidays', status: 200 },
    socket: 'calendar:set-holidays',
    params: NoParams,
    body: HolidaysRequest,
  },
  'skm:answer': {
    roles: ['kiosk'],
    public: true,
    rest: { method: 'post', path: '/survey/responses', status: 201 },
    socket: 'skm:answer',
    params: NoParams,
    body: SubmitSkmRequest,
  },
  'report-chain:sign-step': {
    roles: READERS,
    public: false,
    rest: { method: 'post', path: '/report-chain/:date/steps/:step', status: 201 },
    socket: 'report-chain:sign-step',
    params: z.strictObject({ date: ReportChainDate, step: ReportChainStepParam }),
    body: SignReportChainRequest,
  },
  'report-chain:sign-receipt': {
    roles: READERS,
    public: false,
    rest: { method: 'post', path: '/report-chain/:date/receipt', status: 201 },
    socket: 'report-chain:sign-receipt',
    params: z.strictObject({ date: ReportChainDate }),
    body: SignReportChainRequest,
  },
  'setting:running-text': {
    roles: MANAGERS,
    public: false,
    rest: { method: 'put', path: '/settings/running-text', status: 200 },
    socket: 'setting:running-text',
    params: NoParams,
    body: RunningTextSetting,
  },
  'setting:late-service': {
    roles: MANAGERS,
    public: false,
    rest: { method: 'put', path: '/settings/late-service', status: 200 },
    socket: 'setting:late-service',
    params: NoParams,
    body: LateServiceSetting,
  },
  'setting:sop-standards': {
    roles: MANAGERS,
    public: false,
    rest: { method: 'put', path: '/settings/sop-standards', status: 200 },
    socket: 'setting:sop-standards',
    params: NoParams,
    body: SiteStandardsSetting,
  },
  'setting:service-standards': {
    roles: MANAGERS,
    public: false,
    rest: { method: 'put', path: '/settings/sop-standards/:id', status: 200 },
    socket: 'setting:service-standards',
    params: ById,
    body: ServiceStandardsSetting,
  },
  'setting:counter-services': {
    roles: MANAGERS,
    public: false,
    rest: { method: 'put', path: '/settings/counters/:id', status: 200 },
    socket: 'setting:counter-services',
    params: ById,
    body: CounterServicesSetting,
  },
  'setting:opening-hours': {
    roles: MANAGERS,
    public: false,
    rest: { method: 'put', path: '/settings/opening-hours', status: 200 },
    socket: 'setting:opening-hours',
    params: NoParams,
    body: SiteHoursSetting,
  },
  'setting:service-hours': {
    roles: MANAGERS,
    public: false,
    rest: { method: 'put', path: '/settings/opening-hours/:id', status: 200 },
    socket: 'setting:service-hours',
    params: ById,
    body: ServiceHoursSetting,
  },
  'setting:message-templates': {
    roles: MANAGERS,
    public: false,
    rest: { method: 'put', path: '/settings/message-templates', status: 200 },
    socket: 'setting:message-templates',
    params: NoParams,
    body: MessageTemplatesBody,
  },
  'setting:message-options': {
    roles: MANAGERS,
    public: false,
    rest: { method: 'put', path: '/settings/message-options', status: 200 },
    socket: 'setting:message-options',
    params: NoParams,
    body: MessageOptionsBody,
  },
  'setting:booking-capacity': {
    roles: MANAGERS,
    public: false,
    rest: { method: 'put', path: '/settings/booking/:id', status: 200 },
    socket: 'setting:booking-capacity',
    params: ById,
    body: BookingCapacitySetting,
  },
  'setting:booking-options': {
    roles: MANAGERS,
    public: false,
    rest: { method: 'put', path: '/settings/booking-options', status: 200 },
    socket: 'setting:booking-options',
    params: NoParams,
    body: BookingOptionsSetting,
  },
  'display:set-running-text': {
    roles: MANAGERS,
    public: false,
    rest: { method: 'put', path: '/display/running-text', status: 200 },
    socket: 'display:set-running-text',
    params: NoParams,
    body: RunningTextSetting,
  },
  'account:create': {
    roles: MANAGERS,
    public: false,
    rest: { method: 'post', path: '/accounts', status: 201 },
    socket: 'account:create',
    params: NoParams,
    body: CreateAccountRequest,
  },
  'account:update': {
    roles: MANAGERS,
    public: false,
    rest: { method: 'put', path: '/accounts/:username', status: 200 },
    socket: 'account:update',
    params: ByUsername,
    body: UpdateAccountRequest,
  },
  'account:reset-pin': {
    roles: MANAGERS,
    public: false,
    rest: { method: 'post', path: '/accounts/:username/pin', status: 200 },
    socket: 'account:reset-pin',
    params: ByUsername,
    body: PinResetRequest,
  },
  'device:create-pairing-code': {
    roles: ADMINS,
    public: false,
    rest: { method: 'post', path: '/devices/pairing-codes', status: 201 },
    socket: 'device:create-pairing-code',
    params: NoParams,
    body: CreatePairingCodeRequest,
  },
  'device:pair': {
    roles: [],
    public: true,
    rest: { method: 'post', path: '/devices/pair', status: 201 },
    socket: null,
    params: NoParams,
    body: PairDeviceRequest,
  },
  'hall:add-agency': {
    roles: MANAGERS,
    public: false,
    rest: { method: 'post', path: '/settings/agencies', status: 201 },
    socket: 'hall:add-agency',
    params: NoParams,
    body: CreateAgencyRequest,
  },
  'hall:edit-agency': {
    roles: MANAGERS,
    public: false,
    rest: { method: 'put', path: '/settings/agencies/:id', status: 200 },
    socket: 'hall:edit-agency',
    params: ById,
    body: UpdateAgencyRequest,
  },
  'hall:add-service': {
    roles: MANAGERS,
    public: false,
    rest: { method: 'post', path: '/settings/services', status: 201 },
    socket: 'hall:add-service',
    params: NoParams,
    body: CreateServiceRequest,
  },
  'hall:edit-service': {
    roles: MANAGERS,
    public: false,
    rest: { method: 'put', path: '/settings/services/:id', status: 200 },
    socket: 'hall:edit-service',
    params: ById,
    body: UpdateServiceRequest,
  },
  'hall:add-counter': {
    roles: MANAGERS,
    public: false,
    rest: { method: 'post', path: '/settings/counters', status: 201 },
    socket: 'hall:add-counter',
    params: NoParams,
    body: CreateCounterRequest,
  },
  'hall:edit-counter': {
    roles: MANAGERS,
    public: false,
    rest: { method: 'put', path: '/settings/counters/:id/details', status: 200 },
    socket: 'hall:edit-counter',
    params: ById,
    body: UpdateCounterRequest,
  },
  'booking:make': {
    roles: [],
    public: true,
    rest: { method: 'post', path: '/bookings', status: 201 },
    socket: null,
    params: NoParams,
    body: BookingRequest,
  },
  'booking:move': {
    roles: [],
    public: true,
    rest: { method: 'post', path: '/bookings/:code/move', status: 200 },
    socket: null,
    params: ByBooking,
    body: BookingMoveRequest,
  },
  'booking:cancel': {
    roles: [],
    public: true,
    rest: { method: 'delete', path: '/bookings/:code', status: 200 },
    socket: null,
    params: ByBooking,
    body: NoBody,
  },
  'booking:check-in': {
    roles: BOOKING_CHECKERS,
    public: false,
    rest: { method: 'post', path: '/bookings/:code/check-in', status: 201 },
    socket: 'booking:check-in',
    params: ByBooking,
    body: CheckInRequest,
  },
  'visit-request:receive': {
    roles: MOBILE_PLANNERS,
    public: false,
    rest: { method: 'post', path: '/visit-requests', status: 201 },
    socket: 'visit-request:receive',
    params: NoParams,
    body: VisitRequestInput,
  },
  'visit-request:decline': {
    roles: MOBILE_PLANNERS,
    public: false,
    rest: { method: 'post', path: '/visit-requests/:id/decline', status: 200 },
    socket: 'visit-request:decline',
    params: ByVisit,
    body: DeclineVisitRequestInput,
  },
  'visit:schedule': {
    roles: MOBILE_PLANNERS,
    public: false,
    rest: { method: 'post', path: '/visits', status: 201 },
    socket: 'visit:schedule',
    params: NoParams,
    body: VisitInput,
  },
  'visit:approve': {
    roles: MOBILE_APPROVERS,
    public: false,
    rest: { method: 'post', path: '/visits/:id/approve', status: 200 },
    socket: 'visit:approve',
    params: ByVisit,
    body: NoBody,
  },
  'visit:milestone': {
    roles: MOBILE_CREW,
    public: false,
    rest: { method: 'post', path: '/visits/:id/milestones/:milestone', status: 201 },
    socket: 'visit:milestone',
    params: z.strictObject({ id: ByVisit.shape.id, milestone: z.enum(VISIT_MILESTONES) }),
    body: MilestoneInput,
  },
  'visit:register': {
    roles: MOBILE_CREW,
    public: false,
    rest: { method: 'post', path: '/visits/:id/register', status: 201 },
    socket: 'visit:register',
    params: ByVisit,
    body: VisitRegisterInput,
  },
  'visit:permit': {
    roles: MOBILE_CREW,
    public: false,
    rest: { method: 'post', path: '/visits/:id/permits', status: 201 },
    socket: 'visit:permit',
    params: ByVisit,
    body: PermitInput,
  },
  'visit:counselling': {
    roles: MOBILE_CREW,
    public: false,
    rest: { method: 'post', path: '/visits/:id/counselling', status: 201 },
    socket: 'visit:counselling',
    params: ByVisit,
    body: CounsellingInput,
  },
  // A visit's photo stays a route of its own (`POST /visits/:id/photos`): its body is the image's bytes, streamed
  // and cut at the size limit, which neither a JSON body nor a 16 KB socket frame carries.
} as const satisfies Readonly<Record<string, RecordCommandDef>>;

export type RecordCommandName = keyof typeof RECORD_COMMANDS;
export const RECORD_COMMAND_NAMES = Object.keys(RECORD_COMMANDS) as RecordCommandName[];
export type RecordParams<N extends RecordCommandName> = z.output<(typeof RECORD_COMMANDS)[N]['params']>;
export type RecordBody<N extends RecordCommandName> = z.output<(typeof RECORD_COMMANDS)[N]['body']>;

/** The commands a signed-in socket may send, by their event name. */
export const RECORD_SOCKET_EVENTS: readonly RecordCommandName[] = RECORD_COMMAND_NAMES.filter(
  (name) => RECORD_COMMANDS[name].socket !== null,
);
