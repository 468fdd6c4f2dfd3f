import { fileURLToPath } from 'node:url';
import { findService, preServiceStandardSeconds, standardsFor } from '@giliran/domain';
import { describe, expect, it } from 'vitest';
import {
  loadSiteConfig,
  parseSiteConfig,
  timedMinutes,
  toQueueConfig,
  untimedStandards,
} from './site-config.ts';

const demoPath = fileURLToPath(new URL('../../../../assets/demo-site/site.json', import.meta.url));
const site = loadSiteConfig(demoPath);

function standardsOf(serviceId: string) {
  const config = toQueueConfig(site);
  const service = findService(config, serviceId);
  if (!service) throw new Error(`no service ${serviceId}`);
  return { config, standards: standardsFor(config, service) };
}

describe("a service's own standard is what its tickets are timed against", () => {
  it('times the demo izin-keramaian letter at the 15 minutes it publishes, not the SOP table’s 18', () => {
    const { config, standards } = standardsOf('izin-keramaian');
    expect(Object.values(standards).reduce((a, b) => a + b, 0)).toBe(15);
    const letter = site.services.find((s) => s.id === 'izin-keramaian');
    expect(letter && timedMinutes(site, letter)).toBe(15);
    // The wait before the call (steps 2–3) is held to its share: 45 s + 45 s.
    expect(preServiceStandardSeconds(config, 'izin-keramaian')).toBe(90);
    expect(standards[7]).toBe(4.25);
  });

  it('leaves a service without its own standard on the SOP table and its overrides', () => {
    expect(standardsOf('ktp-el').standards).toEqual(toQueueConfig(site).sopStandards);
    expect(standardsOf('paspor').standards[6]).toBe(10);
  });

  it('refuses a site whose published minutes contradict the standard, or whose steps leave it no time', () => {
    const withService = (patch: Record<string, unknown>) => ({
      ...site,
      services: site.services.map((s) => (s.id === 'izin-keramaian' ? { ...s, ...patch } : s)),
    });
    expect(() => parseSiteConfig(withService({ standardMinutes: 20 }))).toThrow(
      /izin-keramaian: publishes a duration other than its 20-minute standard/,
    );
    expect(() => parseSiteConfig(withService({ sopStandards: { 6: 10, 7: 10 } }))).toThrow(
      /izin-keramaian: its sopStandards leave no time/,
    );
  });

  it('times every demo service that publishes minutes at exactly those minutes', () => {
    expect(untimedStandards(site)).toEqual([]);
    const timed = Object.fromEntries(site.services.map((s) => [s.id, timedMinutes(site, s)]));
    expect(timed).toMatchObject({ kk: 15, 'akta-lahir': 15, stnk: 15, pkb: 10, jkn: 15, skck: 20, npwp: 15 });
    // SKCK keeps its own 10-minute step 7 inside its 20 minutes.
    expect(standardsOf('skck').standards[7]).toBe(10);
  });

  it('lists a service that publishes minutes it is not timed against', () => {
    const untimed = structuredClone(site);
    const kk = untimed.services.find((s) => s.id === 'kk');
    if (kk) delete kk.standardMinutes;
    expect(untimedStandards(untimed)).toEqual([{ id: 'kk', stated: 15, timed: 18 }]);
  });
});
