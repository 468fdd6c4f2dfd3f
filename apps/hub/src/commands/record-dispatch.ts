import {
  IdempotencyKey,
  NoBody,
  RECORD_COMMANDS,
  type RecordBody,
  type RecordCommandDef,
  type RecordCommandName,
  type RecordParams,
} from '@giliran/protocol';
import type { Request, RequestHandler, Response, Router } from 'express';
import type { Actor } from '../auth/actor.ts';
import type { AuthService } from '../auth/auth-service.ts';
import { bearerToken, requireRole } from '../http/auth-middleware.ts';
import { HubError } from '../hub-error.ts';
import { parse } from './command-bus.ts';
import { TableBody } from './table-body.ts';

/** One call of a feature's command, the same whichever transport it came by. */
export interface RecordCall<N extends RecordCommandName> {
  /** The signed-in caller; null for the public (REST without a token). */
  readonly actor: Actor | null;
  readonly params: RecordParams<N>;
  /**
   * The body, still to be validated: the feature passes it to its command on the bus (or to `bodyOf`), whose one
   * parse opens it only with the schema the table names (`TableBody`).
   */
  readonly body: TableBody;
  readonly key: string | undefined;
  /** The caller's network address: a public caller's idempotency and limits are keyed by it. */
  readonly address: string;
}

export type RecordHandler<N extends RecordCommandName> = (call: RecordCall<N>) => Promise<unknown>;

/** The caller of a command that is not public: the dispatcher's role gate has let only the signed-in through. */
export function signedIn(call: { readonly actor: Actor | null }): Actor {
  if (!call.actor) throw new HubError('UNAUTHENTICATED');
  return call.actor;
}

/** The body parsed with the table's schema, for a handler that reads it before its command runs on the bus. */
export function bodyOf<N extends RecordCommandName>(call: RecordCall<N>): RecordBody<N> {
  return parse(call.body.schema, call.body) as RecordBody<N>;
}

type AnyHandler = (call: RecordCall<RecordCommandName>) => Promise<unknown>;

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * Serves the commands of `RECORD_COMMANDS` (packages/protocol) over REST and Socket.IO from that one table: the
 * table's role gate, then its path parameters (the payload's fields of the same names on a socket) and the
 * idempotency key (a header, or the payload's `idempotencyKey`), then the feature's handler, which runs the
 * command on the bus. Both transports thus give the same coded errors.
 */
export class RecordDispatcher {
  private readonly handlers = new Map<RecordCommandName, AnyHandler>();

  constructor(private readonly auth: AuthService) {}

  /** Names the commands a feature serves: its REST route goes on the feature's router, after `guards`. */
  serve<N extends RecordCommandName>(
    router: Router,
    name: N,
    handler: RecordHandler<N>,
    ...guards: RequestHandler[]
  ): void {
    const def: RecordCommandDef = RECORD_COMMANDS[name];
    if (this.handlers.has(name)) throw new Error(`${name} is served twice`);
    this.handlers.set(name, handler);
    const gate: RequestHandler[] = def.public ? [] : [requireRole(this.auth, def.roles)];
    router[def.rest.method](def.rest.path, ...gate, ...guards, async (req: Request, res: Response) => {
      const actor = def.public ? this.publicCaller(def, req) : (req.actor ?? null);
      const body: unknown = req.body ?? {};
      const result = await this.run(name, actor, req.params, body, req.header('idempotency-key'), req.ip);
      res.status(def.rest.status).json(result);
    });
  }

  /** A socket's command: the payload carries the parameters, the body's fields and `idempotencyKey` in one. */
  fromSocket(actor: Actor, name: RecordCommandName, payload: unknown, address: string): Promise<unknown> {
    const def: RecordCommandDef = RECORD_COMMANDS[name];
    if (!def.roles.includes(actor.role)) throw new HubError('FORBIDDEN');
    if (!isPlainObject(payload))
      throw new HubError('VALIDATION_FAILED', [{ path: '', message: 'expected an object' }]);
    const paramKeys = new Set(Object.keys(def.params.shape));
    const params: Record<string, unknown> = {};
    const body: Record<string, unknown> = {};
    for (const [field, value] of Object.entries(payload)) {
      if (field === 'idempotencyKey') continue;
      if (paramKeys.has(field)) params[field] = value;
      else
        Object.defineProperty(body, field, { value, enumerable: true, writable: true, configurable: true });
    }
    return this.run(name, actor, params, body, payload.idempotencyKey, address);
  }

  private async run(
    name: RecordCommandName,
    actor: Actor | null,
    rawParams: unknown,
    body: unknown,
    rawKey: unknown,
    address: string | undefined,
  ): Promise<unknown> {
    const handler = this.handlers.get(name);
    if (!handler) throw new Error(`${name} has no handler`);
    const def: RecordCommandDef = RECORD_COMMANDS[name];
    const params = parse(def.params, rawParams) as RecordParams<RecordCommandName>;
    const key = parse(IdempotencyKey.optional(), rawKey);
    const tableBody = new TableBody(name, def.body, body);
    const result = await handler({ actor, params, body: tableBody, key, address: address ?? 'unknown' });
    // A handler that answered without parsing its body validated it some other way: the table would lie.
    if (!tableBody.parsed && def.body !== NoBody)
      throw new Error(`${name} was served without parsing its body with RECORD_COMMANDS' schema`);
    return result;
  }

  /**
   * A public route's caller: nobody without a token. A command that also serves roles (a kiosk answering the
   * survey) holds a token to them; one that serves only the public ignores it.
   */
  private publicCaller(def: RecordCommandDef, req: Request): Actor | null {
    if (def.roles.length === 0 || req.headers.authorization === undefined) return null;
    const actor = this.auth.authenticate(bearerToken(req.headers.authorization));
    if (!actor) throw new HubError('UNAUTHENTICATED');
    if (!def.roles.includes(actor.role)) throw new HubError('FORBIDDEN');
    return actor;
  }
}
