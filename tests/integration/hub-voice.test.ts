/**
 * A hub PC's own voice, as MOD hears of it: a hub acting as a Windows PC (the `say` package loaded for real,
 * PowerShell played by the fake at child_process.spawn) renders a call and tells MOD which voice speaks
 * Indonesian, or that none does and the call went to espeak-ng.
 */
import type { IssuedTicket } from '@giliran/protocol';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fakeVoicePlatform } from '../../packages/speech/src/testing/fake-voice-platform.ts';
import {
  collect,
  demoSite,
  DISPLAY_TOKEN,
  KIOSK_TOKEN,
  startTestHub,
  type TestHub,
} from '../support/hub-harness.ts';

let t: TestHub | undefined;

afterEach(async () => {
  await t?.stop();
  vi.restoreAllMocks();
});

async function announceOneCall(hub: TestHub, counterId = 'loket-1', officer = 'loket1'): Promise<number> {
  const issued = await hub.api<IssuedTicket>('POST', '/tickets', {
    token: KIOSK_TOKEN,
    body: { serviceId: 'kk' },
  });
  await hub.api('POST', `/counters/${counterId}/call-next`, { token: await hub.login(officer) });
  const wav = await fetch(`${hub.hub.url}/api/tickets/${issued.body.id}/announcement.wav`, {
    headers: { authorization: `Bearer ${DISPLAY_TOKEN}` },
  });
  await wav.arrayBuffer();
  return wav.status;
}

const windowsHub = () =>
  startTestHub({
    site: demoSite({ display: { ...demoSite().display, speechEngines: ['say', 'espeak'] } }),
    speechPlatform: 'win32',
  });

describe('the hub PC speaking with its own voice', () => {
  it('tells MOD it speaks with Microsoft Andika', async () => {
    const platform = fakeVoicePlatform({ voices: ['Microsoft Zira Desktop', 'Microsoft Andika'] });
    t = await windowsHub();
    const alerts = collect<{ kind: string; message: string }>(
      await t.socket(await t.login('mod')),
      'hub:alert',
      1,
    );
    expect(await announceOneCall(t)).toBe(200);
    expect(await alerts).toEqual([
      expect.objectContaining({
        kind: 'speech-voice',
        message: 'Suara panggilan: Microsoft Andika (suara sistem PC hub, Bahasa Indonesia).',
      }),
    ]);
    expect(platform.spoken.map(({ voice }) => voice)).toEqual(['Microsoft Andika']);
  });

  it('tells MOD once that no voice is Indonesian and which are installed, while espeak-ng speaks', async () => {
    fakeVoicePlatform({ voices: ['Microsoft David Desktop', 'Microsoft Zira Desktop'] });
    t = await windowsHub();
    const socket = await t.socket(await t.login('mod'));
    const alerts: { kind: string; message: string }[] = [];
    socket.on('hub:alert', (alert) => alerts.push(alert));
    expect(await announceOneCall(t)).toBe(200);
    await expect.poll(() => alerts.length).toBe(1);
    expect(alerts[0]?.kind).toBe('speech-voice-missing');
    expect(alerts[0]?.message).toContain(
      'Tidak ada suara Bahasa Indonesia di PC hub (terpasang: Microsoft David Desktop, Microsoft Zira Desktop)',
    );
    // A second call speaks through espeak-ng again and tells MOD nothing new.
    expect(await announceOneCall(t, 'loket-2', 'loket2')).toBe(200);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(alerts).toHaveLength(1);
  });
});
