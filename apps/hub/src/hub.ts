import { mkdirSync } from 'node:fs';
import { createServer, type Server as HttpServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { QueueEvent } from '@giliran/domain';
import type { Snapshot } from '@giliran/protocol';
import express from 'express';
import { pino, type Logger } from 'pino';
import { pinoHttp } from 'pino-http';
import { AuthService } from './auth/auth-service.ts';
import { systemClock, type Clock } from './clock.ts';
import { CommandBus } from './commands/command-bus.ts';
import { QueueEngine } from './commands/queue-engine.ts';
import { assertNoDemoCredentials } from './config/demo-guard.ts';
import { loadSiteConfig, toQueueConfig, type SiteConfig } from './config/site-config.ts';
import { openDatabase, type Db } from './db/database.ts';
import { QueueStore } from './db/queue-store.ts';
import { apiRoutes } from './http/api-routes.ts';
import { errorHandler, notFound } from './http/error-handler.ts';
import { pageRoutes } from './http/page-routes.ts';
import { displayRoutes } from './http/display-routes.ts';
import { SettingsStore } from './db/settings-store.ts';
import { announcementRoutes } from './http/announcement-routes.ts';
import { AnnouncementAudio } from './speech/announcement-audio.ts';
import { printRoutes } from './http/print-routes.ts';
import { DeadlineScheduler } from './scheduler/deadline-scheduler.ts';
import {
  createSocketServer,
  DEVICE_ROOM,
  isDevice,
  MAX_PAYLOAD_BYTES,
  STAFF_ROOM,
  type HubSocketServer,
} from './socket/socket-server.ts';
import { publicEvent, publicSnapshot } from './socket/device-view.ts';
import { compensationView, counterView, publicTicketStatus, ticketView } from './views/views.ts';
import { findTicketByCode } from './http/ticket-lookup.ts';
import { PublicTicketWatchers } from './socket/public-watchers.ts';

export interface HubOptions {
  readonly dataDir: string;
  /** A parsed site or the path of its JSON file. */
  readonly site: SiteConfig | string;
  readonly port?: number;
  readonly host?: string;
  readonly clock?: Clock;
  readonly logger?: Logger;
  /** Folder of the built web pages (Vite output). */
  readonly webRoot?: string;
  readonly printTimeoutMs?: number;
}

export interface Hub {
  readonly url: string;
  readonly port: number;
  readonly site: SiteConfig;
  readonly engine: QueueEngine;
  readonly bus: CommandBus;
  readonly db: Db;
  readonly io: HubSocketServer;
  readonly scheduler: DeadlineScheduler;
  close(): Promise<void>;
}

export const DATABASE_FILE = 'giliran.sqlite';
const DEFAULT_WEB_ROOT = fileURLToPath(new URL('../../../dist/web', import.meta.url));

function snapshotOf(engine: QueueEngine, store: QueueStore, site: SiteConfig): Snapshot {
  const { state, config } = engine;
  const now = engine.nowIso();
  return {
    lastEventId: store.lastEventId(),
    now,
    serviceDay: engine.serviceDay,
    tickets: [...state.tickets.values()].map((t) => ticketView(t, config, now)),
    counters: site.counters.map((c) => counterView(site, c.id, state)),
    compensations: [...state.compensations.values()].map(compensationView),
  };
}

function listen(server: HttpServer, port: number, host: string): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve((server.address() as AddressInfo).port);
    });
  });
}

/** Builds and starts a hub: used by `npm start` and by every integration test (port 0, temporary folder). */
export async function createHub(options: HubOptions): Promise<Hub> {
  const logger = options.logger ?? pino({ level: 'info' });
  const clock = options.clock ?? systemClock;
  const site = typeof options.site === 'string' ? loadSiteConfig(options.site) : options.site;
  await assertNoDemoCredentials(site);

  mkdirSync(options.dataDir, { recursive: true });
  const db = openDatabase(join(options.dataDir, DATABASE_FILE));
  const store = new QueueStore(db);
  const auth = new AuthService(db, clock);
  auth.seed(site);
  const engine = new QueueEngine(store, toQueueConfig(site), clock);
  const bus = new CommandBus(engine, store, site, clock);

  const app = express();
  app.disable('x-powered-by');
  app.use(
    pinoHttp({
      logger,
      autoLogging: { ignore: (req) => req.url === '/api/health' },
      // A busy hall makes tens of thousands of good requests a day: those are debug; refusals and failures are not.
      customLogLevel: (_req, res, error) =>
        error !== undefined || res.statusCode >= 500 ? 'error' : res.statusCode >= 400 ? 'warn' : 'debug',
      // Never log headers or bodies: they carry bearer tokens and PINs.
      serializers: {
        req: (req: { id: unknown; method: string; url: string }) => ({
          id: req.id,
          method: req.method,
          url: req.url,
        }),
        res: (res: { statusCode: number }) => ({ statusCode: res.statusCode }),
      },
    }),
  );
  app.use(express.json({ limit: MAX_PAYLOAD_BYTES }));
  const settings = new SettingsStore(db);
  const audio = new AnnouncementAudio(site, options.dataDir, (engine, reason) => {
    // A missing engine is not an outage: say so in the log and to MOD, and keep announcing with the next one.
    logger.warn({ engine, reason }, 'speech engine unavailable, falling back');
    io.emit('hub:alert', {
      kind: 'speech-fallback',
      message: `Mesin suara ${engine} tidak tersedia (${reason}); memakai cadangan.`,
      at: new Date(clock.now()).toISOString(),
    });
  });
  app.use('/api', announcementRoutes({ auth, engine, store, site, audio }));
  app.use('/api', apiRoutes({ auth, bus, engine, store, site, settings, startedAt: clock.now() }));
  app.use(
    '/api',
    displayRoutes({
      auth,
      engine,
      site,
      settings,
      broadcastRunningText: (text) => {
        io.emit('display:running-text', { text });
      },
    }),
  );
  let selfUrl = '';
  app.use(
    '/api',
    printRoutes({
      auth,
      bus,
      engine,
      store,
      site,
      publicBaseUrl: () => site.publicUrl ?? selfUrl,
      ...(options.printTimeoutMs !== undefined ? { printTimeoutMs: options.printTimeoutMs } : {}),
    }),
  );
  app.use(pageRoutes(options.webRoot ?? DEFAULT_WEB_ROOT));
  app.use(notFound);
  app.use(errorHandler(logger));

  const httpServer = createServer(app);
  const io = createSocketServer(httpServer, {
    auth,
    bus,
    logger,
    snapshot: (actor) => {
      const full = snapshotOf(engine, store, site);
      return isDevice(actor) ? publicSnapshot(full) : full;
    },
    lastEventId: () => store.lastEventId(),
    serviceDay: () => engine.serviceDay,
  });
  const scheduler = new DeadlineScheduler(engine, bus, clock, logger);
  const watchers = new PublicTicketWatchers(io, (code) => {
    const ticket = findTicketByCode(engine, store, code);
    return ticket ? publicTicketStatus(ticket, site, engine.state, engine.config) : null;
  });
  bus.onCommitted((batch) => {
    for (const { id, event } of batch) {
      const emit = (rooms: string[], payload: QueueEvent & { eventId: number }) => {
        (io.to(rooms).emit as (name: string, body: typeof payload) => boolean)(event.type, payload);
      };
      const forDevices = publicEvent(event);
      // Most events are the same for everyone: one packet, encoded once, for both rooms.
      if (forDevices === event) emit([STAFF_ROOM, DEVICE_ROOM], { ...event, eventId: id });
      else {
        emit([STAFF_ROOM], { ...event, eventId: id });
        if (forDevices) emit([DEVICE_ROOM], { ...forDevices, eventId: id });
      }
    }
    watchers.refresh();
    scheduler.onCommitted(batch.map((b) => b.event));
  });
  // Tickets that became late while the hub was down are raised at once.
  await scheduler.fire();

  const host = options.host ?? '127.0.0.1';
  const port = await listen(httpServer, options.port ?? 0, host);
  const url = `http://${host.includes(':') ? `[${host}]` : host}:${port}`;
  selfUrl = url;

  return {
    url,
    port,
    site,
    engine,
    bus,
    db,
    io,
    scheduler,
    async close() {
      scheduler.stop();
      await io.close();
      engine.close();
      db.close();
    },
  };
}
