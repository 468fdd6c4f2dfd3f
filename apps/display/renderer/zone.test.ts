import { describe, expect, it } from 'vitest';
import { loadDisplayConfig } from './display-config.ts';
import { callInZone, serviceInZone, WHOLE_HALL } from './zone.ts';

const services = [
  { id: 'ktp-el', agency: { id: 'disdukcapil' } },
  { id: 'stnk', agency: { id: 'samsat' } },
  { id: 'jkn', agency: { id: 'bpjs-kesehatan' } },
];
const counters = [
  { id: 'loket-1', serviceIds: ['ktp-el'] },
  { id: 'loket-3', serviceIds: ['stnk'] },
  { id: 'loket-5', serviceIds: ['jkn'] },
];

function memoryStorage(initial: Record<string, string> = {}) {
  const data = new Map(Object.entries(initial));
  return {
    data,
    getItem: (key: string) => data.get(key) ?? null,
    setItem: (key: string, value: string) => {
      data.set(key, value);
    },
  };
}

describe('loadDisplayConfig', () => {
  it('reads token, language and zone from the address and remembers the token', () => {
    const storage = memoryStorage();
    const config = loadDisplayConfig(
      {
        origin: 'http://hub:8080',
        search: '?token=demo-display&lang=en&agencies=disdukcapil,%20samsat&counters=',
      },
      storage,
    );
    expect(config).toEqual({
      hubUrl: 'http://hub:8080',
      token: 'demo-display',
      lang: 'en',
      zone: { agencyIds: ['disdukcapil', 'samsat'], counterIds: [] },
    });
    expect(loadDisplayConfig({ origin: 'http://hub:8080', search: '' }, storage)?.token).toBe('demo-display');
  });

  it('gives nothing without a token', () => {
    expect(loadDisplayConfig({ origin: 'http://hub', search: '?lang=en' }, memoryStorage())).toBeNull();
  });
});

describe('zone', () => {
  it('lets everything through for the whole hall', () => {
    expect(callInZone(WHOLE_HALL, { counterId: 'loket-9', serviceId: 'x' }, services)).toBe(true);
    expect(services.every((s) => serviceInZone(WHOLE_HALL, s, counters))).toBe(true);
  });

  it('narrows calls and waiting counts to the zone’s agencies', () => {
    const zone = { agencyIds: ['disdukcapil', 'samsat'], counterIds: [] };
    expect(callInZone(zone, { counterId: 'loket-1', serviceId: 'ktp-el' }, services)).toBe(true);
    expect(callInZone(zone, { counterId: 'loket-5', serviceId: 'jkn' }, services)).toBe(false);
    expect(services.filter((s) => serviceInZone(zone, s, counters)).map((s) => s.id)).toEqual([
      'ktp-el',
      'stnk',
    ]);
  });

  it('narrows calls to the zone’s counters and waiting counts to the services they serve', () => {
    const zone = { agencyIds: [], counterIds: ['loket-3'] };
    expect(callInZone(zone, { counterId: 'loket-3', serviceId: 'stnk' }, services)).toBe(true);
    expect(callInZone(zone, { counterId: 'loket-1', serviceId: 'ktp-el' }, services)).toBe(false);
    expect(services.filter((s) => serviceInZone(zone, s, counters)).map((s) => s.id)).toEqual(['stnk']);
  });

  it('does not hide a call whose service is not known yet', () => {
    const zone = { agencyIds: ['samsat'], counterIds: [] };
    expect(callInZone(zone, { counterId: 'loket-3', serviceId: 'new' }, services)).toBe(true);
  });
});
