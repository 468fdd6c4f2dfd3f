import childProcess, { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { IssuedTicket } from '@giliran/protocol';
import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  collect,
  demoSite,
  DISPLAY_TOKEN,
  KIOSK_TOKEN,
  startTestHub,
  type TestHub,
} from '../support/hub-harness.ts';

/** Duration in seconds as sox measures it: the real tool, not our own WAV parser. */
function soxSeconds(wav: Buffer): number {
  const dir = mkdtempSync(join(tmpdir(), 'giliran-wav-'));
  try {
    const file = join(dir, 'a.wav');
    writeFileSync(file, wav);
    return Number(execFileSync('sox', ['--i', '-D', file], { encoding: 'utf8' }).trim());
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * Loudness as sox measures it: the RMS level (dB) of the parts that carry sound, once sox's own `silence` effect has
 * cut every pause (below 1 % for 50 ms), so the gaps between spoken words do not count as quiet.
 */
function soxActiveRmsDb(wav: Buffer): number {
  const dir = mkdtempSync(join(tmpdir(), 'giliran-wav-'));
  try {
    const file = join(dir, 'a.wav');
    writeFileSync(file, wav);
    const args = [file, '-n', 'silence', '-l', '1', '0.05', '1%', '-1', '0.05', '1%', 'stats'];
    const stats = spawnSync('sox', args, { encoding: 'utf8' }).stderr;
    const level = /RMS lev dB\s+(-?[\d.]+)/.exec(stats)?.[1];
    if (level === undefined) throw new Error(`sox stats gave no RMS level:\n${stats}`);
    return Number(level);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

async function wavOf(
  t: TestHub,
  path: string,
): Promise<{ status: number; type: string | null; wav: Buffer }> {
  const response = await fetch(`${t.hub.url}/api${path}`, {
    headers: { authorization: `Bearer ${DISPLAY_TOKEN}` },
  });
  return {
    status: response.status,
    type: response.headers.get('content-type'),
    wav: Buffer.from(await response.arrayBuffer()),
  };
}

describe('announcement audio for displays in a plain browser', () => {
  let t: TestHub | undefined;
  afterEach(async () => {
    await t?.stop();
  });

  it('serves a chime and the spoken call as WAV of a plausible length, falling back past a missing engine and telling MOD', async () => {
    // `say` has no voice on Linux: the hub must fall back to espeak-ng and report it, not fail.
    t = await startTestHub({
      site: demoSite({ display: { ...demoSite().display, speechEngines: ['say', 'espeak'] } }),
    });
    const mod = await t.login('mod');
    const alerts = collect<{ kind: string; message: string }>(await t.socket(mod), 'hub:alert', 1);
    const issued = await t.api<IssuedTicket>('POST', '/tickets', {
      token: KIOSK_TOKEN,
      body: { serviceId: 'skck' },
    });
    const officer = await t.login('loket8');
    await t.api('POST', '/counters/loket-8/call-next', { token: officer });

    const chime = await wavOf(t, '/announcements/chime.wav');
    expect(chime.status).toBe(200);
    expect(chime.type).toBe('audio/wav');
    expect(soxSeconds(chime.wav)).toBeGreaterThan(0.8);
    expect(soxSeconds(chime.wav)).toBeLessThan(2);

    const call = await wavOf(t, `/tickets/${issued.body.id}/announcement.wav`);
    expect(call.status).toBe(200);
    expect(call.wav.subarray(0, 4).toString()).toBe('RIFF');
    expect(call.wav.subarray(8, 12).toString()).toBe('WAVE');
    // "Nomor antrean, je, satu, silakan menuju loket delapan." spoken at espeak-ng's default pace.
    const seconds = soxSeconds(call.wav);
    expect(seconds).toBeGreaterThan(2.5);
    expect(seconds).toBeLessThan(8);

    const [alert] = await alerts;
    expect(alert).toMatchObject({ kind: 'speech-fallback' });
    expect(alert?.message).toMatch(/say/);
  });

  it('plays the spoken call as loud as the chime before it (within 1.5 dB, measured with sox)', async () => {
    t = await startTestHub({
      site: demoSite({ display: { ...demoSite().display, speechEngines: ['espeak'] } }),
    });
    const issued = await t.api<IssuedTicket>('POST', '/tickets', {
      token: KIOSK_TOKEN,
      body: { serviceId: 'kk' },
    });
    await t.api('POST', '/counters/loket-2/call-next', { token: await t.login('loket2') });
    const chime = soxActiveRmsDb((await wavOf(t, '/announcements/chime.wav')).wav);
    // espeak-ng is started by the hub's speech host, a process of its own: starting a program forks the process
    // that starts it, and a fork of the hub stalls its loop.
    const spawnedHere = vi.spyOn(childProcess, 'spawn');
    const spoken = await wavOf(t, `/tickets/${issued.body.id}/announcement.wav`);
    expect(spawnedHere).not.toHaveBeenCalled();
    spawnedHere.mockRestore();
    const call = soxActiveRmsDb(spoken.wav);
    console.log(`loudness (sox, pauses cut): chime ${chime} dB, spoken call ${call} dB`);
    expect(Math.abs(chime - call)).toBeLessThanOrEqual(1.5);
    expect(chime).toBeGreaterThan(-24);
  });

  it('answers 503 SPEECH_UNAVAILABLE, not a crash, when no engine can speak, and the hub keeps serving', async () => {
    const site = demoSite();
    t = await startTestHub({
      site: {
        ...site,
        display: { ...site.display, speechEngines: ['say', 'clips'], clipsFolder: '/nonexistent' },
      },
    });
    const issued = await t.api<IssuedTicket>('POST', '/tickets', {
      token: KIOSK_TOKEN,
      body: { serviceId: 'kk' },
    });
    const officer = await t.login('loket1');
    await t.api('POST', '/counters/loket-1/call-next', { token: officer });
    const failed = await fetch(`${t.hub.url}/api/tickets/${issued.body.id}/announcement.wav`, {
      headers: { authorization: `Bearer ${DISPLAY_TOKEN}` },
    });
    expect(failed.status).toBe(503);
    expect(((await failed.json()) as { error: { code: string } }).error.code).toBe('SPEECH_UNAVAILABLE');
    expect((await t.api('GET', '/health')).status).toBe(200);
  });

  it('refuses the kiosk and anonymous callers', async () => {
    t = await startTestHub();
    expect((await t.api('GET', '/announcements/chime.wav', { token: KIOSK_TOKEN })).status).toBe(403);
    expect((await t.api('GET', '/announcements/chime.wav')).status).toBe(401);
  });
});
