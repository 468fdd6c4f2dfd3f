import type { HubContext } from '../hub-context.ts';
import { STAFF_ROOM } from '../socket/socket-server.ts';
import { reportChainRoutes } from './report-chain-routes.ts';
import { ReportChainService } from './report-chain-service.ts';
import { REPORT_CHAIN_OPERATIONS } from './report-chain-openapi.ts';

/** The daily report's sign-off chain; a signature is shown to staff only, since it names the signer. */
export function registerReportChain(ctx: HubContext): void {
  ctx.openapi.add(REPORT_CHAIN_OPERATIONS);
  const { db, site, bus, engine, io } = ctx;
  const chain = new ReportChainService({
    db,
    site,
    bus,
    config: () => engine.config,
    now: () => engine.nowIso(),
    today: () => engine.serviceDay,
  });
  ctx.api(reportChainRoutes({ auth: ctx.auth, commands: ctx.commands, engine, chain, site }));
  bus.onBroadcast((batch) => {
    for (const { event } of batch)
      if (event.type === 'report-chain:step-signed')
        io.to(STAFF_ROOM).emit('report-chain:signed', chain.signed(event.date, event.record));
  });
}
