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
  NoBody,
  RECORD_COMMAND_NAMES,
  RECORD_COMMANDS,
  type CommandName,
  type RecordCommandName,
} from '@giliran/protocol';
import { z } from 'zod';

export interface Operation {
  readonly method: 'get' | 'post' | 'put' | 'delete';
  readonly path: string;
  readonly summary: string;
  readonly body?: z.ZodType;
  readonly response?: z.ZodType;
  readonly status?: number;
  readonly auth?: boolean;
  /** The path parameters' schema; without it each `{name}` is a string. */
  readonly params?: z.ZodObject;
  /** A command of the one table (RECORD_COMMANDS): its name and Socket.IO event go into the document. */
  readonly command?: RecordCommandName;
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
  const params = [...op.path.matchAll(/\{(\w+)\}/g)].map(([, name = '']) => {
    const shape: Readonly<Record<string, z.ZodType>> = op.params?.shape ?? {};
    const schema = shape[name];
    return {
      name,
      in: 'path',
      required: true,
      schema: schema ? z.toJSONSchema(schema, { io: 'input' }) : { type: 'string' },
    };
  });
  const command = op.command === undefined ? null : RECORD_COMMANDS[op.command];
  return {
    summary: op.summary,
    ...(op.command === undefined
      ? {}
      : { 'x-command': op.command, 'x-socket-event': command?.socket ?? null }),
    ...(op.auth === false ? { security: [] } : {}),
    parameters: [
      ...params,
      ...(op.method === 'post' || op.command !== undefined
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

const keyOf = (op: { method: string; path: string }): string => `${op.method} ${op.path}`;

/**
 * A command of the table as an operation: method, path, status, path parameters, body and whether it needs a token
 * come from RECORD_COMMANDS, so the document cannot disagree with what the hub parses; the summary and the answer's
 * schema from the feature's fragment for the same route, when it has one.
 */
function tableOperation(name: RecordCommandName, described: Operation | undefined): Operation {
  const def = RECORD_COMMANDS[name];
  const body: z.ZodType = def.body;
  return {
    method: def.rest.method,
    path: `/api${def.rest.path.replace(/:(\w+)/g, '{$1}')}`,
    summary: described?.summary ?? name,
    ...(body === NoBody ? {} : { body }),
    ...(described?.response ? { response: described.response } : {}),
    status: def.rest.status,
    auth: !def.public,
    params: def.params,
    command: name,
  };
}

/**
 * The hub's OpenAPI document: the core routes above, every command of the one table, and the fragments features
 * add when they register (`ctx.describe`), so this module names no feature.
 */
export class ApiDescription {
  private readonly fragments: Operation[] = [];
  private document: object | null = null;

  /** A feature's routes; for a table command only the summary and the answer are taken from here. */
  add(operations: readonly Operation[]): void {
    this.fragments.push(...operations);
    this.document = null;
  }

  build(): object {
    this.document ??= buildOpenApi([...OPERATIONS, ...this.fragments]);
    return this.document;
  }
}

export function buildOpenApi(described: readonly Operation[]): object {
  const byKey = new Map(described.map((op) => [keyOf(op), op]));
  const table = RECORD_COMMAND_NAMES.map((name) => {
    const def = RECORD_COMMANDS[name];
    const path = `/api${def.rest.path.replace(/:(\w+)/g, '{$1}')}`;
    return tableOperation(name, byKey.get(keyOf({ method: def.rest.method, path })));
  });
  const tableKeys = new Set(table.map(keyOf));
  const paths: Record<string, Record<string, unknown>> = {};
  for (const op of [...described.filter((o) => !tableKeys.has(keyOf(o))), ...table])
    (paths[op.path] ??= {})[op.method] = toOperation(op);
  return {
    openapi: '3.1.0',
    info: { title: 'Giliran hub API', version: '0.1.0' },
    components: { securitySchemes: { bearer: { type: 'http', scheme: 'bearer' } } },
    security: [{ bearer: [] }],
    paths,
  };
}
