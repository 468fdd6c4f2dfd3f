import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { loadSiteConfig } from '../config/site-config.ts';
import { openDatabase } from '../db/database.ts';
import { applyStoredSettings, saveSetting } from './stored-settings.ts';

const DEMO = fileURLToPath(new URL('../../../../assets/demo-site/site.json', import.meta.url));
const AT = '2026-11-25T02:00:00.000Z';
/** The Paspor service's own hours in the demo site file. */
const PASPOR_HOURS_IN_FILE = {
  mon: [{ open: '08:00', close: '12:00' }],
  tue: [{ open: '08:00', close: '12:00' }],
  wed: [{ open: '08:00', close: '12:00' }],
  thu: [{ open: '08:00', close: '12:00' }],
  fri: [{ open: '08:00', close: '11:00' }],
};

describe('stored settings laid over the site file', () => {
  it('applies what fits, keeps null as a value, and skips what the file no longer supports', () => {
    const db = openDatabase(':memory:');
    saveSetting(db, 'counter-services', 'loket-1', ['kk', 'jkn'], 'mod', AT);
    saveSetting(db, 'counter-services', 'loket-2', ['ktp-el', 'gone-service'], 'mod', AT);
    saveSetting(db, 'service-hours', 'paspor', null, 'mod', AT);
    saveSetting(
      db,
      'late-service',
      null,
      [{ minutesLate: 20, remedy: { id: 'Maaf', en: 'Sorry' } }],
      'admin',
      AT,
    );
    db.prepare("UPDATE settings SET value = '{broken' WHERE key = 'setting.late-service'").run();

    const site = loadSiteConfig(DEMO);
    const skipped: string[] = [];
    const file = applyStoredSettings(db, site, (key) => skipped.push(key));

    expect(site.counters.find((c) => c.id === 'loket-1')?.serviceIds).toEqual(['kk', 'jkn']);
    expect(site.counters.find((c) => c.id === 'loket-2')?.serviceIds).toEqual(['ktp-el', 'kk', 'akta-lahir']);
    expect(site.services.find((s) => s.id === 'paspor')?.openingHours).toBeUndefined();
    expect(site.compensation.lateService[0]?.minutesLate).toBe(15);
    expect(skipped.sort()).toEqual(['setting.counter-services/loket-2', 'setting.late-service']);
    // The baseline is the file as read, untouched by the stored changes.
    expect(file.counters.find((c) => c.id === 'loket-1')?.serviceIds).toEqual(['ktp-el', 'kk']);
    expect(file.services.find((s) => s.id === 'paspor')?.openingHours).toEqual(PASPOR_HOURS_IN_FILE);
    db.close();
  });
});
