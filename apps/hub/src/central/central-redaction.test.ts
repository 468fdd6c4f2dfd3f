import { describe, expect, it } from 'vitest';
import { redactForCentral } from './central-redaction.ts';

describe('what leaves the hub for central', () => {
  it('a complaint travels without who filed it and how to reach them', () => {
    const payload = {
      complaintId: 'c-1',
      channel: 'website',
      category: 'ringan',
      agencyId: 'disdukcapil',
      name: 'Siti Aminah',
      occupation: 'Pedagang',
      address: 'Jl. Adisucipto 1',
      contact: '0812-3456-7890',
      nik: '6112010101800001',
      text: 'Antrean lama.',
    };
    expect(redactForCentral('complaint:filed', payload)).toEqual({
      complaintId: 'c-1',
      channel: 'website',
      category: 'ringan',
      agencyId: 'disdukcapil',
      text: 'Antrean lama.',
    });
  });

  it('NIK, phone numbers, e-mail and PINs are dropped at any depth, from any event', () => {
    const payload = {
      account: { username: 'loket1', name: 'Budi', pinHash: 'scrypt$…', phone: '0812' },
      list: [{ nik: '6112', email: 'a@b.id', ok: 1 }],
    };
    expect(redactForCentral('account:created', payload)).toEqual({
      account: { username: 'loket1', name: 'Budi' },
      list: [{ ok: 1 }],
    });
  });

  it('queue events travel whole: central counts per officer, service and counter', () => {
    const called = {
      type: 'ticket:called',
      ticketId: 't-1',
      counterId: 'loket-1',
      via: 'next',
      by: 'loket1',
    };
    expect(redactForCentral('ticket:called', called)).toEqual(called);
  });
});
