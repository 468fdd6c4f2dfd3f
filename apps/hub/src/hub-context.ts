import type { Router } from 'express';
import type { Logger } from 'pino';
import type { AuthService } from './auth/auth-service.ts';
import type { Clock } from './clock.ts';
import type { CommandBus } from './commands/command-bus.ts';
import type { QueueEngine } from './commands/queue-engine.ts';
import type { RecordDispatcher } from './commands/record-dispatch.ts';
import type { ApiDescription } from './http/openapi.ts';
import type { PublicAddress } from './config/public-address.ts';
import type { SiteConfig } from './config/site-config.ts';
import type { Db } from './db/database.ts';
import type { QueueStore } from './db/queue-store.ts';
import type { SettingsStore } from './db/settings-store.ts';
import type { ReportExports } from './reports/report-exports.ts';
import type { DateWindow } from './http/date-window.ts';
import type { HubOptions } from './hub.ts';
import type { CounterPresence } from './socket/counter-presence.ts';
import type { HubSocketServer } from './socket/socket-server.ts';

/** Work a feature runs at start (catching up on what happened while the hub was down) or at close. */
export type LifecycleTask = () => void | Promise<void>;

/**
 * What every feature is given by `hub.ts`: the hub's infrastructure, all of it made before the first feature
 * registers, so no feature reaches for something that does not exist yet. A feature adds its routes, its socket
 * events and listeners on the bus, and its start and close work, through this and nothing else.
 */
export interface HubContext {
  readonly options: HubOptions;
  readonly logger: Logger;
  readonly clock: Clock;
  /** The running site: settings changed at run time are written into it. */
  readonly site: SiteConfig;
  /** The site as its file gives it, before stored settings: what a setting is reset to. */
  readonly siteFile: SiteConfig;
  readonly db: Db;
  readonly store: QueueStore;
  readonly settings: SettingsStore;
  readonly engine: QueueEngine;
  /** The one write path: every command of every feature, and the one place committed events are broadcast from. */
  readonly bus: CommandBus;
  /** Serves a feature's commands from the protocol's RECORD_COMMANDS table, over REST and Socket.IO alike. */
  readonly commands: RecordDispatcher;
  /** The OpenAPI document: every table command is in it already; a feature adds its other routes' fragment. */
  readonly openapi: ApiDescription;
  readonly auth: AuthService;
  readonly io: HubSocketServer;
  /** Officers signed in at counters, from their sockets. */
  readonly presence: CounterPresence;
  /** PDF/XLSX rendering in the export host process, shared by every feature that exports. */
  readonly exports: ReportExports;
  /** The sane window of dates (site opening to a year ahead). */
  readonly dates: () => DateWindow;
  /** Where the ticket's QR leads; known once the hub listens (no address and no warning before). */
  readonly publicAddress: () => PublicAddress;
  /** Mounts a feature's REST routes under `/api`, in the order features register. */
  api(router: Router): void;
  /** Mounts routes outside `/api` (the pages). */
  web(router: Router): void;
  /** Runs once every feature is registered, in registration order, before the hub listens. */
  onStart(task: LifecycleTask): void;
  /** Runs at close, in registration order, before the socket server and the database close. */
  onClose(task: LifecycleTask): void;
}
