import { fileURLToPath } from 'node:url';
import type { VisitSummaryView } from '@giliran/protocol';
import { expect } from 'vitest';
import { loadSiteConfig, type SiteConfig } from '../../apps/hub/src/index.ts';
import type { ManualClock } from '../../apps/hub/src/testing/manual-clock.ts';
import type { TestHub } from './hub-harness.ts';

export const DEMO_MOBILE_PATH = fileURLToPath(new URL('../../assets/demo-mobile/site.json', import.meta.url));

/** The demo unit (MAMPIR BOSS, WIB) with the sign-in limit lifted, as demoSite() does for the hall. */
export function mobileSite(overrides: Partial<SiteConfig> = {}): SiteConfig {
  return {
    ...loadSiteConfig(DEMO_MOBILE_PATH),
    kioskMaxTicketsPerMinute: 10_000,
    loginsPerMinutePerAddress: 10_000,
    complaintProofOfWorkBits: 0,
    ...overrides,
  };
}

/** The visit day of these tests: Tuesday 10 March 2026; WIB is UTC+7. */
export const VISIT_DAY = '2026-03-10';
export const localInstant = (hhmm: string, date = VISIT_DAY): string =>
  new Date(`${date}T${hhmm}:00+07:00`).toISOString();

/** Moves a manual clock forward to `hhmm` on the visit day (never back). */
export function clockTo(clock: ManualClock, hhmm: string, date = VISIT_DAY): void {
  const target = Date.parse(localInstant(hhmm, date));
  expect(target).toBeGreaterThanOrEqual(clock.now());
  clock.advance(target - clock.now());
}

export const PLACE = { village: 'Desa Pandanrejo', district: 'Bumiaji', address: 'Balai Desa Pandanrejo' };
export const CREW = [
  { name: 'Sri Wahyuni', role: 'coordinator' },
  { name: 'Budi Santoso', role: 'driver' },
  { name: 'Agus Priyanto', role: 'permit_officer' },
  { name: 'Rina Kartika', role: 'register_officer' },
] as const;

/** A written request from the Kepala Desa, scheduled and approved by the Kepala Dinas: the visit's id. */
export async function approvedVisit(t: TestHub, date = VISIT_DAY): Promise<string> {
  const coordinator = await t.login('koordinator');
  const request = await t.api<{ id: string }>('POST', '/visit-requests', {
    token: coordinator,
    body: {
      requesterKind: 'kepala_desa',
      requesterName: 'Kepala Desa Pandanrejo',
      letterNumber: '005/12/422.305/2026',
      letterDate: '2026-02-27',
      place: PLACE,
      wishedDate: date,
      agencies: ['Dinas Perdagangan', 'KPP Pratama Batu'],
    },
  });
  expect(request.status, JSON.stringify(request.body)).toBe(201);
  const visit = await t.api<VisitSummaryView>('POST', '/visits', {
    token: coordinator,
    body: {
      requestId: request.body.id,
      date,
      suratTugasNumber: '800/45/422.110/2026',
      crew: CREW,
      notice: {
        letterNumber: '005/31/422.110/2026',
        letterDate: '2026-03-02',
        addressedTo: 'Kepala Desa Pandanrejo',
      },
    },
  });
  expect(visit.status, JSON.stringify(visit.body)).toBe(201);
  const kadis = await t.login('kadis');
  expect((await t.api('POST', `/visits/${visit.body.id}/approve`, { token: kadis })).status).toBe(200);
  return visit.body.id;
}

export async function milestone(t: TestHub, token: string, visitId: string, name: string): Promise<void> {
  const res = await t.api('POST', `/visits/${visitId}/milestones/${name}`, { token, body: {} });
  expect(res.status, `${name}: ${JSON.stringify(res.body)}`).toBe(201);
}

/** Sends bytes as a photo (the body is the image itself). */
export async function uploadPhoto(
  t: TestHub,
  token: string,
  visitId: string,
  bytes: Uint8Array,
  type = 'image/png',
  caption = 'Pelayanan di balai desa',
): Promise<{ status: number; body: { id?: string; error?: { code: string } } }> {
  const res = await fetch(
    `${t.hub.url}/api/visits/${visitId}/photos?caption=${encodeURIComponent(caption)}`,
    {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': type },
      body: Buffer.from(bytes),
    },
  );
  return { status: res.status, body: (await res.json()) as { id?: string; error?: { code: string } } };
}

/** A real, tiny PNG (a 2×2 image), as a phone would send in a larger size. */
export const TINY_PNG = Uint8Array.from(
  Buffer.from(
    'iVBORw0KGgoAAAANSUhEUgAAAAIAAAACCAIAAAD91JpzAAAAFklEQVR4nGNk+M/AwMDAxMDAwMDAAAANHQEDasKb6QAAAABJRU5ErkJggg==',
    'base64',
  ),
);
