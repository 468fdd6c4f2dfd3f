import type { HubContext } from '../hub-context.ts';
import { printRoutes } from './print-routes.ts';

/** Ticket printouts: the kiosk's own printer, FO/MOD reprints, and the paper preview. */
export function registerPrinting(ctx: HubContext): void {
  const { auth, bus, engine, store, site, options } = ctx;
  ctx.api(
    printRoutes({
      auth,
      bus,
      engine,
      store,
      site,
      publicBaseUrl: () => ctx.publicAddress().baseUrl,
      dataDir: options.dataDir,
      ...(options.printTimeoutMs !== undefined ? { printTimeoutMs: options.printTimeoutMs } : {}),
    }),
  );
}
