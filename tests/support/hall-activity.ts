// A morning of every feature over REST, as the hall's people do it: tickets served, complaints filed and taken to
// an answer, SKM answers, the report chain signed, settings, accounts and the calendar changed. It uses only the
// public API, so it runs on today's hub and on older ones (it made the schema-7 fixture).
import { KIOSK_TOKEN, type TestHub } from './hub-harness.ts';

type Api = TestHub['api'];

async function ok<T>(what: string, call: Promise<{ status: number; body: T }>): Promise<T> {
  const res = await call;
  if (res.status >= 300) throw new Error(`${what}: ${String(res.status)} ${JSON.stringify(res.body)}`);
  return res.body;
}

/** Runs the morning; `advance` moves the hub's clock (a ManualClock) by ms. */
export async function hallActivity(t: TestHub, advance: (ms: number) => void, date: string): Promise<void> {
  const api: Api = t.api.bind(t);
  // A new officer each day the morning runs (the same folder may see several mornings).
  const newcomer = `petugas${date.replaceAll('-', '')}`;
  const [loket1, fo, mod, admin, koordinator] = await Promise.all(
    ['loket1', 'fo', 'mod', 'admin', 'koordinator'].map((u) => t.login(u)),
  );
  const served: { id: string; code: string }[] = [];
  for (let i = 0; i < 4; i++) {
    const ticket = await ok(
      'issue',
      api<{ id: string; code: string }>('POST', '/tickets', {
        token: KIOSK_TOKEN,
        body: { serviceId: 'ktp-el' },
        headers: { 'idempotency-key': `activity-issue-${date}-${String(i)}` },
      }),
    );
    await ok('call', api('POST', '/counters/loket-1/call-next', { token: loket1 }));
    await ok('step', api('POST', `/tickets/${ticket.id}/step`, { token: loket1 }));
    advance(3 * 60_000);
    await ok('finish', api('POST', `/tickets/${ticket.id}/finish`, { token: loket1, body: {} }));
    served.push(ticket);
  }
  await ok('waiting', api('POST', '/tickets', { token: KIOSK_TOKEN, body: { serviceId: 'kk' } }));

  // SKM: publicly with a ticket's code, and on a kiosk without a ticket.
  const answers = [4, 3, 4, 4, 3, 4, 2, 4, 3];
  const respondent = { gender: 'perempuan', ageBand: '30_39', education: 's1', occupation: 'swasta' };
  await ok(
    'skm public',
    api('POST', '/survey/responses', {
      body: { ticket: served[0]?.code, answers, respondent, suggestion: 'Antrean cepat' },
      headers: { 'idempotency-key': `activity-skm-public-${date}` },
    }),
  );
  await ok(
    'skm kiosk',
    api('POST', '/survey/responses', {
      token: KIOSK_TOKEN,
      body: { serviceId: 'kk', answers, respondent },
      headers: { 'idempotency-key': `activity-skm-kiosk-${date}` },
    }),
  );

  // Complaints: the public form, FO at the desk, then MOD takes one to an answer and recategorises another.
  await ok(
    'complaint public',
    api('POST', '/public/complaints', {
      body: {
        name: 'Siti',
        occupation: 'Guru',
        address: 'Jl. Sungai Raya 1',
        contact: '0812000111',
        text: 'Loket tutup lebih awal',
        ticket: served[1]?.code,
      },
      headers: { 'idempotency-key': `activity-complaint-public-${date}` },
    }),
  );
  const desk = await ok(
    'complaint fo',
    api<{ id: string }>('POST', '/complaints', {
      token: fo,
      body: { channel: 'phone', name: 'Budi', text: 'Petugas tidak ramah', agencyId: 'disdukcapil' },
    }),
  );
  const other = await ok(
    'complaint fo 2',
    api<{ id: string }>('POST', '/complaints', {
      token: fo,
      body: { channel: 'complaint_box', name: 'Anonim', text: 'Toilet kotor' },
    }),
  );
  await ok('verify', api('POST', `/complaints/${desk.id}/status`, { token: mod, body: { to: 'verified' } }));
  await ok(
    'answer',
    api('POST', `/complaints/${desk.id}/status`, {
      token: mod,
      body: { to: 'answered', answer: 'Petugas sudah ditegur.' },
      headers: { 'idempotency-key': `activity-answer-${date}` },
    }),
  );
  await ok(
    'recategorise',
    api('POST', `/complaints/${other.id}/category`, { token: mod, body: { category: 'ringan' } }),
  );

  // Settings, accounts, calendar.
  await ok(
    'running text',
    api('PUT', '/settings/running-text', { token: mod, body: { text: 'Selamat datang' } }),
  );
  await ok(
    'counter services',
    api('PUT', '/settings/counters/loket-2', { token: mod, body: { serviceIds: ['ktp-el', 'kk'] } }),
  );
  await ok(
    'create account',
    api('POST', '/accounts', {
      token: admin,
      body: {
        username: newcomer,
        name: 'Petugas Baru',
        role: 'officer',
        pin: '583920',
        counterIds: ['loket-3'],
      },
    }),
  );
  await ok(
    'rename',
    api('PUT', `/accounts/${newcomer}`, { token: admin, body: { name: 'Petugas Sembilan' } }),
  );
  await ok('pin', api('POST', `/accounts/${newcomer}/pin`, { token: admin, body: { pin: '774411' } }));
  await ok(
    'holidays',
    api('PUT', '/calendar/holidays', {
      token: koordinator,
      body: {
        year: 2027,
        holidays: [{ date: '2027-01-01', kind: 'libur_nasional', name: 'Tahun Baru 2027' }],
      },
    }),
  );

  // The report chain: the gerai's recap (FO on its behalf), then FO's compilation naming the rest missing.
  await ok(
    'chain 9',
    api('POST', `/report-chain/${date}/steps/9`, { token: fo, body: { agencyId: 'disdukcapil' } }),
  );
}
