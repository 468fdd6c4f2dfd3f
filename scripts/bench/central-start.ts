// What the central benches share: central in its own process (as deployed) on a free port, a regional admin signed
// in over HTTP, and enrolling the sites that push to it.
import { Agent } from 'node:http';
import type pg from 'pg';
import { upsertAccount } from '../../apps/central/src/index.ts';
import { spawnCentral, type CentralProcess } from '../../tests/support/central-process.ts';
import { freePort } from '../../tests/support/free-port.ts';
import { httpRequest } from './run-all.ts';

/** The regional admin the benches sign in as (the dashboard bench also signs /pusat in with it). */
export const BENCH_ADMIN = { username: 'wilayah', pin: '583920' } as const;

export interface EnrolledSite {
  readonly id: string;
  /** The site's sync key, for the pusher's requests. */
  readonly key: string;
}

export interface BenchCentral {
  readonly central: CentralProcess;
  readonly port: number;
  readonly url: string;
  /** Keep-alive connections for the bench's requests, `maxSockets` of them. */
  readonly agent: Agent;
  /** The regional admin's bearer token. */
  readonly token: string;
  /** Registers a hall with central and answers its key. */
  readonly enrol: (id: string) => Promise<EnrolledSite>;
}

/**
 * Starts central on `databaseUrl` and signs the bench's admin in. `pool` reaches the same database: the account is
 * written straight into it (central has no route to create the first admin). On failure central is killed.
 */
export async function startBenchCentral(
  databaseUrl: string,
  pool: pg.Pool,
  options: { maxSockets: number; spawn?: Parameters<typeof spawnCentral>[2] },
): Promise<BenchCentral> {
  const port = await freePort();
  const central = await spawnCentral(databaseUrl, port, options.spawn);
  const agent = new Agent({ keepAlive: true, maxSockets: options.maxSockets });
  try {
    await upsertAccount(pool, { ...BENCH_ADMIN, name: 'Wilayah', role: 'regional_admin' });
    const login = await httpRequest(agent, port, 'POST', '/api/auth/login', undefined, BENCH_ADMIN);
    if (login.status !== 200) throw new Error(`admin sign-in: ${login.status} ${login.body}`);
    const token = (JSON.parse(login.body) as { token: string }).token;
    const enrol = async (id: string): Promise<EnrolledSite> => {
      const site = { id, kind: 'hall', name: id, region: 'Bench' };
      const res = await httpRequest(agent, port, 'POST', '/api/central/sites', token, site);
      if (res.status !== 201) throw new Error(`enrol ${id}: ${res.status} ${res.body}`);
      return JSON.parse(res.body) as EnrolledSite;
    };
    return { central, port, url: `http://127.0.0.1:${port}`, agent, token, enrol };
  } catch (error) {
    agent.destroy();
    await central.kill9();
    throw new Error(
      `${error instanceof Error ? error.message : String(error)}\n--- central ---\n${central.output()}`,
      {
        cause: error,
      },
    );
  }
}
