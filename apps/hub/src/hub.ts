import { readFileSync } from 'node:fs';
import { createServer, type Server as HttpServer } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import type { NetworkInterfaceInfo } from 'node:os';
import { join } from 'node:path';
import { isQueueEvent } from '@giliran/domain';
import type { HubWarning, Snapshot } from '@giliran/protocol';
import express, { type Express } from 'express';
import { pino, type Logger } from 'pino';
import { AuthService } from './auth/auth-service.ts';
import { MANAGERS } from './auth/roles.ts';
import { systemClock, type Clock } from './clock.ts';
import { CommandBus } from './commands/command-bus.ts';
import { QueueEngine } from './commands/queue-engine.ts';
import { assertNoDemoCredentials } from './config/demo-guard.ts';
import { resolvePublicAddress, type PublicAddress } from './config/public-address.ts';
import { loadSiteConfig, toQueueConfig, untimedStandards, type SiteConfig } from './config/site-config.ts';
import { openDatabase, type Db } from './db/database.ts';
import { privateFolder } from './db/private-files.ts';
import { QueueStore } from './db/queue-store.ts';
import { apiRoutes } from './http/api-routes.ts';
import { errorHandler, notFound } from './http/error-handler.ts';
import { pageRoutes } from './http/page-routes.ts';
import { deviceRoutes } from './http/device-routes.ts';
import { DevicePairing } from './auth/device-pairing.ts';
import { landingRoutes } from './http/landing-page.ts';
import { displayRoutes } from './http/display-routes.ts';
import { SettingsStore } from './db/settings-store.ts';
import { announcementRoutes } from './http/announcement-routes.ts';
import { repoRoot } from './repo-root.ts';
import { speechAlerts } from './speech/voice-alert.ts';
import { AnnouncementAudio } from './speech/announcement-audio.ts';
import { printRoutes } from './http/print-routes.ts';
import { reportRoutes } from './http/report-routes.ts';
import { settingsRoutes } from './http/settings-routes.ts';
import { SettingsService } from './settings/settings-service.ts';
import { applyStoredSettings } from './settings/stored-settings.ts';
import { reportChainRoutes } from './http/report-chain-routes.ts';
import { ReportChainService } from './report-chain/report-chain-service.ts';
import { skmRoutes } from './http/skm-routes.ts';
import { DeadlineScheduler } from './scheduler/deadline-scheduler.ts';
import { ComplaintService } from './complaints/complaint-service.ts';
import { complaintRoutes } from './http/complaint-routes.ts';
import { dateWindow } from './http/date-window.ts';
import { ExportPool, type ExportPoolOptions } from './exports/export-pool.ts';
import {
  createSocketServer,
  isDevice,
  MAX_PAYLOAD_BYTES,
  STAFF_ROOM,
  type HubSocketServer,
} from './socket/socket-server.ts';
import { codelessSnapshot, publicSnapshot } from './socket/device-view.ts';
import { seesTicketCodes } from './auth/ticket-codes.ts';
import { broadcastEvents } from './socket/broadcast-events.ts';
import { CounterPresence } from './socket/counter-presence.ts';
import { LiveDeltas } from './socket/live-deltas.ts';
import { dashboardRoutes } from './http/dashboard-routes.ts';
import { jsonBody } from './http/json-body.ts';
import { requestLog } from './http/request-log.ts';
import { corsPolicy, securityHeaders } from './http/security.ts';
import { callView, compensationView, counterView, publicTicketStatus, ticketView } from './views/views.ts';
import { findTicketByCode } from './http/ticket-lookup.ts';
import { PublicTicketWatchers } from './socket/public-watchers.ts';
import { BackupService } from './backup/backup-service.ts';
import { ReportStore } from './reports/report-store.ts';
import { ForecastCache } from './wait/forecast-cache.ts';
import { keepWaitHistory } from './wait/wait-history-loader.ts';
import { WaitPromises } from './wait/wait-promises.ts';
import { waitAccuracyRoutes } from './wait/wait-accuracy-routes.ts';
import { backupRoutes } from './backup/backup-routes.ts';
import { CENTRAL_KEY_ENV } from './central/central-settings.ts';
import { CentralPushStore } from './central/central-push-store.ts';
import { CentralPusher, type CentralTarget, type PusherTiming } from './central/central-pusher.ts';
import { centralStatusRoutes } from './central/central-routes.ts';
import { registerBooking } from './booking/register-booking.ts';
import type { BookingService } from './booking/booking-service.ts';
import { ComplaintCalendarStore } from './complaints/complaint-calendar-store.ts';

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
  /** The platform the system voice (`say`) acts as: tests play a Windows PC's voices on Linux. */
  readonly speechPlatform?: NodeJS.Platform;
  /** PDF/XLSX exports: worker threads and how many may be accepted at once (beyond: 429). */
  readonly exports?: ExportPoolOptions;
  /** The central server's site key when the site file leaves it out (`GILIRAN_CENTRAL_KEY`). */
  readonly centralKey?: string;
  readonly centralTiming?: Partial<PusherTiming>;
  /** Certificate and key (PEM) to serve HTTPS with; else the site file's `https` files; else plain HTTP. */
  readonly tls?: TlsFiles;
  /** The address phones reach (`PUBLIC_URL`); over the site file's `publicUrl`. */
  readonly publicUrl?: string;
  /** The PC's network interfaces, for tests; os.networkInterfaces() by default. */
  readonly networkInterfaces?: NodeJS.Dict<NetworkInterfaceInfo[]>;
}

export interface TlsFiles {
  readonly cert: string | Buffer;
  readonly key: string | Buffer;
}

export interface Hub {
  readonly url: string;
  readonly port: number;
  readonly site: SiteConfig;
  /** Where the ticket's QR code leads, and the warning shown to MOD when it needs attention. */
  readonly publicAddress: PublicAddress;
  readonly engine: QueueEngine;
  readonly bus: CommandBus;
  readonly db: Db;
  readonly io: HubSocketServer;
  readonly scheduler: DeadlineScheduler;
  readonly backups: BackupService;
  readonly pusher: CentralPusher;
  /** Online booking: tests run its no-show sweep on their own clock. */
  readonly booking: BookingService;
  /** The Express app: tests walk its router to list every route the hub serves. */
  readonly app: Express;
  /** PDF/XLSX rendering in worker threads, and the announcement WAVs: tests and benches read their counts. */
  readonly exports: ExportPool;
  readonly audio: AnnouncementAudio;
  close(): Promise<void>;
}

export const DATABASE_FILE = 'giliran.sqlite';
/** How often status pages are refreshed without a commit, for estimates that change with time alone. */
const STATUS_REFRESH_MS = 60_000;
/** Calls a snapshot carries for the displays' history: more than any screen lists. */
const SNAPSHOT_CALLS = 100;
// From the root, not this file: the bundle (dist/hub/main.js) sits at another depth than this source.
const DEFAULT_WEB_ROOT = join(repoRoot(import.meta.url), 'dist', 'web');

function snapshotOf(engine: QueueEngine, store: QueueStore, site: SiteConfig): Snapshot {
  // Commit what waits for the next group commit first: a snapshot shows only what is on disk, exactly up to
  // its lastEventId, so a crash can never take back something a screen has already shown.
  engine.flush();
  const { state, config } = engine;
  const now = engine.nowIso();
  return {
    lastEventId: store.lastEventId(),
    now,
    serviceDay: engine.serviceDay,
    tickets: [...state.tickets.values()].map((t) => ticketView(t, config, now)),
    counters: site.counters.map((c) => counterView(site, c.id, state)),
    compensations: [...state.compensations.values()].map(compensationView),
    calls: state.calls.slice(-SNAPSHOT_CALLS).map((c) => callView(c, state)),
  };
}

/** Where to push the log, when the site file names a central server and a key is at hand. */
function centralTarget(site: SiteConfig, envKey: string | undefined): CentralTarget | null {
  const key = site.central?.key ?? envKey;
  if (!site.central) return null;
  if (!key) throw new Error(`site ${site.id}: central.key is missing (or set ${CENTRAL_KEY_ENV})`);
  return { url: site.central.url, siteId: site.central.siteId, key };
}

/** The site file's certificate and key, read at start: a missing file stops the hub with its name. */
function tlsFromSite(site: SiteConfig): TlsFiles | undefined {
  if (!site.https) return undefined;
  return { cert: readFileSync(site.https.certFile), key: readFileSync(site.https.keyFile) };
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

/** What MOD must see on the live screen for as long as it holds (GET /api/hub/warnings). */
function hubWarnings(address: PublicAddress): HubWarning[] {
  return address.warning ? [{ kind: 'public-address', message: address.warning }] : [];
}

/** Builds and starts a hub: used by `npm start` and by every integration test (port 0, temporary folder). */
export async function createHub(options: HubOptions): Promise<Hub> {
  const logger = options.logger ?? pino({ level: 'info' });
  const clock = options.clock ?? systemClock;
  // A copy when given as an object: settings changed at run time are written into the hub's site.
  const site =
    typeof options.site === 'string' ? loadSiteConfig(options.site) : structuredClone(options.site);
  await assertNoDemoCredentials(site);
  for (const service of untimedStandards(site))
    logger.warn(service, 'a service publishes minutes it is not timed against: give it standardMinutes');

  privateFolder(options.dataDir);
  const db = openDatabase(join(options.dataDir, DATABASE_FILE));
  const store = new QueueStore(db);
  const auth = new AuthService(db, clock);
  const siteFile = applyStoredSettings(db, site, (key) => {
    logger.warn({ key }, 'a stored setting no longer fits the site file; the file governs it');
  });
  const engine = new QueueEngine(store, toQueueConfig(site), clock);
  const dates = () => dateWindow(site, engine.serviceDay);
  const bus = new CommandBus(engine, store, site, clock, (error) => {
    logger.error({ err: error }, 'broadcasting committed events failed');
  });
  auth.commitWith((events) => {
    bus.commitSystem(events);
  });
  bus.commitSystem(auth.seedEvents(site, engine.nowIso()));

  const app = express();
  app.disable('x-powered-by');
  app.set('etag', false);
  app.use(securityHeaders());
  app.use('/api', corsPolicy(site.allowedOrigins));
  app.use(requestLog(logger, (url) => url === '/api/health'));
  app.use(jsonBody(MAX_PAYLOAD_BYTES));
  const settings = new SettingsStore(db);
  const speech = speechAlerts({
    logger,
    now: () => clock.now(),
    toAll: (alert) => io.emit('hub:alert', alert),
    toStaff: (alert) => io.to(STAFF_ROOM).emit('hub:alert', alert),
  });
  const audio = new AnnouncementAudio(site, options.dataDir, speech.onFallback, {
    ...(options.speechPlatform !== undefined ? { platform: options.speechPlatform } : {}),
    onVoice: speech.onVoice,
    onSpoken: speech.onSpoken,
  });
  const presence = new CounterPresence();
  // The queue's own routes first: every ticket and call of the hall goes through them.
  const waitShown = (codes: readonly string[]): void => {
    promises.shownByCode(codes, 'status');
  };
  app.use(
    '/api',
    apiRoutes({ auth, bus, engine, store, site, settings, clock, startedAt: clock.now(), waitShown }),
  );
  // Floor managers' live table: a snapshot, then deltas after each batch (`io` exists by the first batch).
  const live = new LiveDeltas(() => io, engine, store, site);
  app.use('/api', dashboardRoutes({ auth, presence, live, warnings: () => hubWarnings(publicAddress) }));
  const exports = new ExportPool(options.exports);
  app.use('/api', reportRoutes({ auth, engine, site, db, exports, clock }));
  app.use('/api', waitAccuracyRoutes({ auth, engine, site, db }));
  app.use('/api', announcementRoutes({ auth, engine, store, site, audio }));
  const chain = new ReportChainService({
    db,
    site,
    bus,
    config: () => engine.config,
    now: () => engine.nowIso(),
    today: () => engine.serviceDay,
  });
  app.use('/api', reportChainRoutes({ auth, engine, chain, site }));
  app.use('/api', skmRoutes({ auth, db, site, engine, clock, bus, exports }));
  const siteSettings = new SettingsService({
    db,
    site,
    siteFile,
    engine,
    auth,
    io: () => io,
    scheduler: () => scheduler,
    bus,
  });
  app.use('/api', settingsRoutes({ auth, settings: siteSettings, dates }));
  app.use('/api', displayRoutes({ auth, settings: siteSettings }));
  let publicAddress: PublicAddress = { baseUrl: null, warning: null };
  app.use(
    '/api',
    printRoutes({
      auth,
      bus,
      engine,
      store,
      site,
      publicBaseUrl: () => publicAddress.baseUrl,
      dataDir: options.dataDir,
      ...(options.printTimeoutMs !== undefined ? { printTimeoutMs: options.printTimeoutMs } : {}),
    }),
  );
  const backups = new BackupService({
    db,
    dataDir: options.dataDir,
    settings: site.backup,
    clock,
    logger,
    onFailure: (error) => {
      io.to(STAFF_ROOM).emit('hub:alert', {
        kind: 'backup-failed',
        message: `Cadangan basis data gagal: ${error.message}`,
        at: new Date(clock.now()).toISOString(),
      });
    },
  });
  app.use('/api', backupRoutes({ auth, backups }));
  // Complaint changes go to staff screens only: they name a complaint (`io` exists by the first change).
  const complaints = new ComplaintService({
    db,
    site,
    engine,
    bus,
    queueStore: store,
    clock,
    logger,
  });
  app.use(
    '/api',
    complaintRoutes({
      auth,
      complaints,
      clock,
      dates,
      today: () => engine.serviceDay,
      proofOfWorkBits: site.complaintProofOfWorkBits,
    }),
  );
  const pusher = new CentralPusher(
    centralTarget(site, options.centralKey ?? process.env[CENTRAL_KEY_ENV]),
    new CentralPushStore(db),
    clock,
    logger,
    options.centralTiming,
  );
  app.use('/api', centralStatusRoutes({ auth, pusher }));
  const calendarStore = new ComplaintCalendarStore(db);
  const booking = registerBooking({
    app,
    auth,
    bus,
    engine,
    site,
    db,
    clock,
    dataDir: options.dataDir,
    holidays: () => calendarStore.holidayDates(),
    onError: (error) => {
      logger.error({ err: error }, 'marking missed bookings failed');
    },
  });
  const pairing = new DevicePairing(db, site, clock, bus, () => {
    auth.forgetDevices();
  });
  app.use('/api', deviceRoutes({ auth, pairing, clock }));
  app.use(landingRoutes(site));
  app.use(pageRoutes(options.webRoot ?? DEFAULT_WEB_ROOT, { tokensInAddress: site.demo }));
  app.use(notFound);
  app.use(errorHandler(logger));

  const tls = options.tls ?? tlsFromSite(site);
  const httpServer = tls ? createHttpsServer({ cert: tls.cert, key: tls.key }, app) : createServer(app);
  if (!tls && !site.demo) logger.warn('serving plain HTTP: PINs and tokens cross the hall network readable');
  const io = createSocketServer(httpServer, {
    auth,
    bus,
    logger,
    snapshot: (actor) => {
      const full = snapshotOf(engine, store, site);
      if (isDevice(actor)) return publicSnapshot(full);
      return seesTicketCodes(actor) ? full : codelessSnapshot(full);
    },
    lastEventId: () => store.lastEventId(),
    serviceDay: () => engine.serviceDay,
    presence,
    nowIso: () => engine.nowIso(),
    allowedOrigins: site.allowedOrigins,
    clock,
  });
  auth.onRepeatedFailures(({ username, address, failures }) => {
    // A guessing attack, or an officer who forgot their PIN: MOD and admin hear of it, with where it comes from.
    logger.warn({ username, address, failures }, 'repeated sign-in failures');
    const alert = {
      kind: 'sign-in-failures',
      message: `${String(failures)} kali gagal masuk untuk akun ${username} (terakhir dari ${address}).`,
      at: new Date(clock.now()).toISOString(),
    };
    for (const socket of io.sockets.sockets.values())
      if (MANAGERS.includes(socket.data.actor.role)) socket.emit('hub:alert', alert);
  });
  const scheduler = new DeadlineScheduler(engine, bus, clock, logger);
  const forecasts = new ForecastCache(engine);
  const promises = new WaitPromises(bus, engine, store, (error) => {
    logger.error({ err: error }, 'logging a shown wait estimate failed');
  });
  const watchers = new PublicTicketWatchers(
    io,
    (code) => {
      const ticket = findTicketByCode(engine, store, code);
      return ticket
        ? publicTicketStatus(ticket, site, engine.state, engine.config, engine.nowIso(), forecasts.current())
        : null;
    },
    waitShown,
  );
  // Estimates move with time alone (a pause runs on, a desk goes through its steps): status pages hear it.
  const statusTimer = setInterval(() => {
    watchers.refresh();
  }, STATUS_REFRESH_MS);
  statusTimer.unref();
  const stopWaitHistory = keepWaitHistory(engine, new ReportStore(db));
  bus.onCommitted((batch) => {
    scheduler.onCommitted(batch.map((b) => b.event).filter(isQueueEvent));
    pusher.nudge();
  });
  bus.onBroadcast((batch) => {
    broadcastEvents(io, batch);
    live.onBatch(batch);
    // What each feature shows of its own events: staff screens only, since they name a complaint or a signer.
    for (const { event } of batch) {
      if (event.type === 'report-chain:step-signed')
        io.to(STAFF_ROOM).emit('report-chain:signed', chain.signed(event.date, event.record));
      siteSettings.announce(event);
      if (event.type.startsWith('complaint:') && 'complaintId' in event) {
        const changed = complaints.changed(event.complaintId, event.at);
        if (changed) io.to(STAFF_ROOM).emit('complaint:changed', changed);
      }
      // A confirmed year ends the provisional mark of every deadline counted through it.
      if (event.type === 'calendar:year-confirmed')
        for (const row of complaints.calendar.touchedBy(event.year)) {
          const changed = complaints.changed(row.id, event.at);
          if (changed) io.to(STAFF_ROOM).emit('complaint:changed', changed);
        }
    }
    watchers.refresh();
  });
  // Tickets that became late while the hub was down are raised at once.
  await scheduler.fire();
  // Complaints whose deadline passed while the hub was down raise their compensation now.
  await complaints.start();
  backups.start();
  pusher.start();

  const host = options.host ?? '127.0.0.1';
  const port = await listen(httpServer, options.port ?? 0, host);
  const url = `${tls ? 'https' : 'http'}://${host.includes(':') ? `[${host}]` : host}:${port}`;
  publicAddress = resolvePublicAddress({
    configured: options.publicUrl ?? site.publicUrl,
    host,
    port,
    demo: site.demo,
    scheme: tls ? 'https' : 'http',
    ...(options.networkInterfaces ? { interfaces: options.networkInterfaces } : {}),
  });
  if (publicAddress.warning) logger.warn({ publicUrl: publicAddress.baseUrl }, publicAddress.warning.en);

  return {
    url,
    port,
    site,
    get publicAddress() {
      return publicAddress;
    },
    engine,
    bus,
    db,
    io,
    scheduler,
    backups,
    pusher,
    booking: booking.service,
    app,
    exports,
    audio,
    async close() {
      await pusher.stop();
      booking.stop();
      clearInterval(statusTimer);
      stopWaitHistory();
      scheduler.stop();
      complaints.stop();
      await backups.stop();
      await io.close();
      await exports.close();
      engine.close();
      db.close();
    },
  };
}
