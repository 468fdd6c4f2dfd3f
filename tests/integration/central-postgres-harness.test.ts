import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startPostgres, type PostgresCluster } from '../support/postgres-cluster.ts';

describe('the throwaway PostgreSQL cluster of the central tests', () => {
  let cluster: PostgresCluster;
  beforeAll(async () => {
    cluster = await startPostgres();
  });
  afterAll(async () => {
    await cluster.stop();
  });

  it('serves a fresh database of its own on a free port, version 15 or newer', async () => {
    const url = await cluster.createDatabase('harness_check');
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    const { rows } = await client.query<{ v: string; db: string }>(
      "SELECT current_setting('server_version_num') AS v, current_database() AS db",
    );
    await client.end();
    expect(Number(rows[0]?.v)).toBeGreaterThanOrEqual(150000);
    expect(rows[0]?.db).toBe('harness_check');
  });
});
