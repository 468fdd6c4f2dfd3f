import type { Server as HttpServer } from 'node:http';
import {
  COMMAND_NAMES,
  RECORD_SOCKET_EVENTS,
  SyncRequest,
  apiError,
  type Ack,
  type ClientToServerEvents,
  type CommandName,
  type RecordCommandName,
  type ServerToClientEvents,
  type Snapshot,
} from '@giliran/protocol';
import type { Logger } from 'pino';
import { Server, type Socket } from 'socket.io';
import type { Actor } from '../auth/actor.ts';
import type { CounterPresence } from './counter-presence.ts';
import { originAllowed } from '../http/security.ts';
import type { AuthService } from '../auth/auth-service.ts';
import type { Clock } from '../clock.ts';
import type { CommandBus } from '../commands/command-bus.ts';
import type { RecordDispatcher } from '../commands/record-dispatch.ts';
import { HubError } from '../hub-error.ts';
import { MANAGERS } from '../auth/roles.ts';
import { seesTicketCodes } from '../auth/ticket-codes.ts';

interface SocketData {
  actor: Actor;
  token: string;
}

/** Kiosks and displays stand in the public hall: they get queue events, not ticket codes or staff matters. */
export const STAFF_ROOM = 'staff';
export const DEVICE_ROOM = 'devices';
/** Floor managers, whose MOD page keeps the live table from `live:delta` (staff room besides). */
export const LIVE_ROOM = 'live';
/** Staff who hold no ticket codes (officers): also in STAFF_ROOM, for everything else staff hear. */
export const CODELESS_ROOM = 'codeless-staff';

export function isDevice(actor: Actor): boolean {
  return actor.role === 'kiosk' || actor.role === 'display';
}

export type HubSocketServer = Server<
  ClientToServerEvents,
  ServerToClientEvents,
  Record<string, never>,
  SocketData
>;
type HubSocket = Socket<ClientToServerEvents, ServerToClientEvents, Record<string, never>, SocketData>;

export const MAX_PAYLOAD_BYTES = 16 * 1024;

function failure(error: unknown, logger: Logger): Ack<never> {
  if (error instanceof HubError) return { ok: false, error: error.toApiError() };
  logger.error({ err: error }, 'socket command failed');
  return { ok: false, error: apiError('INTERNAL') };
}

/** A client may omit the ack or send garbage in its place: never call what is not a function. */
function ackOf(candidate: unknown): (result: Ack<unknown>) => void {
  return typeof candidate === 'function' ? (candidate as (result: Ack<unknown>) => void) : () => undefined;
}

export function createSocketServer(
  httpServer: HttpServer,
  deps: {
    auth: AuthService;
    bus: CommandBus;
    /** The features' commands (complaints, survey, report chain, settings, accounts, devices). */
    records: RecordDispatcher;
    snapshot: (actor: Actor) => Snapshot;
    logger: Logger;
    lastEventId: () => number;
    serviceDay: () => string;
    presence: CounterPresence;
    nowIso: () => string;
    allowedOrigins: readonly string[];
    clock: Clock;
  },
): HubSocketServer {
  const io: HubSocketServer = new Server(httpServer, {
    maxHttpBufferSize: MAX_PAYLOAD_BYTES,
    serveClient: false,
    allowRequest: (req, done) => {
      done(null, originAllowed(req.headers.origin, req.headers.host, deps.allowedOrigins));
    },
  });

  io.use((socket, next) => {
    const auth = socket.handshake.auth as { token?: unknown };
    const actor = deps.auth.authenticate(typeof auth.token === 'string' ? auth.token : undefined);
    if (!actor) {
      next(Object.assign(new Error('UNAUTHENTICATED'), { data: apiError('UNAUTHENTICATED') }));
      return;
    }
    socket.data.actor = actor;
    socket.data.token = auth.token as string;
    next();
  });

  // Signing out closes that session's sockets at once, as disabling the account or resetting its PIN does.
  deps.auth.onLogout((token) => {
    for (const socket of io.sockets.sockets.values())
      if (socket.data.token === token) socket.disconnect(true);
  });

  io.on('connection', (socket: HubSocket) => {
    const { actor } = socket.data;
    void socket.join(isDevice(actor) ? DEVICE_ROOM : STAFF_ROOM);
    if (MANAGERS.includes(actor.role)) void socket.join(LIVE_ROOM);
    if (!isDevice(actor) && !seesTicketCodes(actor)) void socket.join(CODELESS_ROOM);
    silenceAtExpiry(socket, deps);
    socket.emit('hub:hello', {
      lastEventId: deps.lastEventId(),
      serviceDay: deps.serviceDay(),
      role: actor.role,
    });
    trackPresence(io, socket, deps);
    for (const name of COMMAND_NAMES) registerCommand(socket, name, deps);
    for (const name of RECORD_SOCKET_EVENTS) registerRecordCommand(socket, name, deps);
    socket.on('sync:snapshot', (rawPayload: unknown, rawAck: unknown) => {
      const payloadIsAck = typeof rawPayload === 'function' && rawAck === undefined;
      const ack = ackOf(payloadIsAck ? rawPayload : rawAck);
      // The whole live state is staff data: an expired or revoked session gets none of it, as for a command.
      if (!deps.auth.authenticate(socket.data.token)) {
        ack({ ok: false, error: apiError('UNAUTHENTICATED') });
        socket.disconnect(true);
        return;
      }
      const parsed = SyncRequest.safeParse(payloadIsAck ? {} : (rawPayload ?? {}));
      if (!parsed.success) {
        ack({ ok: false, error: apiError('VALIDATION_FAILED') });
        return;
      }
      ack({ ok: true, data: deps.snapshot(actor) });
    });
  });
  return io;
}

/**
 * A session ends at its expiry on a socket that sends nothing too: it leaves its rooms then and hears no more
 * broadcasts; its next event is refused (UNAUTHENTICATED) and closes it. A device token does not expire.
 */
function silenceAtExpiry(socket: HubSocket, deps: { auth: AuthService; clock: Clock }): void {
  const expiresAt = deps.auth.sessionExpiry(socket.data.token);
  if (expiresAt === null) return;
  const cancel = deps.clock.setTimer(() => {
    for (const room of [STAFF_ROOM, DEVICE_ROOM, LIVE_ROOM, CODELESS_ROOM]) void socket.leave(room);
  }, expiresAt - deps.clock.now());
  socket.on('disconnect', cancel);
}

/** An officer's connection puts them at their counter on the MOD's screen; its close takes them away. */
function trackPresence(
  io: HubSocketServer,
  socket: HubSocket,
  deps: { auth: AuthService; presence: CounterPresence; nowIso: () => string },
): void {
  const { actor } = socket.data;
  if (actor.role !== 'officer' || actor.counterId === null) return;
  const counterId = actor.counterId;
  const officer = {
    counterId,
    username: actor.id,
    name: deps.auth.displayName(actor.id),
    since: deps.nowIso(),
  };
  const announce = () => {
    io.to(STAFF_ROOM).emit('counter:presence', { counterId, officer: deps.presence.at(counterId) });
  };
  if (deps.presence.join(socket.id, officer)) announce();
  socket.on('disconnect', () => {
    if (deps.presence.leave(socket.id) !== null) announce();
  });
}

/**
 * One command event: the ack (a client may omit it), the session still valid, then `run` (the bus for the queue's
 * commands, the dispatcher for the features'), answered with its data or its coded error.
 */
function onCommand(
  socket: HubSocket,
  name: string,
  deps: { auth: AuthService; logger: Logger },
  run: (actor: Actor, payload: unknown) => Promise<unknown>,
): void {
  // Socket.IO's typed `on` cannot express one handler for a union of event names; the payload is validated later.
  (socket as unknown as { on(event: string, handler: (payload: unknown, ack: unknown) => void): void }).on(
    name,
    (rawPayload, rawAck) => {
      // `emitWithAck(name)` without a payload hands the ack over in the payload's place.
      const payloadIsAck = typeof rawPayload === 'function' && rawAck === undefined;
      const ack = ackOf(payloadIsAck ? rawPayload : rawAck);
      const payload = payloadIsAck ? undefined : rawPayload;
      // A socket lives longer than a session: a token that expired or was revoked since connecting acts no more.
      const actor = deps.auth.authenticate(socket.data.token);
      if (!actor) {
        ack({ ok: false, error: apiError('UNAUTHENTICATED') });
        socket.disconnect(true);
        return;
      }
      // Async, so that a synchronous throw is answered like a rejection.
      const answer = async () => run(actor, payload);
      answer().then(
        (data) => {
          ack({ ok: true, data });
        },
        (error: unknown) => {
          ack(failure(error, deps.logger));
        },
      );
    },
  );
}

function registerCommand(
  socket: HubSocket,
  name: CommandName,
  deps: { auth: AuthService; bus: CommandBus; logger: Logger },
): void {
  onCommand(socket, name, deps, (actor, payload) => deps.bus.execute(actor, name, payload));
}

/** A feature's command (RECORD_COMMANDS): the same dispatcher, role gate and coded errors as its REST route. */
function registerRecordCommand(
  socket: HubSocket,
  name: RecordCommandName,
  deps: { auth: AuthService; records: RecordDispatcher; logger: Logger },
): void {
  onCommand(socket, name, deps, (actor, payload) =>
    deps.records.fromSocket(actor, name, payload, socket.handshake.address),
  );
}
