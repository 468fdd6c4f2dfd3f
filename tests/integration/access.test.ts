import { readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import {
  ComplaintCategoryRule,
  IssuedTicket,
  SettingsView,
  TicketView,
  type ComplaintView,
  type ErrorCode,
} from '@giliran/protocol';
import { DEFAULT_MESSAGE_TEMPLATES } from '@giliran/domain';
import { z } from 'zod';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  AccessWorld,
  codedError,
  named,
  parseMatrix,
  routeOfRow,
  type ActorName,
  type ChainStage,
  type QueueFixture,
  type Reply,
} from '../support/access-world.ts';
import { openApiRoutes, routeInventory, routeKey } from '../support/route-inventory.ts';
import {
  approvedVisitToday,
  booked,
  bookingSlot,
  directVisit,
  fieldPermit,
  newId,
  nextMilestone,
  visitRequest,
} from '../support/access-fixtures.ts';

/**
 * Every REST route the hub serves against every kind of caller. Columns: no token, the kiosk and display devices,
 * `other` = officer of another counter (loket3), `officer` = officer of the counter concerned (loket1), front
 * office, MOD, MOD coordinator, admin, Sekdis, Kepala Dinas. `ok` = let through (each probe below says which
 * status that is); `401` = UNAUTHENTICATED; `403` = FORBIDDEN (or the report chain's REPORT_CHAIN_NOT_SIGNER),
 * and then nothing in the database changed.
 *
 * Written by hand from auth/roles.ts, commands/command-table.ts, settings/permissions.ts, the report chain's
 * REPORT_CHAIN_SIGNERS and each routes file. A route the hub serves that is missing here fails the first test.
 * A `[variant]` after a route is the same route on another target: `[kiosk's]` a ticket the kiosk issued,
 * `[mod's]` one MOD issued (a kiosk only sees its own tickets).
 */
const MATRIX = `
route                                              none  kiosk display other officer fo   mod  coord admin sekdis kadis
# Public: the hall, the citizen's phone (ticket QR, complaint form), sign-in, the pages
GET  /api/health                                   ok    ok    ok      ok    ok      ok   ok   ok    ok    ok     ok
GET  /api/openapi.json                             ok    ok    ok      ok    ok      ok   ok   ok    ok    ok     ok
POST /api/auth/login                               ok    ok    ok      ok    ok      ok   ok   ok    ok    ok     ok
GET  /api/public/tickets/:code                     ok    ok    ok      ok    ok      ok   ok   ok    ok    ok     ok
GET  /api/public/complaints/form                   ok    ok    ok      ok    ok      ok   ok   ok    ok    ok     ok
GET  /api/public/complaints/challenge              ok    ok    ok      ok    ok      ok   ok   ok    ok    ok     ok
POST /api/public/complaints                        ok    ok    ok      ok    ok      ok   ok   ok    ok    ok     ok
GET  /api/public/complaints/:code                  ok    ok    ok      ok    ok      ok   ok   ok    ok    ok     ok
POST /api/devices/pair                             ok    ok    ok      ok    ok      ok   ok   ok    ok    ok     ok
USE  /api                                          ok    ok    ok      ok    ok      ok   ok   ok    ok    ok     ok
USE  /assets                                       ok    ok    ok      ok    ok      ok   ok   ok    ok    ok     ok
GET  /kiosk                                        ok    ok    ok      ok    ok      ok   ok   ok    ok    ok     ok
GET  /t/:code                                      ok    ok    ok      ok    ok      ok   ok   ok    ok    ok     ok
GET  /t/sw.js                                      ok    ok    ok      ok    ok      ok   ok   ok    ok    ok     ok
GET  /pengaduan                                    ok    ok    ok      ok    ok      ok   ok   ok    ok    ok     ok
GET  /pengaduan/:code                              ok    ok    ok      ok    ok      ok   ok   ok    ok    ok     ok
GET  /survey                                       ok    ok    ok      ok    ok      ok   ok   ok    ok    ok     ok
GET  /display                                      ok    ok    ok      ok    ok      ok   ok   ok    ok    ok     ok
GET  /counter                                      ok    ok    ok      ok    ok      ok   ok   ok    ok    ok     ok
GET  /mod                                          ok    ok    ok      ok    ok      ok   ok   ok    ok    ok     ok
GET  /fo                                           ok    ok    ok      ok    ok      ok   ok   ok    ok    ok     ok
GET  /mobile                                       ok    ok    ok      ok    ok      ok   ok   ok    ok    ok     ok
GET  /booking                                      ok    ok    ok      ok    ok      ok   ok   ok    ok    ok     ok
GET  /booking/:code                                ok    ok    ok      ok    ok      ok   ok   ok    ok    ok     ok
GET  /                                             ok    ok    ok      ok    ok      ok   ok   ok    ok    ok     ok
# The SKM survey: the public with the ticket's code, or a kiosk device; staff never answer for citizens
GET  /api/survey/tickets/:ref                      ok    ok    403     403   403     403  403  403   403   403    403
POST /api/survey/responses                         ok    ok    403     403   403     403  403  403   403   403    403
# Online booking: the citizen's phone books, looks up, moves and cancels by code; the kiosk, FO and managers check in
GET  /api/booking/options                          ok    ok    ok      ok    ok      ok   ok   ok    ok    ok     ok
GET  /api/booking/slots                            ok    ok    ok      ok    ok      ok   ok   ok    ok    ok     ok
POST /api/bookings                                 ok    ok    ok      ok    ok      ok   ok   ok    ok    ok     ok
GET  /api/bookings/:code                           ok    ok    ok      ok    ok      ok   ok   ok    ok    ok     ok
DELETE /api/bookings/:code                         ok    ok    ok      ok    ok      ok   ok   ok    ok    ok     ok
POST /api/bookings/:code/move                      ok    ok    ok      ok    ok      ok   ok   ok    ok    ok     ok
POST /api/bookings/:code/check-in                  401   ok    403     403   403     ok   ok   ok    ok    403    403
# Any device or account
GET  /api/site                                     401   ok    ok      ok    ok      ok   ok   ok    ok    ok     ok
GET  /api/services                                 401   ok    ok      ok    ok      ok   ok   ok    ok    ok     ok
GET  /api/tickets/:id [kiosk's]                    401   ok    ok      ok    ok      ok   ok   ok    ok    ok     ok
GET  /api/tickets/:id [mod's]                      401   403   ok      ok    ok      ok   ok   ok    ok    ok     ok
# The display and staff
GET  /api/counters                                 401   403   ok      ok    ok      ok   ok   ok    ok    403    403
GET  /api/timings                                  401   403   ok      ok    ok      ok   ok   ok    ok    403    403
GET  /api/announcements/chime.wav                  401   403   ok      ok    ok      ok   ok   ok    ok    403    403
GET  /api/tickets/:id/announcement.json            401   403   ok      ok    ok      ok   ok   ok    ok    403    403
GET  /api/tickets/:id/announcement.wav             401   403   ok      ok    ok      ok   ok   ok    ok    403    403
# Staff; a counter's figures are its own officer's and the floor's
GET  /api/compensations                            401   403   403     ok    ok      ok   ok   ok    ok    403    403
GET  /api/counters/:counterId/figures              401   403   403     403   ok      ok   ok   ok    ok    403    403
# Every account may sign out (a device token is not a session)
POST /api/auth/logout                              401   403   403     ok    ok      ok   ok   ok    ok    ok     ok
# The floor managers' live table (MOD page)
GET  /api/live                                     401   403   403     403   403     403  ok   ok    ok    403    403
# Readers: staff, Sekdis, Kepala Dinas
GET  /api/counters/presence                        401   403   403     ok    ok      ok   ok   ok    ok    ok     ok
GET  /api/hub/warnings                             401   403   403     ok    ok      ok   ok   ok    ok    403    403
GET  /api/reports                                  401   403   403     ok    ok      ok   ok   ok    ok    ok     ok
GET  /api/reports/today                            401   403   403     ok    ok      ok   ok   ok    ok    ok     ok
GET  /api/reports/wait-accuracy                    401   403   403     ok    ok      ok   ok   ok    ok    ok     ok
GET  /api/report-chain                             401   403   403     ok    ok      ok   ok   ok    ok    ok     ok
# The report chain: step 9 the gerai's officer (loket1 is Disdukcapil's, loket3 is not), FO or MOD; then one signer each
POST /api/report-chain/:date/steps/:step [9]       401   403   403     403   ok      ok   ok   403   403   403    403
POST /api/report-chain/:date/steps/:step [10]      401   403   403     403   403     ok   403  403   403   403    403
POST /api/report-chain/:date/steps/:step [11]      401   403   403     403   403     403  ok   403   403   403    403
POST /api/report-chain/:date/steps/:step [12]      401   403   403     403   403     403  403  ok    403   403    403
POST /api/report-chain/:date/steps/:step [13]      401   403   403     403   403     403  403  403   403   ok     403
POST /api/report-chain/:date/receipt               401   403   403     403   403     403  403  403   403   403    ok
# The complaint register: FO files; MOD, coordinator, admin handle; Sekdis and Kepala Dinas read
GET  /api/complaints                               401   403   403     403   403     ok   ok   ok    ok    ok     ok
GET  /api/complaints/:id                           401   403   403     403   403     ok   ok   ok    ok    ok     ok
GET  /api/complaints/categories                    401   403   403     403   403     ok   ok   ok    ok    ok     ok
GET  /api/calendar/holidays                        401   403   403     403   403     ok   ok   ok    ok    ok     ok
POST /api/complaints                               401   403   403     403   403     ok   ok   ok    ok    403    403
POST /api/complaints/:id/status                    401   403   403     403   403     403  ok   ok    ok    403    403
POST /api/complaints/:id/category                  401   403   403     403   403     403  ok   ok    ok    403    403
PUT  /api/calendar/holidays                        401   403   403     403   403     403  ok   ok    ok    403    403
GET  /api/calendar/years                           401   403   403     403   403     ok   ok   ok    ok    ok     ok
POST /api/calendar/years/:year/confirm             401   403   403     403   403     403  ok   ok    ok    403    403
PUT  /api/complaints/categories                    401   403   403     403   403     403  403  403   ok    403    403
# The IKM report
GET  /api/skm                                      401   403   403     403   403     403  ok   ok    ok    ok     ok
# Settings: managers change the floor; admin the standards, thresholds and accounts
GET  /api/settings                                 401   403   403     403   403     403  ok   ok    ok    403    403
PUT  /api/settings/running-text                    401   403   403     403   403     403  ok   ok    ok    403    403
PUT  /api/display/running-text                     401   403   403     403   403     403  ok   ok    ok    403    403
PUT  /api/settings/counters/:id                    401   403   403     403   403     403  ok   ok    ok    403    403
PUT  /api/settings/opening-hours                   401   403   403     403   403     403  ok   ok    ok    403    403
PUT  /api/settings/opening-hours/:id               401   403   403     403   403     403  ok   ok    ok    403    403
PUT  /api/settings/booking/:id                     401   403   403     403   403     403  ok   ok    ok    403    403
PUT  /api/settings/booking-options                 401   403   403     403   403     403  ok   ok    ok    403    403
PUT  /api/settings/sop-standards                   401   403   403     403   403     403  403  403   ok    403    403
PUT  /api/settings/sop-standards/:id               401   403   403     403   403     403  403  403   ok    403    403
PUT  /api/settings/late-service                    401   403   403     403   403     403  403  403   ok    403    403
GET  /api/accounts                                 401   403   403     403   403     403  ok   ok    ok    403    403
GET  /api/audit                                    401   403   403     403   403     403  ok   ok    ok    403    403
POST /api/accounts                                 401   403   403     403   403     403  403  403   ok    403    403
PUT  /api/accounts/:username                       401   403   403     403   403     403  403  403   ok    403    403
POST /api/accounts/:username/pin                   401   403   403     403   403     403  403  403   ok    403    403
# Setting up the hall (issue 14): admin adds, edits and retires agencies, services and counters
POST /api/settings/agencies                        401   403   403     403   403     403  403  403   ok    403    403
PUT  /api/settings/agencies/:id                    401   403   403     403   403     403  403  403   ok    403    403
POST /api/settings/services                        401   403   403     403   403     403  403  403   ok    403    403
PUT  /api/settings/services/:id                    401   403   403     403   403     403  403  403   ok    403    403
POST /api/settings/counters                        401   403   403     403   403     403  403  403   ok    403    403
PUT  /api/settings/counters/:id/details            401   403   403     403   403     403  403  403   ok    403    403
POST /api/admin/backup                             401   403   403     403   403     403  403  403   ok    403    403
# The push of the log to the region's central server: the floor managers watch it
GET  /api/central/status                           401   403   403     403   403     403  ok   ok    ok    403    403
GET  /api/central/feed/status                      401   403   403     403   403     403  ok   ok    ok    403    403
POST /api/devices/pairing-codes                    401   403   403     403   403     403  403  403   ok    403    403
# Printing: a kiosk its own tickets; FO and managers any (the demo kiosk prints into its spool folder)
GET  /api/tickets/:id/printable [kiosk's]          401   ok    403     403   403     ok   ok   ok    ok    403    403
GET  /api/tickets/:id/printable [mod's]            401   403   403     403   403     ok   ok   ok    ok    403    403
GET  /api/tickets/:id/preview.png [kiosk's]        401   ok    403     403   403     ok   ok   ok    ok    403    403
GET  /api/tickets/:id/preview.png [mod's]          401   403   403     403   403     ok   ok   ok    ok    403    403
POST /api/tickets/:id/print [kiosk's]              401   ok    403     403   403     ok   ok   ok    ok    403    403
POST /api/tickets/:id/print [mod's]                401   403   403     403   403     ok   ok   ok    ok    403    403
# Queue commands (the same rules as their Socket.IO events): all act on loket-1 or a ticket at loket-1
POST /api/tickets                                  401   ok    403     403   403     ok   ok   ok    ok    403    403
POST /api/counters/:counterId/call-next            401   403   403     403   ok      403  ok   ok    ok    403    403
POST /api/counters/:counterId/call-ticket          401   403   403     403   ok      403  ok   ok    ok    403    403
POST /api/counters/:counterId/recall               401   403   403     403   ok      403  ok   ok    ok    403    403
POST /api/counters/:counterId/pause                401   403   403     403   ok      403  ok   ok    ok    403    403
POST /api/counters/:counterId/resume               401   403   403     403   ok      403  ok   ok    ok    403    403
POST /api/tickets/:ticketId/step                   401   403   403     403   ok      403  ok   ok    ok    403    403
POST /api/tickets/:ticketId/finish                 401   403   403     403   ok      403  ok   ok    ok    403    403
POST /api/tickets/:ticketId/no-show                401   403   403     403   ok      403  ok   ok    ok    403    403
POST /api/tickets/:ticketId/transfer [called]      401   403   403     403   ok      ok   ok   ok    ok    403    403
POST /api/tickets/:ticketId/transfer [waiting]     401   403   403     403   403     ok   ok   ok    ok    403    403
POST /api/tickets/:ticketId/reactivate             401   403   403     403   ok      ok   ok   ok    ok    403    403
POST /api/tickets/:ticketId/cancel [called]        401   403   403     403   ok      ok   ok   ok    ok    403    403
POST /api/tickets/:ticketId/cancel [waiting]       401   403   403     403   403     ok   ok   ok    ok    403    403
POST /api/compensations                            401   403   403     403   403     403  ok   ok    ok    403    403
POST /api/compensations/:compensationId/resolve    401   403   403     403   ok      403  ok   ok    ok    403    403
# Messages to citizens: a kiosk leaves a number for the ticket it printed, FO and managers for any; managers watch
POST /api/messages/contacts [kiosk's]              401   ok    403     403   403     ok   ok   ok    ok    403    403
POST /api/messages/contacts [mod's]                401   403   403     403   403     ok   ok   ok    ok    403    403
GET  /api/messages                                 401   403   403     403   403     403  ok   ok    ok    403    403
GET  /api/messages/settings                        401   403   403     403   403     403  ok   ok    ok    403    403
POST /api/messages/:id/retry                       401   403   403     403   403     403  ok   ok    ok    403    403
PUT  /api/settings/message-templates               401   403   403     403   403     403  ok   ok    ok    403    403
PUT  /api/settings/message-options                 401   403   403     403   403     403  ok   ok    ok    403    403
# The mobile service unit: the coordinator plans, the Kepala Dinas approves, the crew records the day
GET  /api/visit-requests                           401   403   403     ok    ok      ok   ok   ok    ok    ok     ok
POST /api/visit-requests                           401   403   403     403   403     403  403  ok    ok    403    403
POST /api/visit-requests/:id/decline               401   403   403     403   403     403  403  ok    ok    403    403
POST /api/visits                                   401   403   403     403   403     403  403  ok    ok    403    403
GET  /api/visits                                   401   403   403     ok    ok      ok   ok   ok    ok    ok     ok
GET  /api/visits/today                             401   403   403     ok    ok      ok   ok   ok    ok    ok     ok
GET  /api/visits/recap                             401   403   403     ok    ok      ok   ok   ok    ok    ok     ok
GET  /api/visits/:id                               401   403   403     ok    ok      ok   ok   ok    ok    ok     ok
GET  /api/visits/:id/report                        401   403   403     ok    ok      ok   ok   ok    ok    ok     ok
GET  /api/visits/:id/photos/:photoId               401   403   403     ok    ok      ok   ok   ok    ok    ok     ok
POST /api/visits/:id/approve                       401   403   403     403   403     403  403  403   403   403    ok
POST /api/visits/:id/milestones/:milestone         401   403   403     ok    ok      403  403  ok    403   403    403
POST /api/visits/:id/register                      401   403   403     ok    ok      403  403  ok    403   403    403
POST /api/visits/:id/permits                       401   403   403     ok    ok      403  403  ok    403   403    403
POST /api/visits/:id/counselling                   401   403   403     ok    ok      403  403  ok    403   403    403
POST /api/visits/:id/photos                        401   403   403     ok    ok      403  403  ok    403   403    403
`;

const CELLS = parseMatrix(MATRIX);

/**
 * Routes the hub serves that GET /api/openapi.json does not describe: the pages, the static assets and the CORS
 * preflight, none of them API operations. Kept explicit so an undescribed API route fails the test.
 */
const UNDOCUMENTED = [
  'GET /',
  'GET /booking',
  'GET /booking/:code',
  'GET /counter',
  'GET /display',
  'GET /fo',
  'GET /kiosk',
  'GET /mobile',
  'GET /mod',
  'GET /pengaduan',
  'GET /pengaduan/:code',
  'GET /survey',
  'GET /t/:code',
  'GET /t/sw.js',
  'USE /api',
  'USE /assets',
];

/** What one cell's request acts on; anything left out is the actor's own session and no body. */
interface Target {
  readonly params?: Readonly<Record<string, string>>;
  readonly query?: string;
  readonly body?: unknown;
  /** A token other than the actor's usual one (a fresh session to sign out with). */
  readonly token?: string;
}

interface Probe {
  /** Builds what the request acts on, fresh for each cell where the route changes it. */
  readonly target?: (w: AccessWorld, actor: ActorName) => Promise<Target> | Target;
  /** The status (or statuses) of a request that was let through. */
  readonly ok: number | readonly number[];
  /** For USE rows, which have no method and path of their own. */
  readonly request?: { readonly method: string; readonly path: string };
  readonly headers?: Readonly<Record<string, string>>;
  /** 403 codes besides FORBIDDEN. */
  readonly denied?: readonly ErrorCode[];
  /** A queue command: once let through, the event log grew. */
  readonly appendsEvent?: boolean;
  /** More to check on a request that was let through. */
  readonly check?: (res: Reply) => void;
}

const SURVEY_ANSWERS = {
  answers: [4, 4, 3, 4, 3, 4, 4, 3, 4],
  respondent: { gender: 'perempuan', ageBand: '30_39', education: 's1', occupation: 'swasta' },
};
const PUBLIC_COMPLAINT = {
  name: 'Siti',
  occupation: 'Pedagang',
  address: 'Jl. Adisucipto 1, Sungai Raya',
  contact: '0812-0000-0000',
  text: 'Petugas tidak ada di loket 2 selama 30 menit.',
};
/**
 * A page answers 200 to anyone, never 401 or 403. An unbuilt page's 503 ("Jalankan `npm run build:web`") fails
 * here: npm test builds the pages before the tests, and so must whoever runs this file alone.
 */
const PAGE: Probe = { ok: 200 };
const ASSETS = fileURLToPath(new URL('../../dist/web/assets', import.meta.url));
const anAsset = ((): string | undefined => {
  try {
    return readdirSync(ASSETS).find((f) => f.endsWith('.js'));
  } catch {
    return undefined;
  }
})();

/** The world's standing targets, made once in beforeAll. */
interface Standing {
  modTicket: IssuedTicket;
  kioskTicket: IssuedTicket;
  complaint: ComplaintView;
  settings: SettingsView;
  categories: ComplaintCategoryRule[];
  visitId: string;
  photoId: string;
}
const standing = {} as Standing;

const queue = (
  fixture: QueueFixture,
  status: 200 | 201,
  params: (p: { ticketId: string; compensationId: string }) => Record<string, string>,
  body?: (p: { ticketId: string }) => unknown,
): Probe => ({
  ok: status,
  appendsEvent: true,
  target: async (w) => {
    const p = await w.prepareQueue(fixture);
    return { params: params(p), ...(body ? { body: body(p) } : {}) };
  },
});
const loket1 = () => ({ counterId: 'loket-1' });
const theTicket = (p: { ticketId: string }) => ({ ticketId: p.ticketId });
const modTicket = () => ({ params: { id: standing.modTicket.id } });
const kioskTicket = () => ({ params: { id: standing.kioskTicket.id } });
const chain = (stage: ChainStage, body: Record<string, string>): Probe => ({
  ok: 201,
  denied: ['REPORT_CHAIN_NOT_SIGNER'],
  target: async (w) => ({
    params: { date: await w.chainDayReadyFor(stage), step: String(stage) },
    body,
  }),
});
const freshComplaint = (body: unknown): Probe => ({
  ok: 200,
  target: async (w) => ({ params: { id: (await w.complaint()).id }, body }),
});

const PROBES: Readonly<Record<string, Probe>> = {
  'GET /api/health': { ok: 200 },
  'GET /api/openapi.json': { ok: 200 },
  'POST /api/auth/login': { ok: 200, target: () => ({ body: { username: 'loket12', pin: '1234' } }) },
  'GET /api/public/tickets/:code': { ok: 200, target: () => ({ params: { code: standing.modTicket.code } }) },
  'GET /api/public/complaints/form': { ok: 200 },
  'GET /api/public/complaints/challenge': { ok: 200 },
  // Every caller pairs with a fresh code an admin made: the code is the credential, not the caller's token.
  'POST /api/devices/pair': {
    ok: 201,
    target: async (w) => {
      const made = await w.t.api<{ code: string }>('POST', '/devices/pairing-codes', {
        token: w.tokenOf('admin'),
        body: { deviceId: 'kiosk-paired', role: 'kiosk' },
      });
      return { body: { code: made.body.code } };
    },
  },
  'POST /api/public/complaints': {
    ok: 201,
    // Five filings per device (here the address) per ten minutes: two minutes apart, the eleven cells stay under it.
    target: (w) => {
      w.clock.advance(121_000);
      return { body: PUBLIC_COMPLAINT };
    },
  },
  'GET /api/public/complaints/:code': {
    ok: 200,
    target: () => ({ params: { code: standing.complaint.code } }),
  },
  // The CORS middleware: a preflight from an origin the site does not list is passed on, unanswered by CORS
  // (Express then answers OPTIONS with the route's methods), and allows that origin nothing.
  'USE /api': {
    ok: 200,
    check: (res) => {
      expect(res.headers.get('access-control-allow-origin')).toBeNull();
    },
    request: { method: 'OPTIONS', path: '/api/tickets' },
    headers: { origin: 'http://evil.example', 'access-control-request-method': 'POST' },
  },
  'USE /assets': {
    ok: anAsset === undefined ? 404 : 200,
    request: { method: 'GET', path: `/assets/${anAsset ?? 'none.js'}` },
  },
  'GET /kiosk': PAGE,
  'GET /t/:code': { ...PAGE, target: () => ({ params: { code: standing.modTicket.code } }) },
  'GET /t/sw.js': PAGE,
  'GET /pengaduan': PAGE,
  'GET /pengaduan/:code': { ...PAGE, target: () => ({ params: { code: standing.complaint.code } }) },
  'GET /survey': PAGE,
  'GET /display': PAGE,
  'GET /counter': PAGE,
  'GET /mod': PAGE,
  'GET /fo': PAGE,
  'GET /mobile': PAGE,
  'GET /booking': PAGE,
  'GET /booking/:code': { ...PAGE, target: () => ({ params: { code: 'ABCD2345' } }) },
  'GET /': PAGE,

  'GET /api/survey/tickets/:ref': {
    ok: 200,
    // From a phone the code behind the QR; at a kiosk the same code typed as printed (the number is no key).
    target: async (w, actor) => {
      const ticket = await w.servedTicket();
      const grouped = `${ticket.code.slice(0, 5)}-${ticket.code.slice(5)}`;
      return { params: { ref: actor === 'kiosk' ? grouped : ticket.code } };
    },
  },
  'POST /api/survey/responses': {
    ok: 201,
    target: async (w, actor) => {
      if (actor === 'kiosk') return { body: { serviceId: 'kk', ...SURVEY_ANSWERS } };
      return { body: { ticket: (await w.servedTicket()).code, ...SURVEY_ANSWERS } };
    },
  },

  'GET /api/site': { ok: 200 },
  'GET /api/services': { ok: 200 },
  "GET /api/tickets/:id [kiosk's]": { ok: 200, target: kioskTicket },
  "GET /api/tickets/:id [mod's]": { ok: 200, target: modTicket },

  'GET /api/counters': { ok: 200 },
  'GET /api/timings': { ok: 200 },
  'GET /api/announcements/chime.wav': { ok: 200 },
  'GET /api/tickets/:id/announcement.json': {
    ok: 200,
    target: () => ({ ...modTicket(), query: '?counter=loket-1' }),
  },
  // espeak-ng is one of the system packages npm test checks first (scripts/system-deps.sh), so the WAV is made.
  'GET /api/tickets/:id/announcement.wav': {
    ok: 200,
    target: () => ({ ...modTicket(), query: '?counter=loket-1' }),
  },

  'GET /api/compensations': { ok: 200 },
  'GET /api/counters/:counterId/figures': { ok: 200, target: () => ({ params: { counterId: 'loket-1' } }) },
  'POST /api/auth/logout': {
    ok: 204,
    target: async (w, actor) => {
      const token = await w.freshToken(actor);
      return token === undefined ? {} : { token };
    },
  },

  'GET /api/counters/presence': { ok: 200 },
  'GET /api/live': { ok: 200 },
  'GET /api/hub/warnings': { ok: 200 },
  'GET /api/reports': { ok: 200, target: () => ({ query: '?from=2025-03-03&to=2025-03-10' }) },
  'GET /api/reports/today': { ok: 200 },
  'GET /api/reports/wait-accuracy': { ok: 200, target: () => ({ query: '?from=2025-03-03&to=2025-03-10' }) },
  'GET /api/report-chain': { ok: 200 },
  'POST /api/report-chain/:date/steps/:step [9]': chain(9, { agencyId: 'disdukcapil' }),
  'POST /api/report-chain/:date/steps/:step [10]': chain(10, {}),
  'POST /api/report-chain/:date/steps/:step [11]': chain(11, { report: 'Laporan MPP hari ini.' }),
  'POST /api/report-chain/:date/steps/:step [12]': chain(12, {}),
  'POST /api/report-chain/:date/steps/:step [13]': chain(13, { note: 'Diteruskan ke Kepala Dinas.' }),
  'POST /api/report-chain/:date/receipt': chain('receipt', {}),

  'GET /api/complaints': { ok: 200, target: () => ({ query: '?status=open' }) },
  'GET /api/complaints/:id': { ok: 200, target: () => ({ params: { id: standing.complaint.id } }) },
  'GET /api/complaints/categories': { ok: 200 },
  'GET /api/calendar/holidays': { ok: 200, target: () => ({ query: '?year=2026' }) },
  'POST /api/complaints': {
    ok: 201,
    target: () => ({ body: { channel: 'complaint_box', name: 'Anonim', text: 'Toilet kotor.' } }),
  },
  'POST /api/complaints/:id/status': freshComplaint({ to: 'verified', note: 'Dicek di loket.' }),
  'POST /api/complaints/:id/category': freshComplaint({ category: 'ringan' }),
  'PUT /api/calendar/holidays': {
    ok: 200,
    target: () => ({
      body: { year: 2026, holidays: [{ date: '2026-01-01', kind: 'libur_nasional', name: 'Tahun Baru' }] },
    }),
  },
  'GET /api/calendar/years': { ok: 200 },
  'POST /api/calendar/years/:year/confirm': {
    ok: 200,
    appendsEvent: true,
    target: () => ({ params: { year: '2026' } }),
  },
  'PUT /api/complaints/categories': {
    ok: 200,
    target: () => ({ body: { categories: standing.categories } }),
  },

  'GET /api/skm': { ok: 200 },

  'GET /api/settings': { ok: 200 },
  'PUT /api/settings/running-text': { ok: 200, target: () => ({ body: { text: 'Selamat datang di MPP.' } }) },
  'PUT /api/display/running-text': { ok: 200, target: () => ({ body: { text: 'Selamat datang di MPP.' } }) },
  'PUT /api/settings/counters/:id': {
    ok: 200,
    target: () => ({ params: { id: 'loket-12' }, body: { serviceIds: ['izin-keramaian', 'nib'] } }),
  },
  'PUT /api/settings/opening-hours': {
    ok: 200,
    target: () => ({ body: { hours: standing.settings.openingHours } }),
  },
  'PUT /api/settings/booking/:id': {
    ok: 200,
    target: () => ({ params: { id: 'kk' }, body: { capacity: 8 } }),
  },
  'PUT /api/settings/booking-options': {
    ok: 200,
    target: () => ({ body: { walkInShare: 0.5, maxOpenPerPhone: 2, noShowBlock: null } }),
  },
  'GET /api/booking/options': { ok: 200 },
  'GET /api/booking/slots': {
    ok: 200,
    target: (w) => ({ query: `?serviceId=ktp-el&date=${bookingSlot(w, false).date}` }),
  },
  'POST /api/bookings': { ok: 201, target: (w) => ({ body: bookingSlot(w, false) }) },
  'GET /api/bookings/:code': { ok: 200, target: async (w) => ({ params: { code: await booked(w, false) } }) },
  'DELETE /api/bookings/:code': {
    ok: 200,
    target: async (w) => ({ params: { code: await booked(w, false) } }),
  },
  'POST /api/bookings/:code/move': {
    ok: 200,
    target: async (w) => {
      const code = await booked(w, false);
      const { date, sessionId } = bookingSlot(w, false);
      return { params: { code }, body: { date, sessionId } };
    },
  },
  // A booking of today's next session, the clock moved into its check-in window.
  'POST /api/bookings/:code/check-in': {
    ok: 201,
    appendsEvent: true,
    target: async (w) => ({ params: { code: await booked(w, true) }, body: {} }),
  },
  'PUT /api/settings/opening-hours/:id': {
    ok: 200,
    target: () => ({ params: { id: 'pdam' }, body: { hours: null } }),
  },
  'PUT /api/settings/sop-standards': {
    ok: 200,
    target: () => ({ body: { standards: standing.settings.sopStandards } }),
  },
  'PUT /api/settings/sop-standards/:id': {
    ok: 200,
    target: () => ({ params: { id: 'pdam' }, body: { standards: {} } }),
  },
  'PUT /api/settings/late-service': {
    ok: 200,
    target: () => ({ body: { tiers: standing.settings.lateService } }),
  },
  'GET /api/accounts': { ok: 200 },
  'GET /api/audit': { ok: 200 },
  'POST /api/accounts': {
    ok: 201,
    target: (_w, actor) => ({
      body: { username: `uji-${actor}`, name: `Uji ${actor}`, role: 'fo', pin: '582913' },
    }),
  },
  'PUT /api/accounts/:username': {
    ok: 200,
    target: () => ({ params: { username: 'loket12' }, body: { name: 'Petugas Loket 12' } }),
  },
  'POST /api/accounts/:username/pin': {
    ok: 200,
    target: () => ({ params: { username: 'loket12' }, body: { pin: '1234' } }),
  },
  'POST /api/settings/agencies': {
    ok: 201,
    target: (_w, actor) => ({
      body: { id: `instansi-${actor}`, name: { id: 'Instansi Uji', en: 'Test agency' } },
    }),
  },
  'PUT /api/settings/agencies/:id': {
    ok: 200,
    target: () => ({ params: { id: 'pdam' }, body: { shortName: 'PDAM' } }),
  },
  'POST /api/settings/services': {
    ok: 201,
    target: (_w, actor) => ({
      body: {
        id: `layanan-${actor}`,
        agencyId: 'pdam',
        prefix: actor === 'admin' ? 'Q' : 'R',
        name: { id: 'Layanan Uji', en: 'Test service' },
        summary: { fee: { id: 'Gratis', en: 'Free' }, duration: { id: '1 hari', en: '1 day' } },
      },
    }),
  },
  'PUT /api/settings/services/:id': {
    ok: 200,
    target: () => ({ params: { id: 'pdam' }, body: { name: { id: 'Air Minum', en: 'Drinking water' } } }),
  },
  'POST /api/settings/counters': {
    ok: 201,
    target: (_w, actor) => ({ body: { id: `loket-${actor}`, name: 'Loket Uji', serviceIds: ['pdam'] } }),
  },
  'PUT /api/settings/counters/:id/details': {
    ok: 200,
    target: () => ({ params: { id: 'loket-11' }, body: { name: 'Loket 11 PDAM' } }),
  },
  'POST /api/admin/backup': { ok: 201 },
  'GET /api/central/status': { ok: 200 },
  // The access world's site sets up no channel: let through, a number is refused as MESSAGES_OFF, not FORBIDDEN.
  "POST /api/messages/contacts [kiosk's]": {
    ok: 409,
    target: async (w) => ({ body: { ticketId: (await w.issue('kk', 'kiosk')).id, phone: '081234567890' } }),
  },
  "POST /api/messages/contacts [mod's]": {
    ok: 409,
    target: async (w) => ({ body: { ticketId: (await w.issue('kk', 'mod')).id, phone: '081234567890' } }),
  },
  'GET /api/messages': { ok: 200 },
  'GET /api/messages/settings': { ok: 200 },
  // No message has failed here: let through, the id is not found.
  'POST /api/messages/:id/retry': { ok: 404, target: () => ({ params: { id: '1' } }) },
  'PUT /api/settings/message-templates': {
    ok: 200,
    target: () => ({ body: { templates: DEFAULT_MESSAGE_TEMPLATES } }),
  },
  'PUT /api/settings/message-options': {
    ok: 200,
    target: () => ({ body: { nearAhead: 3, keepContactDays: 30 } }),
  },
  'GET /api/central/feed/status': { ok: 200 },
  'POST /api/devices/pairing-codes': {
    ok: 201,
    target: () => ({ body: { deviceId: 'kiosk-9', role: 'kiosk' } }),
  },

  "GET /api/tickets/:id/printable [kiosk's]": { ok: 200, target: kioskTicket },
  "GET /api/tickets/:id/printable [mod's]": { ok: 200, target: modTicket },
  "GET /api/tickets/:id/preview.png [kiosk's]": {
    ok: 200,
    target: () => ({ ...kioskTicket(), query: '?width=58' }),
  },
  "GET /api/tickets/:id/preview.png [mod's]": {
    ok: 200,
    target: () => ({ ...modTicket(), query: '?width=58' }),
  },
  "POST /api/tickets/:id/print [kiosk's]": { ok: 200, target: kioskTicket },
  "POST /api/tickets/:id/print [mod's]": { ok: 200, target: modTicket },

  'POST /api/tickets': { ok: 201, appendsEvent: true, target: () => ({ body: { serviceId: 'ktp-el' } }) },
  'POST /api/counters/:counterId/call-next': queue('waiting', 200, loket1),
  'POST /api/counters/:counterId/call-ticket': queue('waiting', 200, loket1, theTicket),
  'POST /api/counters/:counterId/recall': queue('called', 200, loket1),
  'POST /api/counters/:counterId/pause': queue('free', 200, loket1, () => ({ reason: 'istirahat' })),
  'POST /api/counters/:counterId/resume': queue('paused', 200, loket1),
  'POST /api/tickets/:ticketId/step': queue('called', 200, theTicket),
  'POST /api/tickets/:ticketId/finish': queue('serving', 200, theTicket),
  'POST /api/tickets/:ticketId/no-show': queue('recalled', 200, theTicket),
  'POST /api/tickets/:ticketId/transfer [called]': queue('called', 200, theTicket, () => ({
    serviceId: 'skck',
  })),
  'POST /api/tickets/:ticketId/transfer [waiting]': queue('waiting', 200, theTicket, () => ({
    serviceId: 'skck',
  })),
  'POST /api/tickets/:ticketId/reactivate': queue('no-show', 200, theTicket),
  'POST /api/tickets/:ticketId/cancel [called]': queue('called', 200, theTicket),
  'POST /api/tickets/:ticketId/cancel [waiting]': queue('waiting', 200, theTicket),
  'POST /api/compensations': queue(
    'none',
    201,
    () => ({}),
    () => ({
      kind: 'officer_incompetent',
      counterId: 'loket-1',
      note: 'uji akses',
    }),
  ),
  'POST /api/compensations/:compensationId/resolve': queue(
    'late',
    200,
    (p) => ({ compensationId: p.compensationId }),
    () => ({ remedyGiven: 'Permohonan maaf dan teh manis' }),
  ),

  'GET /api/visit-requests': { ok: 200 },
  'POST /api/visit-requests': { ok: 201, appendsEvent: true, target: (w) => ({ body: visitRequest(w) }) },
  'POST /api/visit-requests/:id/decline': {
    ok: 200,
    target: async (w) => ({
      params: { id: await newId(w, '/visit-requests', visitRequest(w)) },
      body: { reason: 'Jadwal bulan ini penuh.' },
    }),
  },
  'POST /api/visits': { ok: 201, appendsEvent: true, target: (w) => ({ body: directVisit(w) }) },
  'GET /api/visits': { ok: 200 },
  'GET /api/visits/today': { ok: 200 },
  'GET /api/visits/recap': {
    ok: 200,
    target: (w) => ({ query: `?month=${w.t.hub.engine.serviceDay.slice(0, 7)}` }),
  },
  'GET /api/visits/:id': { ok: 200, target: () => ({ params: { id: standing.visitId } }) },
  'GET /api/visits/:id/report': {
    ok: 200,
    target: () => ({ params: { id: standing.visitId }, query: '?format=json' }),
  },
  'GET /api/visits/:id/photos/:photoId': {
    ok: 200,
    target: () => ({ params: { id: standing.visitId, photoId: standing.photoId } }),
  },
  'POST /api/visits/:id/approve': {
    ok: 200,
    target: async (w) => ({ params: { id: await newId(w, '/visits', directVisit(w)) } }),
  },
  // Each crew member who is let through records the day's next milestone.
  'POST /api/visits/:id/milestones/:milestone': {
    ok: 201,
    appendsEvent: true,
    target: async (w) => ({
      params: { id: standing.visitId, milestone: await nextMilestone(w, standing.visitId) },
      body: {},
    }),
  },
  'POST /api/visits/:id/register': {
    ok: 201,
    appendsEvent: true,
    target: () => ({
      params: { id: standing.visitId },
      body: { name: 'Warga Uji', purpose: 'consultation', outsideWindowReason: 'uji akses' },
    }),
  },
  'POST /api/visits/:id/permits': {
    ok: 201,
    appendsEvent: true,
    target: (w) => ({ params: { id: standing.visitId }, body: fieldPermit(w) }),
  },
  'POST /api/visits/:id/counselling': {
    ok: 201,
    appendsEvent: true,
    target: () => ({ params: { id: standing.visitId }, body: { topic: 'Pentingnya NIB', peopleReached: 8 } }),
  },
  // The body is the image itself; a WebP's signature is plain ASCII, so the probe's text body carries it intact.
  'POST /api/visits/:id/photos': {
    ok: 201,
    appendsEvent: true,
    headers: { 'content-type': 'image/webp' },
    target: () => ({ params: { id: standing.visitId }, body: 'RIFF\u0010\u0000\u0000\u0000WEBPVP8 ' }),
  },
};

function requestOf(key: string, probe: Probe, target: Target): { method: string; path: string } {
  const [method = '', template = ''] = routeOfRow(key).split(' ');
  const base = probe.request ?? { method, path: template };
  const path = base.path.replace(/:(\w+)/g, (_m, name: string) => {
    const value = target.params?.[name];
    if (value === undefined) throw new Error(`${key}: no value for :${name}`);
    return encodeURIComponent(value);
  });
  return { method: base.method, path: path + (target.query ?? '') };
}

describe('access: every REST route against every caller', () => {
  let w: AccessWorld;

  beforeAll(async () => {
    w = await AccessWorld.start();
    standing.modTicket = await w.issue('ktp-el', 'mod');
    standing.kioskTicket = await w.issue('kk', 'kiosk');
    standing.complaint = await w.complaint();
    standing.settings = SettingsView.parse(await w.as('admin', 'GET', '/settings'));
    standing.categories = z
      .array(ComplaintCategoryRule)
      .parse(await w.as('admin', 'GET', '/complaints/categories'));
    // Today's visit of the unit, approved, with one photo: what the crew's rows act on.
    standing.visitId = await approvedVisitToday(w);
    const photo = await w.request(w.tokenOf('coord'), 'POST', `/api/visits/${standing.visitId}/photos`, {
      body: 'RIFF\u0010\u0000\u0000\u0000WEBPVP8 ',
      headers: { 'content-type': 'image/webp' },
    });
    standing.photoId = z.object({ id: z.string() }).parse(photo.body).id;
  });
  afterAll(async () => {
    await w.stop();
  });

  it('the matrix lists every route the hub serves, once, and each row has its probe', () => {
    const served = routeInventory(w.t.hub.app).map(routeKey);
    const listed = [...new Set(CELLS.map((c) => routeOfRow(c.key)))].sort();
    expect(listed).toEqual([...served].sort());
    expect(Object.keys(PROBES).sort()).toEqual([...new Set(CELLS.map((c) => c.key))].sort());
  });

  it('GET /api/openapi.json describes only served routes, and every API route but a known few', async () => {
    const served = routeInventory(w.t.hub.app).map(routeKey);
    const described = openApiRoutes((await w.request(undefined, 'GET', '/api/openapi.json')).body).map(
      routeKey,
    );
    expect(described.filter((r) => !served.includes(r))).toEqual([]);
    expect(served.filter((r) => !described.includes(r))).toEqual(UNDOCUMENTED);
  });

  it.each(named(CELLS))('%s', async (_name, { key, actor, expected }) => {
    const probe = PROBES[key];
    if (!probe) throw new Error(`no probe for ${key}`);
    const target = (await probe.target?.(w, actor)) ?? {};
    const { method, path } = requestOf(key, probe, target);
    const token = actor === 'none' ? undefined : (target.token ?? w.tokenOf(actor));
    await w.settle();
    const before = w.fingerprint();
    const lastEvent = w.lastEventId();
    const res = await w.request(token, method, path, {
      ...(target.body === undefined ? {} : { body: target.body }),
      ...(probe.headers ? { headers: probe.headers } : {}),
    });
    const shown = res.body instanceof ArrayBuffer ? `${res.body.byteLength} bytes` : JSON.stringify(res.body);
    if (expected === 'ok') {
      expect([probe.ok].flat(), shown).toContain(res.status);
      if (probe.appendsEvent) expect(w.lastEventId()).toBeGreaterThan(lastEvent);
      probe.check?.(res);
      return;
    }
    expect(res.status, shown).toBe(Number(expected));
    const code = codedError(res.status, res.body);
    if (expected === '401') expect(code).toBe('UNAUTHENTICATED');
    else expect(['FORBIDDEN', ...(probe.denied ?? [])]).toContain(code);
    await w.settle();
    expect(w.fingerprint()).toEqual(before);
  });

  describe('what the matrix cannot show by itself', () => {
    it('the path names the counter: a counterId in the body does not redirect the command', async () => {
      await w.prepareQueue('waiting');
      const before = w.fingerprint();
      const res = await w.request(w.tokenOf('other'), 'POST', '/api/counters/loket-1/call-next', {
        body: { counterId: 'loket-3' },
      });
      expect(res.status).toBe(403);
      expect(w.fingerprint()).toEqual(before);
    });

    it('an officer may not resolve a manual compensation, even one naming their counter', async () => {
      const raised = z
        .object({ id: z.string() })
        .parse(await w.as('mod', 'POST', '/compensations', { kind: 'fee_mismatch', counterId: 'loket-1' }));
      const res = await w.request(w.tokenOf('officer'), 'POST', `/api/compensations/${raised.id}/resolve`, {
        body: { remedyGiven: 'maaf' },
      });
      expect(res.status).toBe(403);
    });

    it('an officer may act on a ticket gone from their desk only while it stays theirs', async () => {
      const { ticketId } = await w.prepareQueue('serving');
      await w.as('mod', 'POST', `/tickets/${ticketId}/finish`);
      const own = await w.request(w.tokenOf('officer'), 'POST', `/api/tickets/${ticketId}/step`);
      expect(own.status).toBe(409); // the domain answers: the access check let loket1 through
      const other = await w.request(w.tokenOf('other'), 'POST', `/api/tickets/${ticketId}/step`);
      expect(other.status).toBe(403);
      // An unknown ticket is left to the domain (404) rather than leak existence through 403.
      const unknown = await w.request(w.tokenOf('other'), 'POST', '/api/tickets/no-such-ticket/step');
      expect(unknown.status).toBe(404);
    });

    it('an officer signed in at another counter of theirs is refused at the first', async () => {
      const figures = await w.request(w.tokenOf('other'), 'GET', '/api/counters/loket-1/figures');
      expect(figures.status).toBe(403);
      const own = await w.request(w.tokenOf('other'), 'GET', '/api/counters/loket-3/figures');
      expect(own.status).toBe(200);
    });

    it('a display reads any ticket’s number but never its code, the key to the citizen’s status and survey', async () => {
      const id = standing.modTicket.id;
      const asDisplay = TicketView.parse(
        (await w.request(w.tokenOf('display'), 'GET', `/api/tickets/${id}`)).body,
      );
      expect(asDisplay.number).toBe(standing.modTicket.number);
      expect(asDisplay.code).toBe('');
      const asStaff = TicketView.parse((await w.request(w.tokenOf('fo'), 'GET', `/api/tickets/${id}`)).body);
      expect(asStaff.code).toBe(standing.modTicket.code);
    });

    it('a kiosk reads its own ticket by id and the ticket view it reads is the kiosk’s', async () => {
      const res = await w.request(w.tokenOf('kiosk'), 'GET', `/api/tickets/${standing.kioskTicket.id}`);
      expect(TicketView.parse(res.body).number).toBe(standing.kioskTicket.number);
    });
  });
});
