import {
  CentralCompensationView,
  CentralVisitInput,
  CentralVisitView,
  CentralSiteView,
  FeedItem,
  FeedPage,
  FeedProbeRequest,
  SiteEpochView,
  SiteResumed,
  CentralTicketView,
  LoginRequest,
  RegionSections,
  ReportView,
  SiteCreateRequest,
  SiteProfile,
  SiteCreated,
  SyncAck,
  SyncBatch,
  BookingKeyView,
  BookingMoveRequest,
  BookingOptions,
  BookingRequest,
  BookingSiteView,
  BookingView,
  SlotsView,
} from '@giliran/protocol';
import { z } from 'zod';

interface CentralOperation {
  readonly method: 'get' | 'post' | 'put' | 'delete';
  readonly path: string;
  readonly summary: string;
  readonly body?: z.ZodType;
  readonly response?: z.ZodType;
  readonly status?: number;
  /** `session`: a regional account's token; `site`: the site's key; `none`: open. */
  readonly auth: 'session' | 'site' | 'none';
}

const SiteToggled = z.object({ id: z.string(), disabled: z.boolean() });

const OPERATIONS: readonly CentralOperation[] = [
  { method: 'get', path: '/api/health', summary: 'Liveness', auth: 'none' },
  { method: 'get', path: '/api/central/openapi.json', summary: 'This description', auth: 'none' },
  {
    method: 'post',
    path: '/api/auth/login',
    summary: 'Sign in with username and PIN',
    body: LoginRequest,
    auth: 'none',
  },
  {
    method: 'post',
    path: '/api/central/sites',
    summary: 'Enrol a site (regional admin); the key is shown once',
    body: SiteCreateRequest,
    response: SiteCreated,
    status: 201,
    auth: 'session',
  },
  {
    method: 'post',
    path: '/api/central/sites/{id}/disable',
    summary: 'Disable a site: its key is refused at once (regional admin)',
    response: SiteToggled,
    auth: 'session',
  },
  {
    method: 'post',
    path: '/api/central/sites/{id}/enable',
    summary: 'Enable a disabled site again (regional admin)',
    response: SiteToggled,
    auth: 'session',
  },
  {
    method: 'get',
    path: '/api/central/sites',
    summary: 'Every site with its live state and today’s figures',
    response: z.array(CentralSiteView),
    auth: 'session',
  },
  {
    method: 'get',
    path: '/api/central/sites/{id}/tickets',
    summary: 'A site’s tickets of a service day (?date=YYYY-MM-DD)',
    response: z.array(CentralTicketView),
    auth: 'session',
  },
  {
    method: 'get',
    path: '/api/central/sync',
    summary: 'The highest sequence central holds for the key’s site',
    response: SyncAck,
    auth: 'site',
  },
  {
    method: 'post',
    path: '/api/central/sync',
    summary: 'Push a batch of the site’s event log, in order',
    body: SyncBatch,
    response: SyncAck,
    auth: 'site',
  },
  {
    method: 'get',
    path: '/api/central/feed',
    summary:
      'What central decided for the key’s site, after ?after=<cursor> (at most ?limit=, 100 by default)',
    response: FeedPage,
    auth: 'site',
  },
  {
    method: 'post',
    path: '/api/central/sites/{id}/feed/probe',
    summary: 'Send a probe down a site’s feed; the hub logs it and pushes that back up (regional admin)',
    body: FeedProbeRequest,
    response: FeedItem,
    status: 201,
    auth: 'session',
  },
  {
    method: 'post',
    path: '/api/central/sites/{id}/resume',
    summary:
      'Let a hub restored from an older backup go on: its next batch starts a new epoch (regional admin)',
    response: SiteResumed,
    auth: 'session',
  },
  {
    method: 'get',
    path: '/api/central/sites/{id}/epochs',
    summary: 'A site’s epochs after restores: where each restored hub’s log parted from central’s',
    response: z.array(SiteEpochView),
    auth: 'session',
  },
  {
    method: 'put',
    path: '/api/central/profile',
    summary: 'The site’s names and SOP standards for its reports, sent by its hub when they change',
    body: SiteProfile,
    status: 204,
    auth: 'site',
  },
  {
    method: 'get',
    path: '/api/central/reports',
    summary:
      'The region’s report (?from&to&format=json|csv|xlsx|pdf&site): the hall’s recap per site or combined, with ' +
      'each site’s totals, SKM/IKM and complaints',
    response: ReportView.extend({ region: RegionSections }),
    auth: 'session',
  },
  {
    method: 'get',
    path: '/api/central/sites/{id}/compensations',
    summary: 'A site’s compensations raised on a service day (?date=YYYY-MM-DD), with the ticket numbers',
    response: z.array(CentralCompensationView),
    auth: 'session',
  },
  {
    method: 'post',
    path: '/api/central/sites/{id}/visits',
    summary:
      'Schedule a visit of a mobile unit (regional admin): checked as on its laptop, sent down its feed ' +
      '(visit:scheduled) in the same transaction',
    body: CentralVisitInput,
    response: CentralVisitView,
    status: 201,
    auth: 'session',
  },
  {
    method: 'get',
    path: '/api/central/sites/{id}/visits',
    summary: 'The visits central scheduled for a mobile unit, each sent, pulled, in its schedule or refused',
    response: z.array(CentralVisitView),
    auth: 'session',
  },
  // Online booking at central (issue 18): the hub's public booking routes, per site.
  {
    method: 'get',
    path: '/api/booking/sites',
    summary: 'The sites that take online bookings at central',
    response: z.array(BookingSiteView),
    auth: 'none',
  },
  {
    method: 'get',
    path: '/api/booking/key',
    summary: 'The public key central signs booking QR codes with (a hub’s central.bookingKey)',
    response: BookingKeyView,
    auth: 'none',
  },
  {
    method: 'get',
    path: '/api/sites/{site}/booking/options',
    summary: 'A site’s bookable agencies and services, with what to bring and the days open',
    response: BookingOptions,
    auth: 'none',
  },
  {
    method: 'get',
    path: '/api/sites/{site}/booking/slots',
    summary: 'A service’s sessions on a date with the places left (?serviceId=&date=YYYY-MM-DD)',
    response: SlotsView,
    auth: 'none',
  },
  {
    method: 'post',
    path: '/api/sites/{site}/bookings',
    summary: 'Book a session (Idempotency-Key honoured); the site’s hub gets it in its feed',
    body: BookingRequest,
    response: BookingView,
    status: 201,
    auth: 'none',
  },
  {
    method: 'get',
    path: '/api/sites/{site}/bookings/{code}',
    summary: 'A booking by its code, with its signed QR while it can be used',
    response: BookingView,
    auth: 'none',
  },
  {
    method: 'delete',
    path: '/api/sites/{site}/bookings/{code}',
    summary: 'Cancel a booking',
    response: BookingView,
    auth: 'none',
  },
  {
    method: 'post',
    path: '/api/sites/{site}/bookings/{code}/move',
    summary: 'Move a booking to another date or session of its service',
    body: BookingMoveRequest,
    response: BookingView,
    auth: 'none',
  },
];

function toOperation(op: CentralOperation): object {
  const params = [...op.path.matchAll(/\{(\w+)\}/g)].map((m) => ({
    name: m[1],
    in: 'path',
    required: true,
    schema: { type: 'string' },
  }));
  return {
    summary: op.summary,
    ...(op.auth === 'none' ? { security: [] } : op.auth === 'site' ? { security: [{ siteKey: [] }] } : {}),
    ...(params.length > 0 ? { parameters: params } : {}),
    ...(op.body
      ? {
          requestBody: {
            required: true,
            content: { 'application/json': { schema: z.toJSONSchema(op.body, { io: 'input' }) } },
          },
        }
      : {}),
    responses: {
      [String(op.status ?? 200)]: {
        description: 'OK',
        ...(op.response ? { content: { 'application/json': { schema: z.toJSONSchema(op.response) } } } : {}),
      },
      default: { description: 'Error with code and Indonesian/English message' },
    },
  };
}

/** `GET /api/central/openapi.json`. */
export function buildCentralOpenApi(): object {
  const paths: Record<string, Record<string, object>> = {};
  for (const op of OPERATIONS) (paths[op.path] ??= {})[op.method] = toOperation(op);
  return {
    openapi: '3.1.0',
    info: { title: 'Giliran central API', version: '0.1.0' },
    components: {
      securitySchemes: {
        bearer: { type: 'http', scheme: 'bearer', description: 'a regional account’s session token' },
        siteKey: { type: 'http', scheme: 'bearer', description: 'the site’s key from enrolment' },
      },
    },
    security: [{ bearer: [] }],
    paths,
  };
}
