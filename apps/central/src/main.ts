import { pino } from 'pino';
import { createCentral } from './central.ts';

const logger = pino({ level: process.env.LOG_LEVEL ?? 'info' });
const databaseUrl = process.env.DATABASE_URL;
if (!databaseUrl) {
  logger.fatal('DATABASE_URL is not set (postgres://user:password@host:5432/database)');
  process.exit(2);
}

try {
  const central = await createCentral({
    databaseUrl,
    port: Number(process.env.CENTRAL_PORT ?? 8090),
    host: process.env.HOST ?? '127.0.0.1',
    poolSize: Number(process.env.CENTRAL_DB_POOL ?? 10),
    logger,
  });
  logger.info({ url: central.url }, 'central listening');
  const shutdown = (signal: string) => {
    logger.info({ signal }, 'central stopping');
    void central.close().then(() => process.exit(0));
  };
  process.once('SIGINT', shutdown);
  process.once('SIGTERM', shutdown);
} catch (error) {
  logger.fatal({ err: error }, 'central failed to start');
  process.exit(1);
}
