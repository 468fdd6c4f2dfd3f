import { PresentOfficer } from '@giliran/protocol';
import { z } from 'zod';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { collect, startTestHub, type TestHub } from '../support/hub-harness.ts';

describe('who sits at which counter, for the MOD', () => {
  let t: TestHub;
  beforeEach(async () => {
    t = await startTestHub();
  });
  afterEach(async () => {
    await t.stop();
  });

  const presence = async (token: string) =>
    (await t.api('GET', '/counters/presence', { token, schema: z.array(PresentOfficer) })).body;

  it('follows officers’ live connections and tells staff as they come and go', async () => {
    const mod = await t.login('mod');
    const watcher = await t.socket(mod);
    expect(await presence(mod)).toEqual([]);

    const arrived = collect(watcher, 'counter:presence', 1);
    const desk = await t.socket(await t.login('loket3'));
    expect((await arrived)[0]).toMatchObject({
      counterId: 'loket-3',
      officer: { username: 'loket3', name: 'Petugas Loket 3' },
    });
    expect(await presence(mod)).toMatchObject([{ counterId: 'loket-3', username: 'loket3' }]);

    const left = collect(watcher, 'counter:presence', 1);
    desk.disconnect();
    expect((await left)[0]).toEqual({ counterId: 'loket-3', officer: null });
    expect(await presence(mod)).toEqual([]);
  });

  it('is for staff, not for the hall’s devices', async () => {
    expect((await t.api('GET', '/counters/presence', { token: 'demo-display' })).status).toBe(403);
    expect((await t.api('GET', '/counters/presence', { token: await t.login('sekdis') })).status).toBe(200);
  });
});
