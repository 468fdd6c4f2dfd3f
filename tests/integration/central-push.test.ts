import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { pino } from 'pino';
import { CentralPushStatus } from '@giliran/protocol';
import { describe, expect, it } from 'vitest';
import { centralSuite } from '../support/central-suite.ts';
import { createCentral } from '../../apps/central/src/index.ts';
import { spawnCentral } from '../support/central-process.ts';
import {
  driveDay,
  expectSameAsHub,
  FAST_PUSH,
  startEnrolledHub,
  untilSynced,
} from '../support/central-world.ts';
import { demoSite, KIOSK_TOKEN, startTestHub } from '../support/hub-harness.ts';
import { spawnHub } from '../support/hub-process.ts';
import { eventually } from '../support/eventually.ts';
import { freePort } from '../support/free-port.ts';

// Each test runs real hubs, central processes and PostgreSQL: on a loaded 2-core machine they need more than 30 s.
describe('hubs push their logs to central: exactly once, through faults', { timeout: 120_000 }, () => {
  const suite = centralSuite();

  it('two halls: every event at central once, each ticket with the hub’s own times, figures equal each hub’s report', async () => {
    const sites = [await suite.c.enrol('mpp-kubu-raya'), await suite.c.enrol('mpp-mempawah')];
    const [a, b] = await Promise.all(sites.map((s) => startEnrolledHub(suite.c.central.url, s)));
    if (!a || !b) throw new Error('hubs');
    suite.hubs.push(a, b);
    await Promise.all([driveDay(a, 40), driveDay(b, 25)]);
    await Promise.all([untilSynced(a), untilSynced(b)]);
    await expectSameAsHub(suite.c.central.pool, a, 'mpp-kubu-raya', suite.admin, suite.c.central.url);
    await expectSameAsHub(suite.c.central.pool, b, 'mpp-mempawah', suite.admin, suite.c.central.url);

    const mod = await a.login('mod');
    const status = CentralPushStatus.parse((await a.api('GET', '/central/status', { token: mod })).body);
    expect(status).toMatchObject({ configured: true, siteId: 'mpp-kubu-raya', pending: 0, lastError: null });
    expect(status.lastAckedSeq).toBe(status.lastPushedSeq);
  });

  it('a hub whose central is unreachable serves at full speed, says why, and catches up when central returns', async () => {
    const port = await freePort();
    const url = `http://127.0.0.1:${port}`;
    const site = await suite.c.enrol('mobil-sanggau', 'mobile');
    const hub = await startEnrolledHub(url, site);
    suite.hubs.push(hub);
    await driveDay(hub, 30);
    const offline = hub.hub.pusher.status();
    expect(offline.lastAckedSeq).toBe(0);
    expect(offline.pending).toBeGreaterThan(100);
    expect(offline.lastError).toMatch(/ECONNREFUSED|fetch failed/);
    // A ticket issued now is answered as at any other time: the push never sits on the command path.
    const started = performance.now();
    const res = await hub.api('POST', '/tickets', { token: KIOSK_TOKEN, body: { serviceId: 'kk' } });
    expect(res.status).toBe(201);
    expect(performance.now() - started).toBeLessThan(1000);

    const second = await createCentral({
      databaseUrl: suite.c.databaseUrl,
      port,
      logger: pino({ level: 'silent' }),
    });
    try {
      await untilSynced(hub);
      await expectSameAsHub(suite.c.central.pool, hub, 'mobil-sanggau', suite.admin, suite.c.central.url);
      expect(hub.hub.pusher.status().lastError).toBeNull();
    } finally {
      await second.close();
    }
  });

  it('central killed with kill -9 in the middle of a catch-up: after its restart every event is there once', async () => {
    const port = await freePort();
    const site = await suite.c.enrol('mpp-singkawang');
    const hub = await startEnrolledHub(`http://127.0.0.1:${port}`, site, 20);
    suite.hubs.push(hub);
    await driveDay(hub, 60); // about 230 events, pushed 20 at a time once central is there
    const head = hub.hub.db.prepare('SELECT max(id) FROM events').pluck().get() as number;
    const held = async () => {
      const { rows } = await suite.c.central.pool.query<{ n: string }>(
        'SELECT count(*) AS n FROM events WHERE site_id = $1',
        [site.id],
      );
      return Number(rows[0]?.n ?? 0);
    };

    const first = await spawnCentral(suite.c.databaseUrl, port);
    await eventually(async () => (await held()) > 0);
    await first.kill9();
    const atKill = await held();
    expect(atKill).toBeLessThan(head); // killed mid-way
    await eventually(() => hub.hub.pusher.status().lastError !== null);

    const restarted = await spawnCentral(suite.c.databaseUrl, port);
    try {
      await untilSynced(hub);
      await expectSameAsHub(suite.c.central.pool, hub, site.id, suite.admin, suite.c.central.url);
    } finally {
      await restarted.kill9();
    }
  });

  it('a hub that died after central stored a batch but before it recorded the ack sends it again: stored once', async () => {
    const site = await suite.c.enrol('mpp-sambas');
    const dataDir = mkdtempSync(join(tmpdir(), 'giliran-central-ack-'));
    const options = {
      dataDir,
      site: demoSite({ id: site.id, central: { url: suite.c.central.url, siteId: site.id, key: site.key } }),
      centralTiming: FAST_PUSH,
    };
    try {
      const before = await startTestHub(options);
      await driveDay(before, 20);
      await untilSynced(before);
      await before.stop();
      // What a kill between central's commit and the hub's own write leaves: the hub remembers an older ack.
      const file = new Database(join(dataDir, 'giliran.sqlite'));
      file.prepare('UPDATE central_push SET acked_seq = 7').run();
      file.close();

      const after = await startTestHub(options);
      suite.hubs.push(after);
      await driveDay(after, 5, 5);
      await untilSynced(after);
      await expectSameAsHub(suite.c.central.pool, after, site.id, suite.admin, suite.c.central.url);
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  });

  it('a hub killed with kill -9 while it issues and pushes: after its restart central holds every event once', async () => {
    const site = await suite.c.enrol('mpp-ketapang');
    const dataDir = mkdtempSync(join(tmpdir(), 'giliran-central-kill-'));
    const siteFile = join(dataDir, 'site.json');
    const siteConfig = demoSite({
      id: site.id,
      central: { url: suite.c.central.url, siteId: site.id, key: site.key },
    });
    writeFileSync(siteFile, JSON.stringify(siteConfig));
    try {
      const child = await spawnHub(dataDir, siteFile);
      const held = async () => {
        const { rows } = await suite.c.central.pool.query<{ n: string }>(
          'SELECT count(*) AS n FROM events WHERE site_id = $1',
          [site.id],
        );
        return Number(rows[0]?.n ?? 0);
      };
      // Tickets keep coming while the pusher sends (every 200 ms after a commit); the kill lands among both.
      let issued = 0;
      while ((await held()) < 40 || issued < 60) {
        const res = await fetch(`${child.url}/api/tickets`, {
          method: 'POST',
          headers: { authorization: `Bearer ${KIOSK_TOKEN}`, 'content-type': 'application/json' },
          body: JSON.stringify({ serviceId: 'ktp-el' }),
        });
        expect(res.status).toBe(201);
        issued += 1;
      }
      child.child.kill('SIGKILL');
      await child.exited;

      const restarted = await startTestHub({ dataDir, site: siteConfig, centralTiming: FAST_PUSH });
      suite.hubs.push(restarted);
      await driveDay(restarted, 5, 5);
      await untilSynced(restarted);
      await expectSameAsHub(suite.c.central.pool, restarted, site.id, suite.admin, suite.c.central.url);
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  });

  it('a complaint filed at the hub reaches central without who filed it: no name, contact, NIK or address', async () => {
    const site = await suite.c.enrol('mpp-landak');
    const hub = await startEnrolledHub(suite.c.central.url, site);
    suite.hubs.push(hub);
    const filer = {
      name: 'Siti Aminah',
      occupation: 'Wiraswasta',
      address: 'Jl. Adisucipto No. 7, Sungai Raya',
      contact: 'NIK 6112010101800001, HP 0812-5555-0101',
    };
    const filed = await hub.api('POST', '/public/complaints', {
      body: { ...filer, agencyId: 'disdukcapil', text: 'KTP-el belum jadi setelah dua minggu.' },
    });
    expect(filed.status, JSON.stringify(filed.body)).toBe(201);
    await untilSynced(hub);

    const { rows } = await suite.c.central.pool.query<{ payload: Record<string, unknown> }>(
      "SELECT payload FROM events WHERE site_id = $1 AND type = 'complaint:filed'",
      [site.id],
    );
    expect(rows).toHaveLength(1);
    const stored = rows[0]?.payload ?? {};
    // What the region counts travels: the complaint, its channel, category, agency and deadline.
    expect(stored).toMatchObject({ type: 'complaint:filed', agencyId: 'disdukcapil', channel: 'website' });
    expect(stored).not.toHaveProperty('contact');
    const text = JSON.stringify(stored);
    for (const personal of [...Object.values(filer), '6112010101800001', '0812-5555-0101']) {
      expect(text).not.toContain(personal);
    }

    // The rest of the one log travels too (the site's accounts, seeded at the first start), without PIN hashes.
    const all = await suite.c.central.pool.query<{ type: string; payload: Record<string, unknown> }>(
      'SELECT type, payload FROM events WHERE site_id = $1 ORDER BY seq',
      [site.id],
    );
    expect(all.rows.map((row) => row.type)).toContain('account:seeded');
    expect(JSON.stringify(all.rows)).not.toContain('scrypt$');
  });

  it('a hub without central says so; the key may come from GILIRAN_CENTRAL_KEY; a central block without any key stops the start', async () => {
    const island = await startTestHub();
    suite.hubs.push(island);
    const mod = await island.login('mod');
    expect((await island.api('GET', '/central/status', { token: mod })).body).toEqual({
      configured: false,
      siteId: null,
      lastPushedSeq: 0,
      lastAckedSeq: 0,
      pending: 0,
      lastError: null,
      lastSuccessAt: null,
    });

    const site = await suite.c.enrol('mpp-sintang');
    const keyless = demoSite({ id: site.id, central: { url: suite.c.central.url, siteId: site.id } });
    process.env.GILIRAN_CENTRAL_KEY = site.key;
    try {
      const fromEnv = await startTestHub({ site: keyless, centralTiming: FAST_PUSH });
      suite.hubs.push(fromEnv);
      await driveDay(fromEnv, 3, 3);
      await untilSynced(fromEnv);
    } finally {
      delete process.env.GILIRAN_CENTRAL_KEY;
    }
    const dataDir = mkdtempSync(join(tmpdir(), 'giliran-central-nokey-'));
    try {
      await expect(startTestHub({ site: keyless, dataDir })).rejects.toThrow(/central\.key is missing/);
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
