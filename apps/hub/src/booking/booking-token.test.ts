import { generateKeyPairSync } from 'node:crypto';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { BookingSigner, type BookingClaims } from './booking-token.ts';

const claims: BookingClaims = {
  code: 'BK7QX2',
  serviceId: 'ktp',
  date: '2026-11-26',
  sessionId: 's1',
  start: '08:00',
  end: '10:00',
  name: 'Sari',
  locale: 'id',
  origin: 'demo',
  checkInUntil: '2026-11-26T01:15:00.000Z',
};
const before = '2026-11-26T00:40:00.000Z';
const dir = mkdtempSync(join(tmpdir(), 'booking-key-'));
afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

const codeOf = (fn: () => unknown): string => {
  try {
    fn();
    return 'accepted';
  } catch (error) {
    return (error as { code?: string }).code ?? String(error);
  }
};

describe('signed booking tokens', () => {
  const hub = BookingSigner.fromDataDir(dir);

  it('keeps the private key in the data folder, readable by the hub alone, and reuses it', () => {
    expect(statSync(join(dir, 'booking-ed25519.pem')).mode & 0o777).toBe(0o600);
    expect(BookingSigner.fromDataDir(dir).keyId).toBe(hub.keyId);
  });

  it('verifies its own token offline and gives back the booking', () => {
    expect(hub.verify(hub.sign(claims), before)).toEqual(claims);
  });

  it("accepts a token signed by a trusted server (central) and refuses one from a server it doesn't trust", () => {
    const central = new BookingSigner(generateKeyPairSync('ed25519').privateKey);
    const trusting = new BookingSigner(generateKeyPairSync('ed25519').privateKey, [central.publicKeyPem]);
    expect(trusting.verify(central.sign(claims), before).code).toBe('BK7QX2');
    expect(codeOf(() => hub.verify(central.sign(claims), before))).toBe('BOOKING_TOKEN_INVALID');
  });

  it('refuses an altered token, a forged signature, garbage and an expired token', () => {
    const token = hub.sign(claims);
    const [prefix, body, signature] = token.split('.');
    const altered = Buffer.from(
      Buffer.from(body ?? '', 'base64url')
        .toString()
        .replace('"s1"', '"s3"'),
    ).toString('base64url');
    expect(codeOf(() => hub.verify(`${prefix}.${altered}.${signature}`, before))).toBe(
      'BOOKING_TOKEN_INVALID',
    );
    const forged = Buffer.alloc(64, 7).toString('base64url');
    expect(codeOf(() => hub.verify(`${prefix}.${body}.${forged}`, before))).toBe('BOOKING_TOKEN_INVALID');
    for (const junk of ['', 'GB1.', 'GB1.a.b.c', 'hello', 'GB1.e30.AAAA'])
      expect(codeOf(() => hub.verify(junk, before))).toBe('BOOKING_TOKEN_INVALID');
    expect(codeOf(() => hub.verify(token, '2026-11-26T01:16:00.000Z'))).toBe('BOOKING_TOKEN_EXPIRED');
  });
});
