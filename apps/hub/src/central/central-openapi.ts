import { CentralPushStatus } from '@giliran/protocol';
import type { Operation } from '../http/openapi.ts';

export const CENTRAL_OPERATIONS: readonly Operation[] = [
  {
    method: 'get',
    path: '/api/central/status',
    summary: 'How the push of the event log to the central server stands (managers)',
    response: CentralPushStatus,
  },
];
