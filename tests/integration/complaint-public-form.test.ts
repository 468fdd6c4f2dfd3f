import type { ApiErrorBody, ComplaintList, ComplaintView, PublicComplaintStatus } from '@giliran/protocol';
import { afterEach, describe, expect, it } from 'vitest';
import { solveWork } from '../../apps/citizen/renderer/complaint/proof-of-work.ts';
import {
  PUBLIC_FILINGS_PER_10_MIN,
  PUBLIC_FILINGS_PER_DEVICE_10_MIN,
} from '../../apps/hub/src/complaints/complaint-routes.ts';
import { demoSite, startTestHub, type TestHub } from '../support/hub-harness.ts';

const FORM = {
  name: 'Siti Aminah',
  occupation: 'Pedagang',
  address: 'Jl. Adisucipto 12, Sungai Raya',
  contact: '0812 3456 7890',
  text: 'Nomor antrean saya dilewati dua kali.',
};
/** Light enough for a test; the site default is 16. */
const BITS = 10;

interface Challenge {
  challenge: string;
  bits: number;
}

describe('the public complaint form against scripts', () => {
  let t: TestHub | undefined;
  afterEach(async () => {
    await t?.stop();
    t = undefined;
  });

  async function hub(bits: number): Promise<TestHub> {
    t = await startTestHub({ site: demoSite({ complaintProofOfWorkBits: bits }) });
    return t;
  }

  /** The page's own solver (apps/kiosk), so the page and the hub are checked to agree. */
  async function work(h: TestHub): Promise<Record<string, string>> {
    const { body } = await h.api<Challenge>('GET', '/public/complaints/challenge');
    expect(body.bits).toBe(BITS);
    const solved = await solveWork(body.challenge, body.bits);
    return { 'x-pow-challenge': solved.challenge, 'x-pow-nonce': solved.nonce };
  }

  const post = (h: TestHub, headers: Record<string, string>) =>
    h.api<PublicComplaintStatus & ApiErrorBody>('POST', '/public/complaints', { body: FORM, headers });

  it('files only with the work done, each challenge once (a retry of the same filing excepted)', async () => {
    const h = await hub(BITS);
    const none = await post(h, {});
    expect(none.status).toBe(400);
    expect(none.body.error.code).toBe('COMPLAINT_PROOF_REQUIRED');
    expect(none.body.error.message.id).toMatch(/Muat ulang/);

    const { body } = await h.api<Challenge>('GET', '/public/complaints/challenge');
    const wrong = await post(h, { 'x-pow-challenge': body.challenge, 'x-pow-nonce': 'zzzz-not-it' });
    expect(wrong.status).toBe(400);
    const forged = await post(h, { 'x-pow-challenge': `${Date.now() + 60_000}.abc.def`, 'x-pow-nonce': '0' });
    expect(forged.body.error.details?.[0]?.message).toBe('unknown challenge');

    const headers = await work(h);
    const filed = await post(h, { ...headers, 'idempotency-key': 'form-0001' });
    expect(filed.status).toBe(201);
    const retry = await post(h, { ...headers, 'idempotency-key': 'form-0001' });
    expect(retry.status).toBe(201);
    expect(retry.body.code).toBe(filed.body.code);
    const replayed = await post(h, { ...headers, 'idempotency-key': 'form-0002' });
    expect(replayed.status).toBe(400);
    expect(replayed.body.error.details?.[0]?.message).toBe('the challenge was already used');
  });

  it('takes a complaint without occupation or address, or anonymously with only a contact (issue 14)', async () => {
    const h = await hub(0);
    const file = (body: Record<string, unknown>) =>
      h.api<PublicComplaintStatus & ApiErrorBody>('POST', '/public/complaints', { body });
    const { text, contact } = FORM;
    const noName = await file({ text, contact });
    expect(noName.status).toBe(400);
    expect(noName.body.error.details?.[0]?.path).toBe('name');

    const plain = await file({ name: 'Budi', occupation: '', address: '', text, contact });
    expect(plain.status).toBe(201);
    // Anonymous: whatever identifies the citizen is not kept, only where the answer goes.
    const anonymous = await file({ anonymous: true, name: 'Siti', address: 'Jl. Ahmad Yani', text, contact });
    expect(anonymous.status).toBe(201);

    const mod = await h.login('mod');
    const register = await h.api<ComplaintList>('GET', '/complaints', { token: mod });
    const byCode = async (code: string) => {
      const id = register.body.complaints.find((c) => c.code === code)?.id ?? '';
      return (await h.api<ComplaintView>('GET', `/complaints/${id}`, { token: mod })).body;
    };
    expect(await byCode(plain.body.code)).toMatchObject({ name: 'Budi', occupation: null, address: null });
    expect(await byCode(anonymous.body.code)).toMatchObject({
      name: 'Anonim',
      occupation: null,
      address: null,
      contact: '0812 3456 7890',
    });
  });

  it('holds one phone to a few filings while its neighbours on the same Wi-Fi still file', async () => {
    const h = await hub(0);
    const device = (id: string) => post(h, { 'x-device-id': `phone-${id}-0000` });
    for (let i = 0; i < PUBLIC_FILINGS_PER_DEVICE_10_MIN; i++) expect((await device('a')).status).toBe(201);
    const limited = await device('a');
    expect(limited.status).toBe(429);
    expect(limited.body.error.code).toBe('COMPLAINT_RATE_LIMITED');
    // Another phone behind the same address, and one without an id (held by its address as a device).
    expect((await device('b')).status).toBe(201);
    expect((await post(h, {})).status).toBe(201);
    // The address as a whole still stops a flood of made-up devices.
    let filed = PUBLIC_FILINGS_PER_DEVICE_10_MIN + 2;
    let status = 201;
    for (let i = 0; status === 201 && i < PUBLIC_FILINGS_PER_10_MIN; i++) {
      status = (await device(`x${i}`)).status;
      if (status === 201) filed++;
    }
    expect(status).toBe(429);
    expect(filed).toBe(PUBLIC_FILINGS_PER_10_MIN);
  });
});
