import {
  CommandPayloads,
  CompensationView,
  CounterFigures,
  CounterView,
  HealthResponse,
  IssuedTicket,
  LoginRequest,
  LoginResponse,
  HubWarning,
  PresentOfficer,
  PublicTicketStatus,
  RunningTextRequest,
  SiteView,
  TicketContent,
  ServiceView,
  TicketView,
  TimingView,
  LiveSnapshot,
  type CommandName,
} from '@giliran/protocol';
import { z } from 'zod';
import { COMPLAINT_OPERATIONS } from '../complaints/complaint-openapi.ts';
import { REPORT_CHAIN_OPERATIONS } from '../report-chain/report-chain-openapi.ts';
import { SKM_OPERATIONS } from '../skm/skm-openapi.ts';
import { SETTINGS_OPERATIONS } from '../settings/settings-openapi.ts';
import { HALL_OPERATIONS } from '../hall-setup/hall-openapi.ts';
import { BACKUP_OPERATIONS } from '../backup/backup-openapi.ts';
import { DEVICE_OPERATIONS } from '../devices/device-openapi.ts';
import { REPORT_OPERATIONS } from '../reports/report-openapi.ts';
import { CENTRAL_OPERATIONS } from '../central/central-openapi.ts';
import { BOOKING_OPERATIONS } from '../booking/booking-openapi.ts';
import { MESSAGE_OPERATIONS } from '../messages/message-openapi.ts';
import { MOBILE_OPERATIONS } from '../mobile/mobile-openapi.ts';

export interface Operation {
  readonly method: 'get' | 'post' | 'put' | 'delete';
  readonly path: string;
  readonly summary: string;
  readonly body?: z.ZodType;
  readonly response?: z.ZodType;
  readonly status?: number;
  readonly auth?: boolean;
}

/** Path parameters are part of the command payload schema; the body documents the rest. */
function bodyOf(name: CommandName, pathParams: readonly string[]): z.ZodType {
  const schema: z.ZodObject = CommandPayloads[name];
  const hidden = new Set([...pathParams, 'idempotencyKey']);
  return z.strictObject(Object.fromEntries(Object.entries(schema.shape).filter(([key]) => !hidden.has(key))));
}

/** What the screens read besides the queue: site, presence, printing, announcements. */
const SCREEN_OPERATIONS: readonly Operation[] = [
  { method: 'get', path: '/api/openapi.json', summary: 'This description', auth: false },
  {
    method: 'get',
    path: '/api/site',
    summary: 'The site: name, zone, agencies, display settings',
    response: SiteView,
  },
  {
    method: 'get',
    path: '/api/public/tickets/{code}',
    summary: "A citizen's ticket by its status code (the ticket's QR)",
    response: PublicTicketStatus,
    auth: false,
  },
  {
    method: 'get',
    path: '/api/counters/presence',
    summary: 'Officers connected at their counters now',
    response: z.array(PresentOfficer),
  },
  {
    method: 'get',
    path: '/api/hub/warnings',
    summary: 'Standing problems of the installation for MOD (e.g. no public address for the QR code)',
    response: z.array(HubWarning),
  },
  {
    method: 'get',
    path: '/api/tickets/{id}/printable',
    summary: "A ticket's printed content, localized (kiosk: its own tickets)",
    response: TicketContent,
  },
  {
    method: 'get',
    path: '/api/tickets/{id}/preview.png',
    summary: 'The ticket as it prints, as PNG (?width=58|80)',
  },
  {
    method: 'post',
    path: '/api/tickets/{id}/print',
    summary: "Print or reprint on the device's configured printer",
    response: TicketView,
  },
  { method: 'get', path: '/api/announcements/chime.wav', summary: 'The chime before each call, WAV' },
  {
    method: 'get',
    path: '/api/tickets/{id}/announcement.wav',
    summary: 'The spoken call for a ticket at a counter (?counter=), WAV',
  },
  {
    method: 'get',
    path: '/api/tickets/{id}/announcement.json',
    summary: 'The words of the call, for a display speaking with its own voice',
    response: z.object({ text: z.string(), lang: z.enum(['id', 'en']) }),
  },
  {
    method: 'put',
    path: '/api/display/running-text',
    summary: "Set the displays' running text (MOD, coordinator, admin)",
    body: RunningTextRequest,
  },
];

const OPERATIONS: readonly Operation[] = [
  {
    method: 'get',
    path: '/api/health',
    summary: 'Liveness and current service day',
    response: HealthResponse,
    auth: false,
  },
  {
    method: 'post',
    path: '/api/auth/login',
    summary: 'Sign in with username and PIN',
    body: LoginRequest,
    response: LoginResponse,
    auth: false,
  },
  {
    method: 'post',
    path: '/api/auth/logout',
    summary: 'Sign out: the session token stops working',
    status: 204,
  },
  {
    method: 'get',
    path: '/api/services',
    summary: 'Services with waiting counts, estimated wait and open state',
    response: z.array(ServiceView),
  },
  {
    method: 'get',
    path: '/api/counters',
    summary: 'Counters with pause state and active ticket',
    response: z.array(CounterView),
  },
  {
    method: 'get',
    path: '/api/counters/{counterId}/figures',
    summary: "A counter's figures for today: served, no-shows, average service time, share within standard",
    response: CounterFigures,
  },
  {
    method: 'post',
    path: '/api/tickets',
    summary: 'Issue a ticket (kiosk, FO, MOD)',
    body: bodyOf('ticket:issue', []),
    response: IssuedTicket,
    status: 201,
  },
  {
    method: 'get',
    path: '/api/tickets/{id}',
    summary: 'A ticket with its SOP timeline',
    response: TicketView,
  },
  {
    method: 'post',
    path: '/api/tickets/{ticketId}/step',
    summary: 'Start service or advance to the next SOP step',
    response: TicketView,
  },
  {
    method: 'post',
    path: '/api/tickets/{ticketId}/finish',
    summary: 'Finish service',
    body: bodyOf('ticket:finish', ['ticketId']),
    response: TicketView,
  },
  {
    method: 'post',
    path: '/api/tickets/{ticketId}/no-show',
    summary: 'Mark a called ticket as no-show',
    response: TicketView,
  },
  {
    method: 'post',
    path: '/api/tickets/{ticketId}/reactivate',
    summary: 'Put a no-show back in the queue',
    response: TicketView,
  },
  {
    method: 'post',
    path: '/api/tickets/{ticketId}/transfer',
    summary:
      'Transfer to another open service, keeping its place (an officer: only the ticket at their own counter)',
    body: bodyOf('ticket:transfer', ['ticketId']),
    response: TicketView,
  },
  {
    method: 'post',
    path: '/api/tickets/{ticketId}/cancel',
    summary:
      'Cancel a ticket (an officer: only the ticket at their own counter; waiting ones are FO and MOD work)',
    response: TicketView,
  },
  {
    method: 'post',
    path: '/api/counters/{counterId}/call-next',
    summary: 'Call the next ticket (204 when none waits)',
    response: TicketView,
  },
  {
    method: 'post',
    path: '/api/counters/{counterId}/call-ticket',
    summary: 'Call a specific waiting ticket',
    body: bodyOf('counter:call-ticket', ['counterId']),
    response: TicketView,
  },
  {
    method: 'post',
    path: '/api/counters/{counterId}/recall',
    summary: 'Call the current ticket again',
    response: TicketView,
  },
  {
    method: 'post',
    path: '/api/counters/{counterId}/pause',
    summary: 'Pause the counter with a reason',
    body: bodyOf('counter:pause', ['counterId']),
    response: CounterView,
  },
  {
    method: 'post',
    path: '/api/counters/{counterId}/resume',
    summary: 'Resume the counter',
    response: CounterView,
  },
  {
    method: 'get',
    path: '/api/timings',
    summary: 'Every active ticket: phase, step, elapsed against standard',
    response: z.array(TimingView),
  },
  {
    method: 'get',
    path: '/api/live',
    summary: "The MOD's live table at one event id (timings, counters, services); live:delta carries it on",
    response: LiveSnapshot,
  },
  {
    method: 'get',
    path: '/api/compensations',
    summary: 'Compensation records (?open=true for unresolved)',
    response: z.array(CompensationView),
  },
  {
    method: 'post',
    path: '/api/compensations',
    summary: 'Raise a manual compensation (MOD)',
    body: bodyOf('compensation:raise', []),
    response: CompensationView,
    status: 201,
  },
  {
    method: 'post',
    path: '/api/compensations/{compensationId}/resolve',
    summary: 'Record the remedy given',
    body: bodyOf('compensation:resolve', ['compensationId']),
    response: CompensationView,
  },
  ...SCREEN_OPERATIONS,
  ...SETTINGS_OPERATIONS,
  ...HALL_OPERATIONS,
  ...REPORT_CHAIN_OPERATIONS,
  ...COMPLAINT_OPERATIONS,
  ...SKM_OPERATIONS,
  ...BACKUP_OPERATIONS,
  ...DEVICE_OPERATIONS,
  ...REPORT_OPERATIONS,
  ...CENTRAL_OPERATIONS,
  ...BOOKING_OPERATIONS,
  ...MESSAGE_OPERATIONS,
  ...MOBILE_OPERATIONS,
];

const ERROR_BODY = {
  type: 'object',
  properties: {
    error: {
      type: 'object',
      properties: {
        code: { type: 'string' },
        message: { type: 'object', properties: { id: { type: 'string' }, en: { type: 'string' } } },
        details: { type: 'array', items: { type: 'object' } },
      },
    },
  },
};

function toOperation(op: Operation) {
  const params = [...op.path.matchAll(/\{(\w+)\}/g)].map((m) => ({
    name: m[1],
    in: 'path',
    required: true,
    schema: { type: 'string' },
  }));
  return {
    summary: op.summary,
    ...(op.auth === false ? { security: [] } : {}),
    parameters: [
      ...params,
      ...(op.method === 'post'
        ? [
            {
              name: 'Idempotency-Key',
              in: 'header',
              required: false,
              schema: { type: 'string', minLength: 8 },
            },
          ]
        : []),
    ],
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
      default: {
        description: 'Error with code and Indonesian/English message',
        content: { 'application/json': { schema: ERROR_BODY } },
      },
    },
  };
}

export function buildOpenApi(): object {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const op of OPERATIONS) (paths[op.path] ??= {})[op.method] = toOperation(op);
  return {
    openapi: '3.1.0',
    info: { title: 'Giliran hub API', version: '0.1.0' },
    components: { securitySchemes: { bearer: { type: 'http', scheme: 'bearer' } } },
    security: [{ bearer: [] }],
    paths,
  };
}
