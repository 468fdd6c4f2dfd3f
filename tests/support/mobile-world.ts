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

/** A photo as the report shows one: a 640×420 PNG drawn from SVG (a tent, a table, a queue), like a phone's. */
export async function scenePhoto(): Promise<Uint8Array> {
  const { Resvg } = await import('@resvg/resvg-js');
  const people = Array.from(
    { length: 6 },
    (_, i) =>
      `<circle cx="${String(330 + i * 45)}" cy="300" r="14" fill="#7a4a2a"/><rect x="${String(318 + i * 45)}" y="316" width="24" height="60" rx="8" fill="${i % 2 ? '#2f6fb0' : '#c0392b'}"/>`,
  ).join('');
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="640" height="420">
    <rect width="640" height="420" fill="#bfe3f5"/><rect y="330" width="640" height="90" fill="#7cb342"/>
    <polygon points="40,170 250,110 300,170" fill="#f5f5f5" stroke="#999"/>
    <rect x="50" y="170" width="240" height="160" fill="#ffffff" stroke="#999"/>
    <rect x="80" y="250" width="180" height="20" fill="#8d6e63"/>
    <text x="170" y="150" font-size="20" text-anchor="middle" font-family="sans-serif" fill="#1a3550">MAMPIR BOSS</text>
    ${people}</svg>`;
  return new Resvg(svg, { font: { loadSystemFonts: true } }).render().asPng();
}

/** A short visit morning: departure to service open, `n` visitors, `permits` NIB, a complaint, counselling. */
export async function visitMorning(
  t: TestHub,
  clock: ManualClock,
  options: { visitors: number; permits: number },
): Promise<{ visitId: string; coordinator: string; officer: string }> {
  const visitId = await approvedVisit(t);
  clockTo(clock, '07:50');
  const coordinator = await t.login('koordinator');
  const officer = await t.login('petugas1');
  await milestone(t, coordinator, visitId, 'departed');
  clockTo(clock, '09:10');
  await milestone(t, officer, visitId, 'set-up');
  await milestone(t, coordinator, visitId, 'service-opened');
  const purposes = ['permit', 'permit', 'consultation', 'non_permit', 'permit', 'counselling'] as const;
  for (let i = 0; i < options.visitors; i++) {
    clock.advance(3 * 60_000);
    const purpose = i === 3 ? 'complaint' : purposes[i % purposes.length];
    const res = await t.api<{ id: string }>('POST', `/visits/${visitId}/register`, {
      token: officer,
      body: {
        name: [
          'Siti Aminah',
          'Budi Hartono',
          'Dewi Sartika',
          'Slamet Riyadi',
          'Wahyu Hidayat',
          'Ani Susanti',
        ][i % 6],
        nik: `357901450987${String(1000 + i)}`,
        phone: `0812345${String(10_000 + i)}`,
        businessName: purpose === 'permit' ? `Keripik Apel ${String(i + 1)}` : null,
        riskClass: purpose === 'permit' ? 'menengah_rendah' : null,
        purpose,
        ...(purpose === 'complaint'
          ? { complaint: { text: 'Izin usaha yang diajukan bulan lalu belum terbit.' } }
          : {}),
      },
    });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    if (purpose === 'permit' && i < options.permits * 2)
      expect(
        (
          await t.api('POST', `/visits/${visitId}/permits`, {
            token: officer,
            body: {
              entryId: res.body.id,
              nib: `912030${String(1_000_000 + i).slice(-7)}`,
              businessName: `Keripik Apel ${String(i + 1)}`,
              riskClass: 'menengah_rendah',
              issuedInOssAt: new Date(clock.now()).toISOString(),
              printed: true,
              handedOver: true,
              accessExplained: true,
            },
          })
        ).status,
      ).toBe(201);
  }
  expect(
    (
      await t.api('POST', `/visits/${visitId}/counselling`, {
        token: coordinator,
        body: { topic: 'Pentingnya NIB bagi usaha mikro', peopleReached: 15 },
      })
    ).status,
  ).toBe(201);
  return { visitId, coordinator, officer };
}
