import { describe, expect, it } from 'vitest';
import { fileURLToPath } from 'node:url';
import { hashPin, sha256 } from '../auth/secrets.ts';
import { assertNoDemoCredentials } from './demo-guard.ts';
import { loadSiteConfig, parseSiteConfig, toQueueConfig, type SiteConfig } from './site-config.ts';

const demoPath = fileURLToPath(new URL('../../../../assets/demo-site/site.json', import.meta.url));

describe('the demo site', () => {
  const site = loadSiteConfig(demoPath);

  it('has what the issue asks: ≥8 agencies, ≥12 services, 12 counters, the accounts and devices', () => {
    expect(site.agencies.length).toBeGreaterThanOrEqual(8);
    expect(site.services.length).toBeGreaterThanOrEqual(12);
    expect(site.counters.map((c) => c.id)).toEqual(Array.from({ length: 12 }, (_, i) => `loket-${i + 1}`));
    for (let i = 1; i <= 12; i++) {
      expect(site.accounts.find((a) => a.username === `loket${i}`)).toMatchObject({
        role: 'officer',
        counterIds: [`loket-${i}`],
      });
    }
    expect(site.accounts.find((a) => a.username === 'mod')?.role).toBe('mod');
    expect(site.devices.map((d) => d.tokenSha256)).toEqual([sha256('demo-kiosk'), sha256('demo-display')]);
  });

  it('carries the SOP standards and the SK 108/2024 late-service rule', () => {
    const config = toQueueConfig(site);
    expect(config.sopStandards).toEqual({ 1: 1, 2: 1, 3: 1, 4: 2, 5: 2, 6: 5, 7: 5, 8: 1 });
    expect(config.compensation.lateService[0]?.minutesLate).toBe(15);
    expect(config.services.find((s) => s.id === 'paspor')?.sopStandards).toEqual({ 6: 10, 7: 10 });
  });

  it('may start with its demo credentials', async () => {
    await expect(assertNoDemoCredentials(site)).resolves.toBeUndefined();
  });

  it('a real site copied from it refuses to start until every demo PIN and token is replaced', async () => {
    const real: SiteConfig = { ...site, id: 'mpp-real', demo: false, minPinLength: 6 };
    await expect(assertNoDemoCredentials(real)).rejects.toThrow(
      /demo PINs or tokens.*device kiosk-1.*account mod/s,
    );

    const newHash = await hashPin('835712');
    const fixed: SiteConfig = {
      ...real,
      accounts: real.accounts.map((a) => ({ ...a, pinHash: newHash })),
      devices: real.devices.map((d, i) => ({ ...d, tokenSha256: sha256(`long-random-device-token-${i}`) })),
    };
    await expect(assertNoDemoCredentials(fixed)).resolves.toBeUndefined();
  });
});

describe('site config validation', () => {
  const site = loadSiteConfig(demoPath);

  it('rejects a counter pointing at an unknown service and a duplicate prefix', () => {
    const broken = {
      ...site,
      counters: [{ id: 'x', name: 'X', serviceIds: ['nope'] }],
      services: [...site.services, { ...site.services[0], id: 'copy' }],
    };
    expect(() => parseSiteConfig(broken)).toThrow(/counter x: unknown service nope/);
    expect(() => parseSiteConfig(broken)).toThrow(/service copy: prefix A used twice/);
  });

  it('rejects a time zone outside WIB, WITA and WIT', () => {
    expect(() => parseSiteConfig({ ...site, timeZone: 'Europe/Berlin' })).toThrow(/timeZone/);
  });
});
