import { CentralFeedStatus, CentralPushStatus } from '@giliran/protocol';
import type { Operation } from '../http/openapi.ts';

export const CENTRAL_OPERATIONS: readonly Operation[] = [
  {
    method: 'get',
    path: '/api/central/status',
    summary: 'How the push of the event log to the central server stands (managers)',
    response: CentralPushStatus,
  },
  {
    method: 'get',
    path: '/api/central/feed/status',
    summary: 'How far the hub has applied the central server’s site feed (managers)',
    response: CentralFeedStatus,
  },
];
