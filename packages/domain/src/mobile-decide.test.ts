import { describe, expect, it } from 'vitest';
import {
  decideApproveVisit,
  decideAttachPhoto,
  decideCounselling,
  decideDeclineRequest,
  decideIssuePermit,
  decideMilestone,
  decideReceiveRequest,
  decideRegister,
  decideScheduleVisit,
  foldMobile,
  MobileRuleError,
  type IssuePermit,
  type MobileFacts,
  type RegisterVisitor,
  type ScheduleVisit,
} from './mobile-decide.ts';
import type { MobileEvent, VisitPlace } from './mobile-events.ts';
import { DEFAULT_MILESTONE_STANDARDS, maskDigits, type VisitMilestone } from './mobile-types.ts';
import type { ChangedBy } from './record-events.ts';

// Kota Batu is WIB: 01:00Z is 08:00 local. The visit is on 2026-03-10.
const clock = { timeZone: 'Asia/Jakarta' };
const DAY = '2026-03-10';
const at = (local: string, date = DAY): ChangedBy => ({
  at: new Date(`${date}T${local}:00+07:00`).toISOString(),
  by: 'koordinator',
  byRole: 'coordinator',
});
const place: VisitPlace = {
  village: 'Desa Pandanrejo',
  district: 'Bumiaji',
  address: 'Balai desa',
  latitude: null,
  longitude: null,
};
const crew = [
  { name: 'Sri Wahyuni', role: 'coordinator' },
  { name: 'Budi', role: 'driver' },
  { name: 'Agus', role: 'permit_officer' },
  { name: 'Rina', role: 'register_officer' },
] as const;

const requested: MobileEvent = {
  type: 'visit-request:received',
  ...at('10:00', '2026-03-01'),
  requestId: 'r1',
  requesterKind: 'kepala_desa',
  requesterName: 'Kepala Desa Pandanrejo',
  letterNumber: '005/12/2026',
  letterDate: '2026-02-27',
  place,
  wishedDate: DAY,
  agencies: ['Dinas Perdagangan'],
  note: null,
};
const schedule: ScheduleVisit = {
  visitId: 'v1',
  requestId: 'r1',
  date: DAY,
  place: null,
  suratTugasNumber: '800/45/422.110/2026',
  crew,
  notice: null,
  agencies: null,
};
const scheduled = decideScheduleVisit(
  schedule,
  foldMobile([requested]).requests.get('r1') ?? null,
  () => false,
  clock,
  at('11:00', '2026-03-02'),
);
const approved: MobileEvent = { type: 'visit:approved', ...at('12:00', '2026-03-02'), visitId: 'v1' };

function milestone(name: VisitMilestone, local: string, date = DAY): MobileEvent {
  return decideMilestone(
    stateOf(history).visits.get('v1') ?? null,
    name,
    null,
    DEFAULT_MILESTONE_STANDARDS,
    clock,
    at(local, date),
  );
}
let history: MobileEvent[] = [];
const stateOf = (events: readonly MobileEvent[]): MobileFacts => foldMobile(events);

/** Given these events, when the decision runs against the visit they leave. */
function given(events: readonly MobileEvent[]) {
  const facts = stateOf(events);
  return {
    visit: facts.visits.get('v1') ?? null,
    request: facts.requests.get('r1') ?? null,
    facts,
  };
}
function refusal(run: () => unknown): string {
  try {
    run();
  } catch (error) {
    if (error instanceof MobileRuleError) return error.code;
    throw error;
  }
  return 'accepted';
}

/** The morning up to an open service window. */
function morning(): MobileEvent[] {
  history = [requested, scheduled, approved];
  for (const [name, local] of [
    ['departed', '07:55'],
    ['set-up', '08:50'],
    ['service-opened', '09:00'],
  ] as const)
    history.push(milestone(name, local));
  return history;
}

const visitor: RegisterVisitor = {
  entryId: 'e1',
  name: 'Siti Aminah',
  nik: '3579014509870001',
  phone: '081234567890',
  businessName: 'Keripik Apel Siti',
  riskClass: 'menengah_rendah',
  purpose: 'permit',
  outcome: 'completed',
  note: null,
  outsideWindowReason: null,
  filedComplaintId: null,
  ticketId: null,
};
const permit: IssuePermit = {
  permitId: 'p1',
  entryId: 'e1',
  nib: '9120001234567',
  businessName: 'Keripik Apel Siti',
  riskClass: 'menengah_rendah',
  document: 'nib',
  issuedInOssAt: '2026-03-10T03:10:00.000Z',
  printed: true,
  handedOver: true,
  accessExplained: true,
};

describe('visit requests', () => {
  it('a written request is received with who asked and its letter', () => {
    const event = decideReceiveRequest({ ...requested, requestId: 'r2' }, clock, at('09:00', '2026-03-01'));
    expect(event).toMatchObject({
      type: 'visit-request:received',
      requesterKind: 'kepala_desa',
      wishedDate: DAY,
    });
  });
  it('a wished date already past is refused', () => {
    expect(refusal(() => decideReceiveRequest(requested, clock, at('09:00', '2026-03-11')))).toBe(
      'MOBILE_DATE_PAST',
    );
  });
  it('scheduling a visit from a request takes its place and agencies and marks it scheduled', () => {
    expect(scheduled).toMatchObject({ place, agencies: ['Dinas Perdagangan'], requestId: 'r1' });
    expect(given([requested, scheduled]).request?.status).toBe('scheduled');
  });
  it('a declined request keeps its reason; a scheduled one cannot be declined', () => {
    const { request } = given([requested]);
    expect(decideDeclineRequest(request, 'Jadwal penuh', at('09:00', '2026-03-02'))).toMatchObject({
      reason: 'Jadwal penuh',
    });
    expect(refusal(() => decideDeclineRequest(given([requested, scheduled]).request, 'x', at('09:00')))).toBe(
      'MOBILE_REQUEST_CLOSED',
    );
    expect(refusal(() => decideDeclineRequest(null, 'x', at('09:00')))).toBe('MOBILE_REQUEST_NOT_FOUND');
  });
});

describe('the schedule: crew and surat tugas', () => {
  const { request } = given([requested]);
  it('a fifth crew member is refused: at most four, the driver included', () => {
    const five = [...crew, { name: 'Dewi', role: 'register_officer' as const }];
    expect(
      refusal(() =>
        decideScheduleVisit(
          { ...schedule, crew: five },
          request,
          () => false,
          clock,
          at('09:00', '2026-03-02'),
        ),
      ),
    ).toBe('MOBILE_CREW_TOO_LARGE');
  });
  it('a crew without its coordinator is refused', () => {
    expect(
      refusal(() =>
        decideScheduleVisit(
          { ...schedule, crew: crew.slice(1) },
          request,
          () => false,
          clock,
          at('09:00', '2026-03-02'),
        ),
      ),
    ).toBe('MOBILE_CREW_NEEDS_COORDINATOR');
  });
  it('one vehicle, one visit a day; no visit on a past day; a direct visit names its place', () => {
    expect(
      refusal(() => decideScheduleVisit(schedule, request, () => true, clock, at('09:00', '2026-03-02'))),
    ).toBe('MOBILE_DATE_TAKEN');
    expect(
      refusal(() => decideScheduleVisit(schedule, request, () => false, clock, at('09:00', '2026-03-11'))),
    ).toBe('MOBILE_DATE_PAST');
    expect(
      refusal(() =>
        decideScheduleVisit(
          { ...schedule, requestId: null },
          null,
          () => false,
          clock,
          at('09:00', '2026-03-02'),
        ),
      ),
    ).toBe('MOBILE_PLACE_REQUIRED');
  });
  it('the Kepala Dinas approves once', () => {
    expect(decideApproveVisit(given([requested, scheduled]).visit, at('12:00', '2026-03-02')).type).toBe(
      'visit:approved',
    );
    expect(
      refusal(() => decideApproveVisit(given([requested, scheduled, approved]).visit, at('12:00'))),
    ).toBe('MOBILE_VISIT_ALREADY_APPROVED');
  });
});

describe('the visit day, timed like an SOP', () => {
  it('an unapproved visit does not depart', () => {
    history = [requested, scheduled];
    expect(refusal(() => milestone('departed', '07:50'))).toBe('MOBILE_VISIT_NOT_APPROVED');
  });
  it('each milestone is judged against its standard', () => {
    history = [requested, scheduled, approved];
    const departed = milestone('departed', '08:12');
    expect(departed).toMatchObject({ judgement: 'late', minutesOff: 12, standard: '08:00' });
    history.push(departed);
    const setUp = milestone('set-up', '08:55');
    expect(setUp).toMatchObject({ judgement: 'on_time', minutesOff: 0 });
    history.push(setUp);
    history.push(milestone('service-opened', '09:00'));
    // Closing the window before 12:00 shortens the service: early.
    expect(milestone('service-closed', '11:30')).toMatchObject({ judgement: 'early', minutesOff: 30 });
  });
  it('a milestone twice is refused, and so is one out of order', () => {
    morning();
    expect(refusal(() => milestone('service-opened', '09:05'))).toBe('MOBILE_MILESTONE_RECORDED');
    expect(refusal(() => milestone('packed-up', '12:30'))).toBe('MOBILE_MILESTONE_OUT_OF_ORDER');
  });
  it('the day’s milestones only on the visit’s date; the report may follow the next day, late', () => {
    history = [requested, scheduled, approved];
    expect(refusal(() => milestone('departed', '07:55', '2026-03-09'))).toBe('MOBILE_VISIT_NOT_TODAY');
    morning();
    for (const [name, local] of [
      ['service-closed', '12:00'],
      ['packed-up', '12:45'],
      ['returned', '13:10'],
    ] as const)
      history.push(milestone(name, local));
    expect(history.at(-1)).toMatchObject({ milestone: 'returned', judgement: 'late', minutesOff: 10 });
    expect(milestone('reported', '08:00', '2026-03-11')).toMatchObject({
      judgement: 'late',
      minutesOff: 8 * 60,
    });
  });
  it('a reported visit is done, and so is its request', () => {
    morning();
    for (const [name, local] of [
      ['service-closed', '12:00'],
      ['packed-up', '12:45'],
      ['returned', '13:00'],
      ['reported', '14:00'],
    ] as const)
      history.push(milestone(name, local));
    const { visit, request } = given(history);
    expect(visit?.status).toBe('done');
    expect(request?.status).toBe('done');
    expect(refusal(() => decideRegister(visit, visitor, clock, at('14:10')))).toBe('MOBILE_VISIT_CLOSED');
  });
});

describe('the visit register', () => {
  it('visitors take order numbers in turn inside the service window', () => {
    const events = morning();
    const first = decideRegister(given(events).visit, visitor, clock, at('09:05'));
    const second = decideRegister(
      given([...events, first]).visit,
      { ...visitor, entryId: 'e2' },
      clock,
      at('09:06'),
    );
    expect([first.orderNumber, second.orderNumber]).toEqual([1, 2]);
    expect(first.outsideWindowReason).toBeNull();
  });
  it('outside the window an entry needs a reason', () => {
    history = [requested, scheduled, approved];
    history.push(milestone('departed', '07:55'));
    expect(refusal(() => decideRegister(given(history).visit, visitor, clock, at('08:30')))).toBe(
      'MOBILE_OUTSIDE_SERVICE_WINDOW',
    );
    const early = decideRegister(
      given(history).visit,
      { ...visitor, outsideWindowReason: 'Antre sejak pagi' },
      clock,
      at('08:30'),
    );
    expect(early.outsideWindowReason).toBe('Antre sejak pagi');
  });
  it('a visit outside its schedule takes no entries', () => {
    const events = morning();
    expect(
      refusal(() => decideRegister(given(events).visit, visitor, clock, at('09:05', '2026-03-11'))),
    ).toBe('MOBILE_VISIT_NOT_TODAY');
  });
  it('a NIK must be 16 digits', () => {
    const events = morning();
    expect(
      refusal(() => decideRegister(given(events).visit, { ...visitor, nik: '35790145' }, clock, at('09:05'))),
    ).toBe('MOBILE_NIK_INVALID');
  });
});

describe('the permit issuance register', () => {
  it('records a 13-digit NIB once per document kind', () => {
    const events = morning();
    const issued = decideIssuePermit(given(events).visit, permit, clock, at('10:10'));
    expect(issued).toMatchObject({ nib: '9120001234567', accessExplained: true });
    expect(Object.keys(issued)).not.toContain('password');
    const again = given([...events, issued]).visit;
    expect(refusal(() => decideIssuePermit(again, { ...permit, permitId: 'p2' }, clock, at('10:12')))).toBe(
      'MOBILE_PERMIT_DUPLICATE',
    );
    expect(
      decideIssuePermit(
        again,
        { ...permit, permitId: 'p3', document: 'sertifikat_standar' },
        clock,
        at('10:15'),
      ).document,
    ).toBe('sertifikat_standar');
  });
  it.each(['912000123456', '91200012345678', '91200O1234567', ''])('refuses the NIB %j', (nib) => {
    expect(
      refusal(() => decideIssuePermit(given(morning()).visit, { ...permit, nib }, clock, at('10:10'))),
    ).toBe('MOBILE_NIB_INVALID');
  });
});

describe('counselling and photos', () => {
  it('a counselling session is logged with its topic and the people reached', () => {
    const event = decideCounselling(
      given(morning()).visit,
      { sessionId: 's1', topic: 'Pentingnya NIB', peopleReached: 12 },
      clock,
      at('11:00'),
    );
    expect(event).toMatchObject({ topic: 'Pentingnya NIB', peopleReached: 12 });
  });
  const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0]);
  it('a photo is an image by its bytes, within the size limit', () => {
    const visit = given(morning()).visit;
    const photo = { photoId: 'f1', bytes: png, sha256: 'x', caption: null };
    expect(decideAttachPhoto(visit, photo, 100, at('10:00')).mime).toBe('image/png');
    expect(refusal(() => decideAttachPhoto(visit, photo, 5, at('10:00')))).toBe('MOBILE_PHOTO_TOO_LARGE');
    const text = new TextEncoder().encode('<svg xmlns="http://www.w3.org/2000/svg"/>');
    expect(refusal(() => decideAttachPhoto(visit, { ...photo, bytes: text }, 100, at('10:00')))).toBe(
      'MOBILE_PHOTO_NOT_IMAGE',
    );
  });
});

describe('masking personal data', () => {
  it('shows only the last four digits', () => {
    expect(maskDigits('3579014509870001')).toBe('************0001');
    expect(maskDigits('081234567890')).toBe('********7890');
    expect(maskDigits('123')).toBe('***');
    expect(maskDigits(null)).toBeNull();
  });
});
