export { createHub, DATABASE_FILE, type Hub, type HubOptions } from './hub.ts';
export { loadSiteConfig, parseSiteConfig, toQueueConfig, type SiteConfig } from './config/site-config.ts';
export { hashPin, sha256 } from './auth/secrets.ts';
export type { Clock } from './clock.ts';
