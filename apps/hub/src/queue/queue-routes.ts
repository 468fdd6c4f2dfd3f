import { activeTimings, counterFigures } from '@giliran/domain';
import {
  LoginRequest,
  type CounterFigures,
  type CommandName,
  type HealthResponse,
  type TicketView,
} from '@giliran/protocol';
import { Router, type Request, type Response } from 'express';
import type { AuthService } from '../auth/auth-service.ts';
import type { Clock } from '../clock.ts';
import { RateLimiter } from '../commands/rate-limiter.ts';
import { ANY_ROLE, READERS, STAFF, STAFF_AND_DISPLAY } from '../auth/roles.ts';
import { validationError, type CommandBus } from '../commands/command-bus.ts';
import type { QueueEngine } from '../commands/queue-engine.ts';
import type { SiteConfig } from '../config/site-config.ts';
import type { QueueStore } from '../db/queue-store.ts';
import { HubError } from '../hub-error.ts';
import { compensationFromRow, counterView, serviceViews, siteView, ticketView } from '../views/views.ts';
import { findTicket } from './ticket-lookup.ts';
import { runningTextOf } from '../settings/display-routes.ts';
import type { SettingsStore } from '../db/settings-store.ts';
import { codeFor } from '../auth/ticket-codes.ts';
import { actorOf, bearerToken, requireRole } from '../http/auth-middleware.ts';
import type { ApiDescription } from '../http/openapi.ts';

export interface RouteDeps {
  readonly auth: AuthService;
  readonly bus: CommandBus;
  readonly engine: QueueEngine;
  readonly store: QueueStore;
  readonly site: SiteConfig;
  readonly startedAt: number;
  readonly clock: Clock;
  readonly settings: SettingsStore;
  readonly openapi: ApiDescription;
}

/** REST and Socket.IO share one payload schema: path parameters and body are merged, then validated once. */
function payloadOf(req: Request): unknown {
  const body: unknown = req.body ?? {};
  if (typeof body !== 'object' || body === null || Array.isArray(body)) return body;
  const key = req.header('idempotency-key');
  return { ...body, ...req.params, ...(key ? { idempotencyKey: key } : {}) };
}

/**
 * Every command's answer is written directly: `res.json` looks the MIME type up and parses the charset back out of
 * it on each call, on the hall's busiest path. Node adds the Content-Length of a body given to `end`.
 */
function sendJson(res: Response, status: number, body: unknown): void {
  res.statusCode = status;
  res.setHeader('Content-Type', 'application/json; charset=utf-8');
  res.end(JSON.stringify(body));
}

function commandRoute(bus: CommandBus, name: CommandName, created = false) {
  return async (req: Request, res: Response): Promise<void> => {
    const result = await bus.execute(actorOf(req), name, payloadOf(req));
    if (result === null) res.status(204).end();
    else sendJson(res, created ? 201 : 200, result);
  };
}

export function apiRoutes(deps: RouteDeps): Router {
  const { auth, bus, engine, store, site } = deps;
  const router = Router();
  const anyone = requireRole(auth, ANY_ROLE);

  // The commands first: a request walks the routes in order, and these carry the hall's traffic.
  router.post('/tickets', anyone, commandRoute(bus, 'ticket:issue', true));
  for (const action of ['step', 'finish', 'no-show', 'reactivate', 'transfer', 'cancel'] as const) {
    router.post(`/tickets/:ticketId/${action}`, anyone, commandRoute(bus, `ticket:${action}`));
  }

  for (const action of ['call-next', 'call-ticket', 'recall', 'pause', 'resume'] as const) {
    router.post(`/counters/:counterId/${action}`, anyone, commandRoute(bus, `counter:${action}`));
  }

  router.get('/health', (_req, res: Response<HealthResponse>) => {
    res.json({
      status: 'ok',
      site: site.id,
      serviceDay: engine.serviceDay,
      lastEventId: store.lastEventId(),
      uptimeSeconds: Math.round((Date.now() - deps.startedAt) / 1000),
    });
  });

  router.get('/openapi.json', (_req, res) => {
    res.json(deps.openapi.build());
  });

  // Per address, on top of the per-account lockout: one machine cannot walk through every username.
  const logins = new RateLimiter(site.loginsPerMinutePerAddress, 60_000, deps.clock);
  router.post('/auth/login', async (req, res) => {
    if (!logins.tryTake(req.ip ?? 'unknown')) throw new HubError('SIGN_IN_RATE_LIMITED', undefined, 60);
    const parsed = LoginRequest.safeParse(req.body);
    if (!parsed.success) throw validationError(parsed.error);
    res.json(await auth.login(parsed.data, req.ip ?? 'unknown'));
  });

  // Signing out ends the session at once: its token stops working for REST and for the socket's next command.
  // Every account signs out, the Sekdis and Kepala Dinas too (READERS); a device token is not a session.
  router.post('/auth/logout', requireRole(auth, READERS), (req, res) => {
    const token = bearerToken(req.headers.authorization);
    if (token) auth.logout(token);
    res.status(204).end();
  });

  router.get('/site', anyone, (_req, res) => {
    res.json(siteView(site, runningTextOf(deps.settings, site)));
  });

  router.get('/services', anyone, (_req, res) => {
    res.json(serviceViews(site, engine.state, engine.config, engine.nowIso()));
  });

  router.get('/counters', requireRole(auth, STAFF_AND_DISPLAY), (_req, res) => {
    res.json(site.counters.filter((c) => !c.retired).map((c) => counterView(site, c.id, engine.state)));
  });

  router.get(
    '/counters/:counterId/figures',
    requireRole(auth, STAFF),
    (req, res: Response<CounterFigures>) => {
      const counterId = String(req.params.counterId);
      if (!site.counters.some((c) => c.id === counterId)) throw new HubError('COUNTER_NOT_FOUND');
      const actor = actorOf(req);
      if (actor.role === 'officer' && actor.counterId !== counterId) throw new HubError('FORBIDDEN');
      res.json(counterFigures(engine.state, engine.config, counterId, engine.nowIso()));
    },
  );

  router.get('/tickets/:id', anyone, (req, res: Response<TicketView>) => {
    const ticket = findTicket(engine, store, String(req.params.id));
    if (!ticket) throw new HubError('TICKET_NOT_FOUND');
    const actor = actorOf(req);
    // A kiosk in the public hall sees only what it issued (the view carries the ticket's status code).
    if (actor.role === 'kiosk' && ticket.issuedBy !== actor.id) throw new HubError('FORBIDDEN');
    // Displays and officers get the number, never the code (ticket-codes.ts), as on their sockets.
    res.json(codeFor(ticketView(ticket, engine.config, engine.nowIso()), actor));
  });

  router.get('/timings', requireRole(auth, STAFF_AND_DISPLAY), (_req, res) => {
    res.json(activeTimings(engine.state, engine.config, engine.nowIso()));
  });

  router.get('/compensations', requireRole(auth, STAFF), (req, res) => {
    res.json(store.compensationRows(req.query.open === 'true').map(compensationFromRow));
  });
  router.post('/compensations', anyone, commandRoute(bus, 'compensation:raise', true));
  router.post('/compensations/:compensationId/resolve', anyone, commandRoute(bus, 'compensation:resolve'));

  return router;
}
