export { createCentral, REGION_ROOM, type Central, type CentralOptions } from './central.ts';
export { upsertAccount } from './auth/central-accounts.ts';
export { enqueueFeedItem, type EnqueueOptions } from './feed/site-feed.ts';
