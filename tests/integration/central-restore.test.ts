import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SiteEpochView, SiteResumed } from '@giliran/protocol';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { restoreBackup } from '../../apps/hub/src/backup/restore-backup.ts';
import { centralSuite } from '../support/central-suite.ts';
import { driveDay, FAST_PUSH, untilSynced } from '../support/central-world.ts';
import { demoSite, startTestHub, type TestHub } from '../support/hub-harness.ts';
import { eventually } from '../support/eventually.ts';

interface LoggedEvent {
  type: string;
  at: string;
  payload: Record<string, unknown>;
}

/** The hub's log as central receives it (what identifies an event: its type, time and ticket). */
function hubLog(t: TestHub): { seq: number; key: string }[] {
  const rows = t.hub.db.prepare('SELECT id, type, at, payload FROM events ORDER BY id').all() as {
    id: number;
    type: string;
    at: string;
    payload: string;
  }[];
  return rows.map((r) => ({
    seq: r.id,
    key: keyOf(r.type, r.at, JSON.parse(r.payload) as LoggedEvent['payload']),
  }));
}

const keyOf = (type: string, at: string, payload: Record<string, unknown>): string =>
  `${type} ${new Date(at).toISOString()} ${JSON.stringify(payload['ticketId'] ?? payload['username'] ?? null)}`;

describe(
  'a hub restored from an older backup: refused clearly, resumed by the admin in a new epoch',
  { timeout: 120_000 },
  () => {
    let dataDir: string;
    beforeAll(() => {
      dataDir = mkdtempSync(join(tmpdir(), 'giliran-central-restore-'));
    });
    afterAll(() => {
      rmSync(dataDir, { recursive: true, force: true });
    });
    // Registered after the folder's hooks, so its hubs stop before the folder goes.
    const suite = centralSuite();

    it('no event lost or doubled: the branch the hub lost stays at central, the new one is stored after it', async () => {
      const admin = suite.admin;
      const site = await suite.c.enrol('mpp-pulih');
      const options = {
        dataDir,
        site: demoSite({
          id: site.id,
          central: { url: suite.c.central.url, siteId: site.id, key: site.key },
        }),
        centralTiming: FAST_PUSH,
      };
      const centralCount = async () =>
        Number(
          (
            await suite.c.central.pool.query<{ n: string }>(
              'SELECT count(*) AS n FROM events WHERE site_id = $1',
              [site.id],
            )
          ).rows[0]?.n,
        );

      // The morning, pushed; the administrator's backup; the rest of the day, pushed too.
      const first = await startTestHub(options);
      await driveDay(first, 12);
      await untilSynced(first);
      const backup = await first.hub.backups.runNow();
      const atBackup = hubLog(first);
      await driveDay(first, 10, 8);
      await untilSynced(first);
      const lostBranch = hubLog(first).slice(atBackup.length);
      const held = await centralCount();
      expect(held).toBe(atBackup.length + lostBranch.length);
      await first.stop();

      // The disk dies; the hall is restored from the backup: its log is shorter than central's.
      restoreBackup(backup.path, dataDir);
      const restored = await startTestHub(options);
      suite.hubs.push(restored);
      await eventually(() => restored.hub.pusher.status().lastError !== null);
      expect(restored.hub.pusher.status().lastError).toContain('CENTRAL_HUB_BEHIND');
      // The hall serves meanwhile; its new events part from what central holds, and are refused too.
      await driveDay(restored, 6, 4);
      await eventually(
        () => restored.hub.pusher.status().lastError?.includes('CENTRAL_SEQ_CONFLICT') ?? false,
      );
      expect(await centralCount()).toBe(held);
      const head = restored.hub.db.prepare('SELECT max(id) FROM events').pluck().get() as number;
      expect(restored.hub.pusher.status().lastAckedSeq).toBeLessThanOrEqual(atBackup.length);
      expect(head).toBeGreaterThan(atBackup.length);

      // The regional admin resumes the site: the next batch finds the fork and starts epoch 2 there.
      const viewer = await suite.c.login({ username: 'pengamat', pin: '720461' });
      expect((await suite.c.api('POST', `/central/sites/${site.id}/resume`, { token: viewer })).status).toBe(
        403,
      );
      const resumed = await suite.c.api('POST', `/central/sites/${site.id}/resume`, { token: admin });
      expect(resumed.status).toBe(200);
      SiteResumed.parse(resumed.body);
      await untilSynced(restored);
      expect(restored.hub.pusher.status().lastError).toBeNull();
      const epochs = SiteEpochView.array().parse(
        (await suite.c.api('GET', `/central/sites/${site.id}/epochs`, { token: viewer })).body,
      );
      expect(epochs).toMatchObject([
        { epoch: 2, forkHubSeq: atBackup.length, centralSeqAtFork: held, offset: held - atBackup.length },
      ]);

      // Central holds the shared morning once, the lost branch, and the restored hub's events after it: each once.
      const { rows } = await suite.c.central.pool.query<{
        seq: string;
        type: string;
        at: Date;
        payload: LoggedEvent['payload'];
      }>('SELECT seq, type, at, payload FROM events WHERE site_id = $1 ORDER BY seq', [site.id]);
      const centralLog = rows.map((r) => keyOf(r.type, r.at.toISOString(), r.payload));
      const after = hubLog(restored);
      expect(centralLog).toEqual([
        ...atBackup.map((e) => e.key),
        ...lostBranch.map((e) => e.key),
        ...after.slice(atBackup.length).map((e) => e.key),
      ]);
      expect(rows.map((r) => Number(r.seq))).toEqual(rows.map((_r, i) => i + 1));

      // The hub goes on as usual in its own numbering; central keeps the epoch's offset.
      await driveDay(restored, 3, 3);
      await untilSynced(restored);
      expect(await centralCount()).toBe(held + hubLog(restored).length - atBackup.length);
      const ack = await suite.c.api<{ ackedSeq: number }>('GET', '/central/sync', { token: site.key });
      expect(ack.body.ackedSeq).toBe(hubLog(restored).length);
    });
  },
);
