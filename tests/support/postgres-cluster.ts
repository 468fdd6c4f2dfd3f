import { execFile, spawn } from 'node:child_process';
import { chmodSync, chownSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import pg from 'pg';
import { freePort } from './free-port.ts';

const run = promisify(execFile);

/** Debian's `postgresql` package (15; a newer major also works): `initdb`, `pg_ctl` and the server. */
const PG_BIN = ['18', '17', '16', '15']
  .map((major) => `/usr/lib/postgresql/${major}/bin`)
  .find((dir) => existsSync(join(dir, 'pg_ctl')));

/** A throwaway PostgreSQL server for one test file: its own folder, a free port on loopback, no password. */
export interface PostgresCluster {
  readonly port: number;
  /** The server's log file (gone after stop()). */
  readonly logFile: string;
  /** A connection string for a database of this cluster (`postgres` unless named). */
  url(database?: string): string;
  /** Creates an empty database and answers its connection string. */
  createDatabase(name: string): Promise<string>;
  stop(): Promise<void>;
}

/**
 * PostgreSQL refuses to run as root: as root, every program runs as the `postgres` user (`runuser`), which then
 * has to own the folder.
 */
function asPostgres(program: string, args: readonly string[]): Promise<{ stdout: string }> {
  const root = process.getuid?.() === 0;
  return root ? run('runuser', ['-u', 'postgres', '--', program, ...args]) : run(program, [...args]);
}

function giveToPostgres(dir: string): void {
  if (process.getuid?.() !== 0) return;
  const { uid, gid } = postgresUser();
  chownSync(dir, uid, gid);
}

let cachedUser: { uid: number; gid: number } | undefined;
function postgresUser(): { uid: number; gid: number } {
  if (cachedUser) return cachedUser;
  // /etc/passwd is world-readable; the Debian package creates the user.
  const line = /^postgres:[^:]*:(\d+):(\d+):/m.exec(readFileSync('/etc/passwd', 'utf8'));
  if (!line) throw new Error('no postgres user: install the Debian package `postgresql`');
  cachedUser = { uid: Number(line[1]), gid: Number(line[2]) };
  return cachedUser;
}

/**
 * A watchdog shell that stops the cluster and removes its folder once the test process is gone, however it ended
 * (a test runner ends its workers without running exit handlers, and a hook may never reach stop()).
 */
function watchParent(root: string, pgCtl: string, data: string): void {
  const stop = process.getuid?.() === 0 ? `runuser -u postgres -- "${pgCtl}"` : `"${pgCtl}"`;
  const script = `while kill -0 ${process.pid} 2>/dev/null; do sleep 1; done; ${stop} -D "${data}" -m immediate -w stop >/dev/null 2>&1; rm -rf "${root}"`;
  spawn('sh', ['-c', script], { detached: true, stdio: 'ignore' }).unref();
}

/**
 * initdb + pg_ctl start in a temporary folder. fsync is off: the tests kill Node processes, never the
 * PostgreSQL server or the machine, and the page cache survives a killed client.
 */
export async function startPostgres(): Promise<PostgresCluster> {
  if (!PG_BIN) throw new Error('PostgreSQL is not installed: apt-get install postgresql (see .ci/run)');
  const root = mkdtempSync(join(tmpdir(), 'giliran-pg-'));
  chmodSync(root, 0o755);
  giveToPostgres(root);
  const data = join(root, 'data');
  await asPostgres(join(PG_BIN, 'initdb'), [
    '-D',
    data,
    '-U',
    'postgres',
    '--auth=trust',
    '--encoding=UTF8',
    '--locale=C',
    '--no-sync',
  ]);
  const port = await freePort();
  const options = [
    `-p ${port}`,
    "-c listen_addresses='127.0.0.1'",
    `-k ${root}`,
    '-c fsync=off',
    '-c full_page_writes=off',
    '-c max_connections=200',
  ].join(' ');
  await asPostgres(join(PG_BIN, 'pg_ctl'), [
    '-D',
    data,
    '-l',
    join(root, 'server.log'),
    '-o',
    options,
    '-w',
    'start',
  ]);
  const pgCtl = join(PG_BIN, 'pg_ctl');
  watchParent(root, pgCtl, data);
  const url = (database = 'postgres') => `postgres://postgres@127.0.0.1:${port}/${database}`;
  return {
    port,
    logFile: join(root, 'server.log'),
    url,
    async createDatabase(name) {
      const client = new pg.Client({ connectionString: url() });
      await client.connect();
      try {
        await client.query(`CREATE DATABASE "${name.replace(/"/g, '')}"`);
      } finally {
        await client.end();
      }
      return url(name);
    },
    async stop() {
      await asPostgres(pgCtl, ['-D', data, '-m', 'immediate', '-w', 'stop']).catch(() => undefined);
      rmSync(root, { recursive: true, force: true });
    },
  };
}
