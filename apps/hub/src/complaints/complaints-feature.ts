import type { HubContext } from '../hub-context.ts';
import { STAFF_ROOM } from '../socket/socket-server.ts';
import { complaintRoutes } from './complaint-routes.ts';
import { ComplaintService } from './complaint-service.ts';
import { COMPLAINT_OPERATIONS } from './complaint-openapi.ts';

/**
 * Complaints (the public form and the staff register), their deadlines in working days and the holiday
 * calendar. Changes go to staff screens only: they name a complaint.
 */
export function registerComplaints(ctx: HubContext): ComplaintService {
  ctx.openapi.add(COMPLAINT_OPERATIONS);
  const { db, site, engine, bus, store, clock, logger, io } = ctx;
  const complaints = new ComplaintService({ db, site, engine, bus, queueStore: store, clock, logger });
  ctx.api(
    complaintRoutes({
      auth: ctx.auth,
      commands: ctx.commands,
      complaints,
      clock,
      dates: ctx.dates,
      today: () => engine.serviceDay,
      proofOfWorkBits: site.complaintProofOfWorkBits,
    }),
  );
  const announce = (complaintId: string, at: string): void => {
    const changed = complaints.changed(complaintId, at);
    if (changed) io.to(STAFF_ROOM).emit('complaint:changed', changed);
  };
  bus.onBroadcast((batch) => {
    for (const { event } of batch) {
      if (event.type.startsWith('complaint:') && 'complaintId' in event)
        announce(event.complaintId, event.at);
      // A confirmed year ends the provisional mark of every deadline counted through it.
      if (event.type === 'calendar:year-confirmed')
        for (const row of complaints.calendar.touchedBy(event.year)) announce(row.id, event.at);
    }
  });
  // Complaints whose deadline passed while the hub was down raise their compensation now.
  ctx.onStart(() => complaints.start());
  ctx.onClose(() => {
    complaints.stop();
  });
  return complaints;
}
