import { readFileSync } from 'node:fs';
import { createServer, type Server as HttpServer } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import type { NetworkInterfaceInfo } from 'node:os';
import { join } from 'node:path';
import express, { type Express, type Router } from 'express';
import { pino, type Logger } from 'pino';
import { AuthService } from './auth/auth-service.ts';
import { seesTicketCodes } from './auth/ticket-codes.ts';
import { registerBackup } from './backup/backup-feature.ts';
import type { BackupService } from './backup/backup-service.ts';
import { registerCentral } from './central/central-feature.ts';
import { registerBooking } from './booking/booking-feature.ts';
import type { BookingService } from './booking/booking-service.ts';
import type { CentralPusher, PusherTiming } from './central/central-pusher.ts';
import type { CentralFeedPuller } from './central/feed-puller.ts';
import { systemClock, type Clock } from './clock.ts';
import { CommandBus } from './commands/command-bus.ts';
import { QueueEngine } from './commands/queue-engine.ts';
import { RecordDispatcher } from './commands/record-dispatch.ts';
import { registerCompensation } from './compensation/compensation-feature.ts';
import type { DeadlineScheduler } from './compensation/deadline-scheduler.ts';
import { registerComplaints } from './complaints/complaints-feature.ts';
import { assertNoDemoCredentials } from './config/demo-guard.ts';
import { resolvePublicAddress, type PublicAddress } from './config/public-address.ts';
import { loadSiteConfig, toQueueConfig, untimedStandards, type SiteConfig } from './config/site-config.ts';
import { openDatabase, type Db } from './db/database.ts';
import { privateFolder } from './db/private-files.ts';
import { QueueStore } from './db/queue-store.ts';
import { SettingsStore } from './db/settings-store.ts';
import { registerDevices } from './devices/devices-feature.ts';
import type { ExportPoolOptions } from './exports/export-pool.ts';
import { ReportExports } from './reports/report-exports.ts';
import { ApiDescription } from './http/openapi.ts';
import { dateWindow } from './http/date-window.ts';
import { errorHandler, notFound } from './http/error-handler.ts';
import { jsonBody } from './http/json-body.ts';
import { requestLog } from './http/request-log.ts';
import { corsPolicy, securityHeaders } from './http/security.ts';
import type { HubContext, LifecycleTask } from './hub-context.ts';
import { registerLive } from './live/live-feature.ts';
import { registerMobile } from './mobile/mobile-feature.ts';
import { registerPages } from './pages/pages-feature.ts';
import { registerPrinting } from './printing/printing-feature.ts';
import { registerQueue } from './queue/queue-feature.ts';
import { snapshotOf } from './queue/queue-snapshot.ts';
import { registerReportChain } from './report-chain/report-chain-feature.ts';
import { registerReports } from './reports/reports-feature.ts';
import { registerSettings } from './settings/settings-feature.ts';
import { registerHallSetup } from './hall-setup/hall-setup-feature.ts';
import { applyStoredSettings } from './settings/stored-settings.ts';
import { registerSkm } from './skm/skm-feature.ts';
import { broadcastEvents } from './socket/broadcast-events.ts';
import { CounterPresence } from './socket/counter-presence.ts';
import { codelessSnapshot, publicSnapshot } from './socket/device-view.ts';
import {
  createSocketServer,
  isDevice,
  MAX_PAYLOAD_BYTES,
  type HubSocketServer,
} from './socket/socket-server.ts';
import type { AnnouncementAudio } from './speech/announcement-audio.ts';
import { registerSpeech } from './speech/speech-feature.ts';
import { registerWait } from './wait/wait-feature.ts';
import type { MessageChannel } from '@giliran/domain';
import type { Channel } from './messages/channels/channel.ts';
import { registerMessages, type Messages } from './messages/messages-feature.ts';

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
  /** PDF/XLSX exports: how many may be accepted at once (beyond: 429). */
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
  /** Message channels for tests (a provider that never answers); else the site file's `messages`. */
  readonly messageChannels?: ReadonlyMap<MessageChannel, Channel>;
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
  /** Messages to citizens: the outbox and its sender. */
  readonly messages: Messages;
  /** Central's site feed: features register the kinds they apply with `feed.kinds.handle`. */
  readonly feed: CentralFeedPuller;
  /** The Express app: tests walk its router to list every route the hub serves. */
  readonly app: Express;
  /** PDF/XLSX rendering in the export host process, and the announcement WAVs: tests and benches read their counts. */
  readonly exports: ReportExports;
  readonly audio: AnnouncementAudio;
  close(): Promise<void>;
}

export const DATABASE_FILE = 'giliran.sqlite';

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

/** The site, with the settings stored at run time applied over its file. */
async function siteOf(options: HubOptions, logger: Logger): Promise<SiteConfig> {
  // A copy when given as an object: settings changed at run time are written into the hub's site.
  const site =
    typeof options.site === 'string' ? loadSiteConfig(options.site) : structuredClone(options.site);
  await assertNoDemoCredentials(site);
  for (const service of untimedStandards(site))
    logger.warn(service, 'a service publishes minutes it is not timed against: give it standardMinutes');
  return site;
}

/** Express with what every request goes through, before any feature's routes. */
function expressApp(site: SiteConfig, logger: Logger): Express {
  const app = express();
  app.disable('x-powered-by');
  app.set('etag', false);
  app.use(securityHeaders());
  app.use('/api', corsPolicy(site.allowedOrigins));
  app.use(requestLog(logger, (url) => url === '/api/health'));
  app.use(jsonBody(MAX_PAYLOAD_BYTES));
  return app;
}

async function runAll(tasks: readonly LifecycleTask[]): Promise<void> {
  for (const task of tasks) await task();
}

/**
 * Builds and starts a hub: used by `npm start` and by every integration test (port 0, temporary folder).
 * It makes the infrastructure (database, queue engine, bus, HTTP and Socket.IO servers), then registers each
 * feature in turn with a `HubContext`; the features own their routes, socket events and listeners.
 */
export async function createHub(options: HubOptions): Promise<Hub> {
  const logger = options.logger ?? pino({ level: 'info' });
  const clock = options.clock ?? systemClock;
  const site = await siteOf(options, logger);

  privateFolder(options.dataDir);
  const db = openDatabase(join(options.dataDir, DATABASE_FILE));
  const store = new QueueStore(db);
  const auth = new AuthService(db, clock);
  const siteFile = applyStoredSettings(db, site, (key) => {
    logger.warn({ key }, 'a stored setting no longer fits the site file; the file governs it');
  });
  const engine = new QueueEngine(store, toQueueConfig(site), clock);
  const bus = new CommandBus(engine, store, site, clock, (error) => {
    logger.error({ err: error }, 'broadcasting committed events failed');
  });
  auth.commitWith((events) => {
    bus.commitSystem(events);
  });
  bus.commitSystem(auth.seedEvents(site, engine.nowIso()));

  const app = expressApp(site, logger);
  const tls = options.tls ?? tlsFromSite(site);
  const httpServer = tls ? createHttpsServer({ cert: tls.cert, key: tls.key }, app) : createServer(app);
  if (!tls && !site.demo) logger.warn('serving plain HTTP: PINs and tokens cross the hall network readable');
  const presence = new CounterPresence();
  const commands = new RecordDispatcher(auth);
  const io: HubSocketServer = createSocketServer(httpServer, {
    auth,
    bus,
    records: commands,
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
  // The queue's events reach every screen first; features then add what they show of their own events.
  bus.onBroadcast((batch) => {
    broadcastEvents(io, batch);
  });

  let publicAddress: PublicAddress = { baseUrl: null, warning: null };
  const exports = new ReportExports(options.exports);
  const starts: LifecycleTask[] = [];
  const closes: LifecycleTask[] = [];
  const ctx: HubContext = {
    options,
    logger,
    clock,
    site,
    siteFile,
    db,
    store,
    settings: new SettingsStore(db),
    engine,
    bus,
    commands,
    openapi: new ApiDescription(),
    auth,
    io,
    presence,
    exports,
    dates: () => dateWindow(site, engine.serviceDay),
    publicAddress: () => publicAddress,
    api: (router: Router) => app.use('/api', router),
    web: (router: Router) => app.use(router),
    onStart: (task) => starts.push(task),
    onClose: (task) => closes.push(task),
  };

  // In route order: the queue first, since it carries the hall's traffic; the pages last.
  registerQueue(ctx);
  registerLive(ctx);
  registerReports(ctx);
  registerWait(ctx);
  const audio = registerSpeech(ctx);
  registerReportChain(ctx);
  registerSkm(ctx);
  const scheduler = registerCompensation(ctx);
  const settings = registerSettings(ctx, scheduler);
  registerHallSetup(ctx, scheduler, settings);
  registerPrinting(ctx);
  const backups = registerBackup(ctx);
  const complaints = registerComplaints(ctx);
  const { pusher, feed } = registerCentral(ctx);
  const mobile = registerMobile(ctx, complaints, feed);
  registerDevices(ctx);
  const booking = registerBooking(ctx, feed.kinds);
  const messages = registerMessages(ctx);
  messages.eraser.add(mobile.personalData);
  registerPages(ctx);
  app.use(notFound);
  app.use(errorHandler(logger));

  await runAll(starts);
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
    messages,
    pusher,
    booking,
    feed,
    app,
    exports,
    audio,
    async close() {
      await runAll(closes);
      await io.close();
      await exports.close();
      engine.close();
      db.close();
    },
  };
}
