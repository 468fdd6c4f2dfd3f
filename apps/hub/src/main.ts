import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pino } from 'pino';
import { createHub, type TlsFiles } from './hub.ts';
import { repoRoot } from './repo-root.ts';
import { logScreens } from './screens.ts';

const logger = pino({ level: process.env.LOG_LEVEL ?? 'info' });
// Found from the root: `npm start` runs this file, `npm run start:prod` the bundle in dist/hub.
const defaultSite = join(repoRoot(import.meta.url), 'assets', 'demo-site', 'site.json');
const started = performance.now();

/** HTTPS_CERT_FILE and HTTPS_KEY_FILE (PEM) win over the site file's `https`; both or neither. */
function tlsFromEnv(): { tls: TlsFiles } | Record<string, never> {
  const certFile = process.env.HTTPS_CERT_FILE;
  const keyFile = process.env.HTTPS_KEY_FILE;
  if (!certFile && !keyFile) return {};
  if (!certFile || !keyFile) throw new Error('set both HTTPS_CERT_FILE and HTTPS_KEY_FILE, or neither');
  return { tls: { cert: readFileSync(certFile), key: readFileSync(keyFile) } };
}

try {
  const hub = await createHub({
    dataDir: process.env.DATA_DIR ?? './data',
    site: process.env.SITE_CONFIG ?? defaultSite,
    port: Number(process.env.PORT ?? 8080),
    host: process.env.HOST ?? '127.0.0.1',
    ...(process.env.PUBLIC_URL ? { publicUrl: process.env.PUBLIC_URL } : {}),
    logger,
    ...tlsFromEnv(),
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
