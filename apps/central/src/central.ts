import { createServer, type Server as HttpServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { MAX_SYNC_BYTES } from '@giliran/protocol';
import { createAdapter } from '@socket.io/postgres-adapter';
import express, { type Express } from 'express';
import pg from 'pg';
import { pino, type Logger } from 'pino';
import { Server as SocketServer } from 'socket.io';
import { CentralAuth } from './auth/central-auth.ts';
import { migrate } from './db/migrate.ts';
import { feedRoutes } from './feed/feed-routes.ts';
import { SiteFeed } from './feed/site-feed.ts';
import { admission } from './http/admission.ts';
import { centralRoutes } from './http/central-routes.ts';
import {
  errorHandler,
  jsonBody,
  notFound,
  requestLog,
  securityHeaders,
  systemClock,
  type Clock,
} from './hub-shared.ts';
import { pusatPage, WEB_ROOT } from './http/pusat-page.ts';
import { registerCentralBooking } from './booking/booking-feature.ts';
import { centralBookingSigner } from './booking/booking-key.ts';
import { ExportPool } from './report-engine.ts';
import { RegionReports } from './reports/region-report.ts';
import { regionRoutes } from './reports/region-routes.ts';
import { SiteRegistry } from './sites/site-registry.ts';
import { resumeRoutes } from './sync/resume-routes.ts';
import { SyncService, type Ingested } from './sync/sync-service.ts';
import { SiteViews } from './views/site-views.ts';
import { CentralVisits } from './visits/central-visits.ts';
import { visitRoutes } from './visits/visit-routes.ts';

export interface CentralOptions {
  readonly databaseUrl: string;
  readonly port?: number;
  readonly host?: string;
  readonly logger?: Logger;
  readonly clock?: Clock;
  /** Connections this process keeps to PostgreSQL. */
  readonly poolSize?: number;
}

export interface Central {
  readonly url: string;
  readonly port: number;
  readonly pool: pg.Pool;
  readonly app: Express;
  readonly io: SocketServer;
  close(): Promise<void>;
}

/** The room of every signed-in regional account: live site changes go there. */
export const REGION_ROOM = 'region';

function listen(server: HttpServer, port: number, host: string): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve((server.address() as AddressInfo).port);
    });
  });
}

/** What a dashboard hears when a site's batch is stored: enough to refresh that site's row. */
function syncedMessage(ingested: Ingested) {
  const newest = ingested.stored.at(-1);
  return {
    siteId: ingested.siteId,
    ackedSeq: ingested.ackedSeq,
    events: ingested.stored.length,
    lastEventAt: newest?.at ?? null,
  };
}

/** Builds and starts a central process: `npm run central`, and every central test (port 0, throwaway database). */
export async function createCentral(options: CentralOptions): Promise<Central> {
  const logger = options.logger ?? pino({ level: 'info' });
  const clock = options.clock ?? systemClock;
  const poolSize = options.poolSize ?? 10;
  const pool = new pg.Pool({ connectionString: options.databaseUrl, max: poolSize });
  // An idle connection dropped by the server must not crash the process; the pool replaces it.
  pool.on('error', (error) => {
    logger.warn({ err: error }, 'idle PostgreSQL connection lost');
  });
  // Nor one that is checked out: the Socket.IO adapter holds one for LISTEN without an 'error' listener, so a
  // database restart (or its connections killed) threw an unhandled 'error' and ended central. The query in flight
  // still fails on its own; the adapter reconnects when the connection ends.
  pool.on('connect', (client) => {
    client.on('error', (error) => {
      logger.warn({ err: error }, 'PostgreSQL connection lost');
    });
  });
  await migrate(pool);
  const bookingSigner = await centralBookingSigner(pool);
  const auth = new CentralAuth(pool, clock);
  const sites = new SiteRegistry(pool);
  const sync = new SyncService(pool);
  const views = new SiteViews(pool);

  const app = express();
  app.disable('x-powered-by');
  app.set('etag', false);
  // Hubs push and pull every few seconds over kept-alive connections: a connection that is never idle would hold
  // a closing process open. Once closing, each answer closes its connection.
  let closing = false;
  app.use((_req, res, next) => {
    if (closing) res.setHeader('connection', 'close');
    next();
  });
  app.use(securityHeaders());
  app.use(requestLog(logger, (url) => url === '/api/health'));
  // As many batches at once as the pool has connections: the rest wait unread (admission.ts).
  app.post('/api/central/sync', admission(poolSize));
  app.use(jsonBody(MAX_SYNC_BYTES));
  app.get('/api/health', (_req, res) => {
    res.json({ status: 'ok', role: 'central' });
  });
  const httpServer = createServer(app);
  const io = new SocketServer(httpServer, { serveClient: false, maxHttpBufferSize: 64 * 1024 });
  // Every central process on the database hears every broadcast: a dashboard connected to one process sees the
  // batches another one stored.
  io.adapter(
    createAdapter(pool, {
      errorHandler: (error) => {
        logger.warn({ err: error }, 'Socket.IO PostgreSQL adapter');
      },
    }),
  );
  io.use((socket, next) => {
    const token: unknown = socket.handshake.auth.token;
    void auth.authenticate(typeof token === 'string' ? token : undefined).then((actor) => {
      if (actor) next();
      else next(new Error('UNAUTHENTICATED'));
    }, next);
  });
  io.on('connection', (socket) => {
    void socket.join(REGION_ROOM);
  });
  app.use(
    '/api',
    centralRoutes({
      auth,
      sites,
      sync,
      views,
      clock,
      bookingKey: bookingSigner.publicKeyPem,
      onIngested: (ingested) => io.to(REGION_ROOM).emit('site:synced', syncedMessage(ingested)),
    }),
  );
  app.use('/api', feedRoutes({ pool, auth, sites, feed: new SiteFeed(pool), clock }));
  app.use('/api', resumeRoutes({ pool, auth, clock }));
  const exports = new ExportPool();
  app.use('/api', regionRoutes({ auth, sites, reports: new RegionReports(pool, clock), exports, clock }));
  app.use('/api', visitRoutes({ auth, visits: new CentralVisits(pool), clock }));
  const stopBookingEraser = registerCentralBooking(app, {
    pool,
    clock,
    webRoot: WEB_ROOT,
    signer: bookingSigner,
    onError: (error) => {
      logger.error({ err: error }, 'erasing past bookings’ contacts failed');
    },
  });
  app.use(pusatPage());
  app.use(notFound);
  app.use(errorHandler(logger));

  const host = options.host ?? '127.0.0.1';
  const port = await listen(httpServer, options.port ?? 0, host);
  return {
    url: `http://${host.includes(':') ? `[${host}]` : host}:${port}`,
    port,
    pool,
    app,
    io,
    async close() {
      closing = true;
      stopBookingEraser();
      await io.close();
      await exports.close();
      await pool.end();
    },
  };
}
