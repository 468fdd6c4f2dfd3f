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

  it('the register’s own event, as the hub logs it, keeps the complaint and drops its filer', () => {
    const filed = {
      type: 'complaint:filed',
      at: '2026-11-25T03:00:00.000Z',
      by: 'public',
      byRole: 'public',
      complaintId: 'c-1',
      code: 'K7M2P9QX4R',
      registerYear: 2026,
      registerSeq: 1,
      channel: 'website',
      channelRef: null,
      name: 'Siti Aminah',
      occupation: 'Wiraswasta',
      address: 'Jl. Adisucipto No. 7',
      contact: '0812-5555-0101',
      text: 'KTP-el belum jadi.',
      agencyId: 'disdukcapil',
      ticketRef: null,
      ticketId: null,
      ticketNumber: null,
      category: 'normatif',
      deadlineAt: '2026-12-02T17:00:00.000Z',
      deadlineDay: '2026-12-02',
    };
    const sent = redactForCentral('complaint:filed', filed);
    for (const key of ['name', 'occupation', 'address', 'contact']) expect(sent).not.toHaveProperty(key);
    expect(sent).toMatchObject({
      complaintId: 'c-1',
      category: 'normatif',
      agencyId: 'disdukcapil',
      by: 'public',
    });
  });

  it('a complaint row carried over from before the one log loses its filer; other tables keep their names', () => {
    const row = {
      id: 'c-1',
      code: 'K7M2P9QX4R',
      name: 'Siti Aminah',
      occupation: 'Guru',
      address: 'Jl. A 1',
    };
    const complaint = {
      type: 'legacy:row-imported',
      table: 'complaints',
      row: { ...row, contact: '0812' },
      at: 'x',
    };
    expect(redactForCentral('legacy:row-imported', complaint)).toEqual({
      type: 'legacy:row-imported',
      table: 'complaints',
      row: { id: 'c-1', code: 'K7M2P9QX4R' },
      at: 'x',
    });
    const holiday = {
      type: 'legacy:row-imported',
      table: 'holidays',
      row: { date: '2026-12-25', name: 'Natal' },
    };
    expect(redactForCentral('legacy:row-imported', holiday)).toEqual(holiday);
    const device = {
      type: 'legacy:row-imported',
      table: 'devices',
      row: { id: 'kiosk-1', token_sha256: 'ab' },
    };
    expect(redactForCentral('legacy:row-imported', device)).toEqual({ ...device, row: { id: 'kiosk-1' } });
    expect(redactForCentral('device:registered', { deviceId: 'kiosk-1', tokenSha256: 'ab' })).toEqual({
      deviceId: 'kiosk-1',
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

  it('a mobile unit’s visit-register entry travels without the visitor’s name, NIK or phone', () => {
    const entry = {
      type: 'visit:registered',
      visitId: 'v-1',
      entryId: 'e-1',
      orderNumber: 7,
      name: 'Siti Aminah',
      nik: '3579014509870001',
      phone: '081234567890',
      businessName: 'Keripik Apel Siti',
      riskClass: 'menengah_rendah',
      purpose: 'permit',
      outcome: 'completed',
    };
    expect(redactForCentral('visit:registered', entry)).toEqual({
      type: 'visit:registered',
      visitId: 'v-1',
      entryId: 'e-1',
      orderNumber: 7,
      businessName: 'Keripik Apel Siti',
      riskClass: 'menengah_rendah',
      purpose: 'permit',
      outcome: 'completed',
    });
  });
});
