// A large MPP for the load test and the soak bench: the demo's agencies and 13 services, but 40 counters with one
// officer each, 6 display and 4 kiosk devices. Built from the demo site so services, standards and rules stay real.
import { sha256, type SiteConfig } from '../../apps/hub/src/index.ts';
import { demoSite } from './hub-harness.ts';

/** Counters per service mix: [how many counters, the services each serves]. 40 counters in all. */
const COUNTER_MIX: readonly (readonly [number, readonly string[]])[] = [
  [3, ['ktp-el', 'kk']],
  [2, ['ktp-el']],
  [2, ['kk', 'akta-lahir']],
  [1, ['akta-lahir', 'ktp-el', 'kk']],
  [5, ['stnk', 'pkb']],
  [2, ['stnk']],
  [4, ['jkn']],
  [3, ['jht']],
  [1, ['jkn', 'jht']],
  [3, ['paspor']],
  [3, ['skck']],
  [2, ['nib']],
  [1, ['nib', 'izin-keramaian']],
  [3, ['npwp']],
  [3, ['pdam']],
  [2, ['izin-keramaian']],
];

export const LOAD_KIOSK_TOKENS = [1, 2, 3, 4].map((i) => `load-kiosk-${i}-token`);
export const LOAD_DISPLAY_TOKENS = [1, 2, 3, 4, 5, 6].map((i) => `load-display-${i}-token`);

export interface LoadOfficer {
  readonly username: string;
  readonly counterId: string;
}

export function loadCounters(): { id: string; name: string; serviceIds: string[] }[] {
  return COUNTER_MIX.flatMap(([count, serviceIds]) => Array.from({ length: count }, () => serviceIds)).map(
    (serviceIds, i) => ({ id: `loket-${i + 1}`, name: `Loket ${i + 1}`, serviceIds: [...serviceIds] }),
  );
}

export function loadOfficers(): LoadOfficer[] {
  return loadCounters().map((c, i) => ({ username: `petugas${i + 1}`, counterId: c.id }));
}

/** The demo site with 40 counters and officers and 10 devices; staff accounts (mod, fo, admin…) stay the demo's. */
export function loadSite(): SiteConfig {
  const demo = demoSite();
  const officerTemplate = demo.accounts.find((a) => a.role === 'officer');
  if (!officerTemplate)
    throw new Error('the demo site has no officer account to copy the PIN 1234 hash from');
  const staff = demo.accounts.filter((a) => a.role !== 'officer');
  const officers = loadOfficers().map((o, i) => ({
    username: o.username,
    name: `Petugas Loket ${i + 1}`,
    role: 'officer' as const,
    // The demo's hash of PIN 1234: the site stays `demo: true`, so the hub accepts it.
    pinHash: officerTemplate.pinHash,
    counterIds: [o.counterId],
  }));
  const device = (role: 'kiosk' | 'display') => (token: string, i: number) => ({
    id: `${role}-${i + 1}`,
    role,
    tokenSha256: sha256(token),
  });
  return {
    ...demo,
    counters: loadCounters(),
    accounts: [...staff, ...officers],
    devices: [...LOAD_KIOSK_TOKENS.map(device('kiosk')), ...LOAD_DISPLAY_TOKENS.map(device('display'))],
  };
}
