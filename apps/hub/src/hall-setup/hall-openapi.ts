import {
  CreateAgencyRequest,
  CreateCounterRequest,
  CreateServiceRequest,
  SettingsView,
  UpdateAgencyRequest,
  UpdateCounterRequest,
  UpdateServiceRequest,
} from '@giliran/protocol';
import type { z } from 'zod';
import type { Operation } from '../http/openapi.ts';

const op = (method: 'post' | 'put', path: string, summary: string, body: z.ZodType): Operation => ({
  method,
  path,
  summary,
  body,
  response: SettingsView,
  ...(method === 'post' ? { status: 201 } : {}),
});

/** Setting up the hall from the screens (admin); each answers with the settings as they now are. */
export const HALL_OPERATIONS: readonly Operation[] = [
  op('post', '/api/settings/agencies', 'Add an agency (admin); 409 AGENCY_EXISTS', CreateAgencyRequest),
  op(
    'put',
    '/api/settings/agencies/{id}',
    'Rename or retire an agency (admin); 409 AGENCY_IN_USE while a service of it is offered',
    UpdateAgencyRequest,
  ),
  op(
    'post',
    '/api/settings/services',
    'Add a service with its prefix, requirements, fee, duration and standard (admin); 409 PREFIX_TAKEN',
    CreateServiceRequest,
  ),
  op(
    'put',
    '/api/settings/services/{id}',
    'Rename a service, edit its requirements, fee, duration, standard or agency, or retire it (admin)',
    UpdateServiceRequest,
  ),
  op(
    'post',
    '/api/settings/counters',
    'Add a counter with the services it serves (admin)',
    CreateCounterRequest,
  ),
  op(
    'put',
    '/api/settings/counters/{id}/details',
    'Rename or retire a counter (admin); 409 COUNTER_IN_USE while it serves a ticket',
    UpdateCounterRequest,
  ),
];
