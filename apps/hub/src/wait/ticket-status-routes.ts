import { Router } from 'express';
import { HubError } from '../hub-error.ts';
import type { HubContext } from '../hub-context.ts';
import { findTicketByCode } from '../queue/ticket-lookup.ts';
import { publicTicketStatus } from '../views/views.ts';

/** The citizen's status page (`/t/<code>`) reads its ticket here; a shown estimate is a promise to log. */
export function ticketStatusRoutes(ctx: HubContext, shown: (codes: readonly string[]) => void): Router {
  const { engine, store, site } = ctx;
  const router = Router();
  router.get('/public/tickets/:code', (req, res) => {
    const ticket = findTicketByCode(engine, store, req.params.code);
    if (!ticket) throw new HubError('TICKET_NOT_FOUND');
    const status = publicTicketStatus(ticket, site, engine.state, engine.config, engine.nowIso());
    res.json(status);
    if (status.estimate !== null) shown([ticket.code]);
  });
  return router;
}
