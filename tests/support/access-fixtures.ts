import { z } from 'zod';
import { PUBLIC } from '../../apps/hub/src/auth/actor.ts';
import type { AccessWorld } from './access-world.ts';

/*
 * Targets for the role-matrix tests (access.test.ts over REST, access-socket.test.ts over Socket.IO): the mobile
 * unit's requests and visits, and bookings, each fresh where a command may act on a target once.
 */

/** Distinct dates and NIB numbers for the mobile unit's probes (one visit a day, one NIB once). */
let sequence = 0;
export const nextNib = (): string => `9120000000${String(++sequence).padStart(3, '0')}`;
const dayAhead = (w: AccessWorld, days: number): string => {
  const date = new Date(`${w.t.hub.engine.serviceDay}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
};
const PLACE = { village: 'Desa Kuala Dua', district: 'Sungai Raya' };
const CREW = [
  { name: 'Koordinator', role: 'coordinator' },
  { name: 'Pengemudi', role: 'driver' },
];
export const visitRequest = (w: AccessWorld) => ({
  requesterKind: 'kepala_desa',
  requesterName: 'Kepala Desa Kuala Dua',
  place: PLACE,
  wishedDate: dayAhead(w, 30),
});
export const directVisit = (w: AccessWorld) => ({
  date: dayAhead(w, 40 + ++sequence),
  place: PLACE,
  suratTugasNumber: `800/${String(sequence)}/2025`,
  crew: CREW,
});
/** Made by admin, who plans beside the coordinator: the id of what it made. */
export async function newId(w: AccessWorld, path: string, body: unknown): Promise<string> {
  return z.object({ id: z.string() }).parse(await w.as('admin', 'POST', path, body)).id;
}

let phones = 0;
/**
 * A free place: a future date's session (a place in today's next session with `today`, the clock then moved into its
 * check-in window), and a WhatsApp number of its own.
 */
export function bookingSlot(w: AccessWorld, today: boolean) {
  // From the service itself: the public read limit per address is not what this test is about.
  const options = w.t.hub.booking.options();
  for (const service of options.services)
    for (const date of today ? service.dates.slice(0, 1) : service.dates.slice(1)) {
      const slots = w.t.hub.booking.slots({ serviceId: service.id, date });
      const session = slots.sessions.find((s) => s.left > 0);
      if (session) {
        phones += 1;
        return {
          serviceId: service.id,
          date,
          sessionId: session.id,
          name: 'Sari',
          phone: `0813${String(10_000_000 + phones)}`,
        };
      }
    }
  throw new Error('no free booking place');
}

/** The code of a booking made through the service itself (the public routes' rate limit is not what is tested). */
export async function booked(w: AccessWorld, today: boolean): Promise<string> {
  const made = await w.t.hub.booking.make(bookingSlot(w, today), undefined, 'access', PUBLIC);
  if (today) {
    const opens = Date.parse(made.checkInFrom);
    if (w.clock.now() < opens) w.clock.advance(opens - w.clock.now());
  }
  return made.code;
}

/** Today's visit of the unit, approved by the Kepala Dinas: what the crew's commands act on. */
export async function approvedVisitToday(w: AccessWorld): Promise<string> {
  const id = await newId(w, '/visits', { ...directVisit(w), date: w.t.hub.engine.serviceDay });
  await w.as('kadis', 'POST', `/visits/${id}/approve`);
  return id;
}

/** The visit's next milestone: each crew member let through records one, in order. */
export async function nextMilestone(w: AccessWorld, visitId: string): Promise<string> {
  return z.object({ nextMilestone: z.string() }).parse(await w.as('admin', 'GET', `/visits/${visitId}`))
    .nextMilestone;
}

/** A permit the crew issues in the field: a NIB of its own each time. */
export const fieldPermit = (w: AccessWorld) => ({
  nib: nextNib(),
  businessName: 'Toko Uji',
  riskClass: 'menengah_tinggi',
  issuedInOssAt: w.t.hub.engine.nowIso(),
  printed: true,
  handedOver: true,
  accessExplained: true,
});
