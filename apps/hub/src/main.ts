import { join } from 'node:path';
import { pino } from 'pino';
import { createHub } from './hub.ts';
import { repoRoot } from './repo-root.ts';
import { logScreens } from './screens.ts';

const logger = pino({ level: process.env.LOG_LEVEL ?? 'info' });
// Found from the root: `npm start` runs this file, `npm run start:prod` the bundle in dist/hub.
const defaultSite = join(repoRoot(import.meta.url), 'assets', 'demo-site', 'site.json');
const started = performance.now();

try {
  const hub = await createHub({
    dataDir: process.env.DATA_DIR ?? './data',
    site: process.env.SITE_CONFIG ?? defaultSite,
    port: Number(process.env.PORT ?? 8080),
    host: process.env.HOST ?? '127.0.0.1',
    ...(process.env.PUBLIC_URL ? { publicUrl: process.env.PUBLIC_URL } : {}),
    logger,
  });
  logger.info(
    { url: hub.url, port: hub.port, site: hub.site.id, startupMs: Math.round(performance.now() - started) },
    'hub listening',
  );
  logScreens(logger, hub.publicAddress.baseUrl ?? hub.url);
  const shutdown = (signal: string) => {
    logger.info({ signal }, 'hub stopping');
    void hub.close().then(() => process.exit(0));
  };
  process.once('SIGINT', shutdown);
  process.once('SIGTERM', shutdown);
} catch (error) {
  logger.fatal({ err: error }, 'hub failed to start');
  process.exit(1);
}
