/**
 * Updating a hall to this release: the data folder written by the previous release (a committed fixture,
 * tests/fixtures/previous-release, made by 0.1.0's `npm start`) is given to this release's production hub
 * (`npm run build:hub`, then `node dist/hub/main.js` as `npm run start:prod` and the services run it), which
 * migrates it and serves its tickets. docs/installation.md tells the technician the same steps. The hub runs as
 * its service runs it: an unprivileged user owning the data folder (`nobody` when the test runs as root).
 */
import { execFile, spawnSync } from 'node:child_process';
import { chown, copyFile, mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SCHEMA_VERSION } from '../../apps/hub/src/db/database.ts';
import { DEMO_SITE_PATH } from '../support/hub-harness.ts';
import { spawnHub, type HubProcess } from '../support/hub-process.ts';

const run = promisify(execFile);
const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const FIXTURE = join(ROOT, 'tests', 'fixtures', 'previous-release');

interface FixtureTicket {
  readonly id: string;
  readonly code: string;
  readonly number: string;
  readonly serviceId: string;
}
interface Fixture {
  readonly serviceDay: string;
  readonly tickets: readonly FixtureTicket[];
  readonly calledAtLoket1: string;
}

let dataDir = '';
let hub: HubProcess | undefined;
let fixture: Fixture;
let serviceUser: { uid: number; gid: number } | undefined;

/**
 * `nobody` when root runs the tests (CI, the build machine) and `nobody` can read the bundle and its native module
 * where this checkout lies; otherwise this user (a checkout under /root, mode 0700, is out of nobody's reach,
 * which says nothing of the hub).
 */
async function unprivilegedUser(): Promise<{ uid: number; gid: number } | undefined> {
  if (process.getuid?.() !== 0) return undefined;
  const readable = ['dist/hub/main.js', 'node_modules/better-sqlite3/package.json'].every(
    (file) => spawnSync('runuser', ['-u', 'nobody', '--', 'test', '-r', join(ROOT, file)]).status === 0,
  );
  if (!readable) {
    console.warn(`update-path: nobody cannot read ${ROOT}; the bundled hub runs as this user instead`);
    return undefined;
  }
  const id = async (flag: string) => Number((await run('id', [flag, 'nobody'])).stdout.trim());
  return { uid: await id('-u'), gid: await id('-g') };
}

beforeAll(async () => {
  await run('npm', ['run', 'build:hub'], { cwd: ROOT });
  fixture = JSON.parse(await readFile(join(FIXTURE, 'tickets.json'), 'utf8')) as Fixture;
  dataDir = await mkdtemp(join(tmpdir(), 'giliran-update-'));
  await copyFile(join(FIXTURE, 'giliran.sqlite'), join(dataDir, 'giliran.sqlite'));
  serviceUser = await unprivilegedUser();
  if (serviceUser !== undefined) {
    await chown(dataDir, serviceUser.uid, serviceUser.gid);
    await chown(join(dataDir, 'giliran.sqlite'), serviceUser.uid, serviceUser.gid);
  }
  hub = await spawnHub(dataDir, DEMO_SITE_PATH, 'info', 'bundle', serviceUser);
}, 120_000);

afterAll(async () => {
  if (hub?.isAlive()) {
    hub.child.kill('SIGTERM');
    await hub.exited;
  }
  await rm(dataDir, { recursive: true, force: true });
});

async function staffToken(url: string): Promise<string> {
  const res = await fetch(`${url}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: 'mod', pin: '1234' }),
  });
  expect(res.status).toBe(200);
  return ((await res.json()) as { token: string }).token;
}

describe("the previous release's data folder on this release's bundled hub", () => {
  it('starts and serves every ticket it held, with its number and status', async () => {
    const url = hub?.url ?? '';
    const token = await staffToken(url);
    const seen: [string, string, string][] = [];
    for (const ticket of fixture.tickets) {
      const res = await fetch(`${url}/api/tickets/${ticket.id}`, {
        headers: { authorization: `Bearer ${token}` },
      });
      expect(res.status).toBe(200);
      const view = (await res.json()) as { number: string; serviceId: string; status: string };
      seen.push([view.number, view.serviceId, view.status === 'waiting' ? 'waiting' : 'not waiting']);
    }
    expect(seen).toEqual(
      fixture.tickets.map(({ number, serviceId }) => [
        number,
        serviceId,
        number === fixture.calledAtLoket1 ? 'not waiting' : 'waiting',
      ]),
    );
    // A citizen's QR code from before the update still opens the ticket's page.
    const status = await fetch(`${url}/api/public/tickets/${fixture.tickets[0]?.code ?? ''}`);
    expect(status.status).toBe(200);
  });

  it('migrated the file to the current schema', async () => {
    const res = await fetch(`${hub?.url ?? ''}/api/health`);
    expect(((await res.json()) as { status: string }).status).toBe('ok');
    const db = new Database(join(dataDir, 'giliran.sqlite'), { readonly: true, fileMustExist: true });
    try {
      expect(db.pragma('user_version', { simple: true })).toBe(SCHEMA_VERSION);
      const count = db.prepare('SELECT count(*) AS n FROM tickets').get() as { n: number };
      expect(count.n).toBe(fixture.tickets.length);
    } finally {
      db.close();
    }
  });

  it('runs as the unprivileged service user, who owns what it writes', async () => {
    const owner = serviceUser?.uid ?? process.getuid?.();
    expect(owner).not.toBe(0);
    // The write-ahead log is created by the running hub itself.
    expect((await stat(join(dataDir, 'giliran.sqlite-wal'))).uid).toBe(owner);
  });

  // Last: it issues a ticket of its own.
  it('renders exports and speaks calls in its worker threads, bundled beside it', async () => {
    const url = hub?.url ?? '';
    const token = await staffToken(url);
    const pdf = await fetch(`${url}/api/reports/today?format=pdf`, {
      headers: { authorization: `Bearer ${token}` },
    });
    expect(pdf.status).toBe(200);
    expect(
      Buffer.from(await pdf.arrayBuffer())
        .subarray(0, 5)
        .toString(),
    ).toBe('%PDF-');
    const issued = await fetch(`${url}/api/tickets`, {
      method: 'POST',
      headers: { authorization: 'Bearer demo-kiosk', 'content-type': 'application/json' },
      body: JSON.stringify({ serviceId: 'kk' }),
    });
    const { id } = (await issued.json()) as { id: string };
    const wav = await fetch(`${url}/api/tickets/${id}/announcement.wav?counter=loket-1`, {
      headers: { authorization: 'Bearer demo-display' },
    });
    expect(wav.status).toBe(200);
    expect(
      Buffer.from(await wav.arrayBuffer())
        .subarray(0, 4)
        .toString(),
    ).toBe('RIFF');
  });
});
