import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parseSiteConfig, toQueueConfig } from '../config/site-config.ts';

const demoPath = fileURLToPath(new URL('../../../../assets/demo-site/site.json', import.meta.url));
const demo = JSON.parse(readFileSync(demoPath, 'utf8')) as { sopStandards: Record<string, number> };

describe('report chain standards in the site file', () => {
  it('are the seed-002 minutes when the site names none', () => {
    expect(toQueueConfig(parseSiteConfig(demo)).reportChainStandards).toEqual({
      9: 2,
      10: 1,
      11: 5,
      12: 1,
      13: 1,
    });
  });

  it('come from keys "9"–"13" of the same sopStandards table, without touching steps 1–8', () => {
    const site = parseSiteConfig({
      ...demo,
      sopStandards: { ...demo.sopStandards, '4': 3, '11': 10, '13': 2 },
    });
    const config = toQueueConfig(site);
    expect(config.reportChainStandards).toEqual({ 9: 2, 10: 1, 11: 10, 12: 1, 13: 2 });
    expect(config.sopStandards).toEqual({ 1: 1, 2: 1, 3: 1, 4: 3, 5: 2, 6: 5, 7: 5, 8: 1 });
  });

  it('are refused for a service: its own Standar Pelayanan covers steps 1–8 only', () => {
    const services = (demo as unknown as { services: Record<string, unknown>[] }).services;
    const withChain = services.map((s, i) => (i === 0 ? { ...s, sopStandards: { '11': 9 } } : s));
    expect(() => parseSiteConfig({ ...demo, services: withChain })).toThrow(/sopStandards/);
  });
});
