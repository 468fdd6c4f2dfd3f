import { Router } from 'express';
import { signedIn, type RecordDispatcher } from '../commands/record-dispatch.ts';
import type { HallSetup } from './hall-setup.ts';

/**
 * The hall's agencies, services and counters from the MOD settings page (issue 14), commands of the one table
 * (`RECORD_COMMANDS`, REST and Socket.IO). Each answers managers with the settings view or a refusal; which roles
 * may change the hall is the settings' own rule (`hall`: admin).
 */
export function hallRoutes(hall: HallSetup, commands: RecordDispatcher): Router {
  const router = Router();
  commands.serve(router, 'hall:add-agency', (call) => hall.addAgency(signedIn(call), call.body));
  commands.serve(router, 'hall:edit-agency', (call) =>
    hall.editAgency(signedIn(call), call.params.id, call.body),
  );
  commands.serve(router, 'hall:add-service', (call) => hall.addService(signedIn(call), call.body));
  commands.serve(router, 'hall:edit-service', (call) =>
    hall.editService(signedIn(call), call.params.id, call.body),
  );
  commands.serve(router, 'hall:add-counter', (call) => hall.addCounter(signedIn(call), call.body));
  // `PUT /settings/counters/:id` sets a counter's services (an older route); its name and retirement are here.
  commands.serve(router, 'hall:edit-counter', (call) =>
    hall.editCounter(signedIn(call), call.params.id, call.body),
  );
  return router;
}
