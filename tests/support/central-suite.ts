import { afterAll, beforeAll } from 'vitest';
import { startTestCentral, type TestCentral } from './central-harness.ts';
import type { TestHub } from './hub-harness.ts';
import { startPostgres, type PostgresCluster } from './postgres-cluster.ts';

export interface CentralSuite {
  readonly cluster: PostgresCluster;
  readonly c: TestCentral;
  /** The region admin's token. */
  readonly admin: string;
  /** The hubs the block's tests start: stopped after them, before central. */
  readonly hubs: TestHub[];
}

/**
 * For a describe block of central tests: a throwaway PostgreSQL and a central on it (with its admin signed in)
 * before the tests, shared by them; the hubs they started, central and PostgreSQL stopped after.
 */
export function centralSuite(): CentralSuite {
  let cluster: PostgresCluster | null = null;
  let c: TestCentral | null = null;
  let admin = '';
  const hubs: TestHub[] = [];
  beforeAll(async () => {
    cluster = await startPostgres();
    c = await startTestCentral(cluster);
    admin = await c.login();
  });
  afterAll(async () => {
    for (const hub of hubs) await hub.stop();
    await c?.stop();
    await cluster?.stop();
  });
  const ready = <T>(value: T | null): T => {
    if (value === null) throw new Error('central suite: used before its beforeAll ran');
    return value;
  };
  return {
    get cluster() {
      return ready(cluster);
    },
    get c() {
      return ready(c);
    },
    get admin() {
      return admin;
    },
    hubs,
  };
}
