import { printTicket, renderTicketPng, type TicketLanguage } from '@giliran/printing';
import type { Role, TicketView } from '@giliran/protocol';
import { Router, type Request } from 'express';
import { z } from 'zod';
import type { Actor } from '../auth/actor.ts';
import type { AuthService } from '../auth/auth-service.ts';
import { MANAGERS } from '../auth/roles.ts';
import { validationError, type CommandBus } from '../commands/command-bus.ts';
import type { QueueEngine } from '../commands/queue-engine.ts';
import type { SiteConfig } from '../config/site-config.ts';
import type { QueueStore } from '../db/queue-store.ts';
import { HubError } from '../hub-error.ts';
import { isSpool, spoolFolder, spoolTicket } from './spool-printer.ts';
import { ticketPrintout } from './ticket-printout.ts';
import { actorOf, requireRole } from '../http/auth-middleware.ts';
import { findTicket } from '../queue/ticket-lookup.ts';

export interface PrintDeps {
  readonly auth: AuthService;
  readonly bus: CommandBus;
  readonly engine: QueueEngine;
  readonly store: QueueStore;
  readonly site: SiteConfig;
  /** Where the QR code points (config/public-address.ts); null: no address a phone reaches, no QR. */
  readonly publicBaseUrl: () => string | null;
  readonly printTimeoutMs?: number;
  /** The hub's data folder: a relative spool folder (`spool:print-spool`) is inside it. */
  readonly dataDir: string;
}

const PRINTING_ROLES: readonly Role[] = ['kiosk', 'fo', ...MANAGERS];
const PaperQuery = z.object({
  lang: z.enum(['id', 'en']).default('id'),
  width: z.coerce
    .number()
    .pipe(z.union([z.literal(58), z.literal(80)]))
    .default(80),
});
const PrintBody = z.strictObject({
  paperWidth: z.union([z.literal(58), z.literal(80)]).optional(),
  lang: z.enum(['id', 'en']).optional(),
  /** FO/MOD reprint on one of the site's printers; a kiosk always prints on its own. */
  printerId: z.string().max(64).optional(),
});

interface Target {
  readonly printerInterface: string;
  readonly paperWidth: 58 | 80;
}

export function printRoutes(deps: PrintDeps): Router {
  const { auth, bus, engine, store, site } = deps;
  const router = Router();
  const printers = requireRole(auth, PRINTING_ROLES);

  /** A kiosk sees only the tickets it issued; staff see all. */
  const ticketFor = (req: Request) => {
    const actor = actorOf(req);
    const ticket = findTicket(engine, store, String(req.params.id));
    if (!ticket) throw new HubError('TICKET_NOT_FOUND');
    if (actor.role === 'kiosk' && ticket.issuedBy !== actor.id) throw new HubError('FORBIDDEN');
    return { actor, ticket };
  };

  const printoutOf = (req: Request, lang: TicketLanguage) => {
    const { actor, ticket } = ticketFor(req);
    return {
      actor,
      ticket,
      content: ticketPrintout(
        ticket,
        site,
        engine.state,
        engine.config,
        lang,
        deps.publicBaseUrl(),
        engine.nowIso(),
      ),
    };
  };

  router.get('/tickets/:id/printable', printers, (req, res) => {
    const query = PaperQuery.safeParse(req.query);
    if (!query.success) throw validationError(query.error);
    res.json(printoutOf(req, query.data.lang).content);
  });

  router.get('/tickets/:id/preview.png', printers, async (req, res) => {
    const query = PaperQuery.safeParse(req.query);
    if (!query.success) throw validationError(query.error);
    const png = await renderTicketPng(printoutOf(req, query.data.lang).content, query.data.width);
    res.type('png').setHeader('Cache-Control', 'no-store').send(png);
  });

  router.post('/tickets/:id/print', printers, async (req, res) => {
    const body = PrintBody.safeParse(req.body ?? {});
    if (!body.success) throw validationError(body.error);
    const { actor, ticket, content } = printoutOf(req, body.data.lang ?? 'id');
    // The first print carries the promise logged at issue; any later one prints the current estimate.
    const reprint = ticket.printStatus !== 'pending';
    const target = printerFor(site, actor, ticket.issuedBy, body.data.printerId);
    let reason: string | null = null;
    try {
      // A kiosk without a printer is a failed print like any other: recorded, and MOD told at once.
      if (target === null)
        throw new Error('tidak ada printer untuk kiosk ini (devices[].printer) atau meja FO (printers)');
      const paperWidth = body.data.paperWidth ?? target.paperWidth;
      if (isSpool(target.printerInterface)) {
        const folder = spoolFolder(target.printerInterface, deps.dataDir);
        await spoolTicket(content, paperWidth, folder, `${engine.serviceDay}-${ticket.number}-${ticket.id}`);
      } else {
        await printTicket(content, {
          printerInterface: target.printerInterface,
          paperWidth,
          timeoutMs: deps.printTimeoutMs ?? 5000,
        });
      }
    } catch (error) {
      reason = error instanceof Error ? error.message : 'print error';
    }
    // The outcome goes through the same command path, so MOD sees a failed print at once.
    const view: TicketView = await bus.execute(actor, 'ticket:print-result', {
      ticketId: ticket.id,
      ok: reason === null,
      reason,
    });
    if (reason !== null) throw new HubError('PRINT_FAILED', [{ path: 'printer', message: reason }]);
    if (reprint)
      await bus.executeSystem({
        type: 'QuoteWait',
        ticketIds: [ticket.id],
        channel: 'reprint',
        now: engine.nowIso(),
        by: actor.id,
      });
    res.json(view);
  });

  return router;
}

/** The printer to use; null when the kiosk has none (a chosen printer that does not exist is refused instead). */
function printerFor(
  site: SiteConfig,
  actor: Actor,
  issuedBy: string,
  printerId: string | undefined,
): Target | null {
  if (actor.role !== 'kiosk' && printerId !== undefined) {
    const printer = site.printers.find((p) => p.id === printerId);
    if (!printer) throw new HubError('NO_PRINTER');
    return { printerInterface: printer.interface, paperWidth: printer.paperWidth };
  }
  // A kiosk prints on its own printer; a reprint without a chosen printer goes back to the issuing kiosk's.
  const deviceId = (actor.role === 'kiosk' ? actor.id : issuedBy).replace(/^device:/, '');
  const device = site.devices.find((d) => d.id === deviceId);
  if (device?.printer)
    return { printerInterface: device.printer.interface, paperWidth: device.printer.paperWidth };
  // A ticket the front office issued for a citizen prints on the desk's printer, the first the site lists.
  const desk = actor.role === 'kiosk' ? undefined : site.printers[0];
  return desk ? { printerInterface: desk.interface, paperWidth: desk.paperWidth } : null;
}
