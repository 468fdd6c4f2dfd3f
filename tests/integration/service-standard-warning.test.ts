import { Writable } from 'node:stream';
import pino from 'pino';
import { describe, expect, it } from 'vitest';
import { demoSite, startTestHub } from '../support/hub-harness.ts';

const WARNING = 'a service publishes minutes it is not timed against: give it standardMinutes';

/** The hub's log lines from its start, as objects. */
async function startUpLog(site: ReturnType<typeof demoSite>): Promise<{ msg: string; id?: string }[]> {
  const lines: { msg: string; id?: string }[] = [];
  const sink = new Writable({
    write(chunk: Buffer, _encoding, done) {
      lines.push(JSON.parse(chunk.toString()) as { msg: string; id?: string });
      done();
    },
  });
  const t = await startTestHub({ site, logger: pino({ level: 'warn' }, sink) });
  await t.stop();
  return lines;
}

describe('the start-up warning about published minutes that are not timed', () => {
  it('is silent for the demo site: every demo service is timed at the minutes it publishes', async () => {
    expect((await startUpLog(demoSite())).filter((l) => l.msg === WARNING)).toEqual([]);
  });

  it('names a service that publishes minutes without being timed at them', async () => {
    const site = demoSite();
    const kk = site.services.find((s) => s.id === 'kk');
    if (kk) delete kk.standardMinutes;
    const warned = (await startUpLog(site)).filter((l) => l.msg === WARNING);
    expect(warned.map((l) => l.id)).toEqual(['kk']);
  });
});
