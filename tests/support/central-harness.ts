import { pino } from 'pino';
import { createCentral, upsertAccount, type Central } from '../../apps/central/src/index.ts';
import type { Clock } from '../../apps/hub/src/clock.ts';
import type { PostgresCluster } from './postgres-cluster.ts';

export const CENTRAL_ADMIN = { username: 'wilayah', pin: '583920' } as const;
export const CENTRAL_VIEWER = { username: 'pengamat', pin: '720461' } as const;

export interface Reply<T = unknown> {
  readonly status: number;
  readonly body: T;
}

export interface TestCentral {
  readonly central: Central;
  readonly databaseUrl: string;
  api<T = unknown>(
    method: string,
    path: string,
    options?: { token?: string; body?: unknown },
  ): Promise<Reply<T>>;
  login(account?: { username: string; pin: string }): Promise<string>;
  /** Enrols a site as the regional admin and answers its id and key. */
  enrol(
    id: string,
    kind?: 'hall' | 'mobile',
  ): Promise<{ id: string; key: string; bookingKey?: string | undefined }>;
  stop(): Promise<void>;
}

let databases = 0;

/** Answers fetch-style: JSON parsed, status kept; never throws on 4xx. */
export async function callJson<T>(
  base: string,
  method: string,
  path: string,
  options: { token?: string; body?: unknown } = {},
): Promise<Reply<T>> {
  const headers: Record<string, string> = {};
  if (options.token) headers.authorization = `Bearer ${options.token}`;
  if (options.body !== undefined) headers['content-type'] = 'application/json';
  const response = await fetch(`${base}/api${path}`, {
    method,
    headers,
    ...(options.body !== undefined
      ? { body: typeof options.body === 'string' ? options.body : JSON.stringify(options.body) }
      : {}),
  });
  const text = await response.text();
  return { status: response.status, body: (text ? JSON.parse(text) : null) as T };
}

/** A fresh database of the cluster with its schema and two regional accounts (admin and viewer). */
export async function freshCentralDatabase(cluster: PostgresCluster): Promise<string> {
  databases += 1;
  return cluster.createDatabase(`central_${process.pid}_${databases}`);
}

/** A real central process in this test process (port 0) on `databaseUrl`, or a fresh database of the cluster. */
export async function startTestCentral(
  cluster: PostgresCluster,
  options: { databaseUrl?: string; clock?: Clock } = {},
): Promise<TestCentral> {
  const databaseUrl = options.databaseUrl ?? (await freshCentralDatabase(cluster));
  const central = await createCentral({
    databaseUrl,
    port: 0,
    logger: pino({ level: 'silent' }),
    ...(options.clock ? { clock: options.clock } : {}),
  });
  if (options.databaseUrl === undefined) {
    await upsertAccount(central.pool, { ...CENTRAL_ADMIN, name: 'Admin Wilayah', role: 'regional_admin' });
    await upsertAccount(central.pool, { ...CENTRAL_VIEWER, name: 'Pengamat', role: 'regional_viewer' });
  }
  const api: TestCentral['api'] = (method, path, opts) => callJson(central.url, method, path, opts);
  const t: TestCentral = {
    central,
    databaseUrl,
    api,
    async login(account = CENTRAL_ADMIN) {
      const res = await api<{ token: string }>('POST', '/auth/login', { body: account });
      if (res.status !== 200) throw new Error(`central login ${account.username}: ${res.status}`);
      return res.body.token;
    },
    async enrol(id, kind = 'hall') {
      const token = await t.login();
      const res = await api<{ id: string; key: string; bookingKey?: string }>('POST', '/central/sites', {
        token,
        body: { id, kind, name: `MPP ${id}`, region: 'Kalimantan Barat' },
      });
      if (res.status !== 201) throw new Error(`enrol ${id}: ${res.status} ${JSON.stringify(res.body)}`);
      return res.body;
    },
    async stop() {
      await central.close();
    },
  };
  return t;
}
