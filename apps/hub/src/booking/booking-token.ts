import {
  createHash,
  createPrivateKey,
  createPublicKey,
  generateKeyPairSync,
  sign,
  verify,
  type KeyObject,
} from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { BookingRuleError, type BookingLocale } from '@giliran/domain';
import { z } from 'zod';

/*
 * The booking QR carries a token signed (Ed25519) by the server that took the booking: a hall's hub checks it with
 * no network, from the public keys it trusts (its own, and the central server's from the site file). Forged or
 * altered tokens fail the signature; an expired one is past its check-in window; a used one is refused by the
 * booking's own status.
 */

const PRIVATE_FILE = 'booking-ed25519.pem';
/** Every token starts with this, so the kiosk tells a scanned QR from a typed booking code. */
export const TOKEN_PREFIX = 'GB1.';

const Claims = z.object({
  k: z.string(),
  c: z.string(),
  s: z.string(),
  d: z.string(),
  i: z.string(),
  a: z.string(),
  b: z.string(),
  n: z.string(),
  l: z.enum(['id', 'en']),
  o: z.string(),
  /** Check-in closes: the token is worth nothing after. */
  x: z.string(),
});

/** What a token says: enough to check a booking in at a hub that has never heard of it. */
export interface BookingClaims {
  readonly code: string;
  readonly serviceId: string;
  readonly date: string;
  readonly sessionId: string;
  readonly start: string;
  readonly end: string;
  readonly name: string;
  readonly locale: BookingLocale;
  readonly origin: string;
  readonly checkInUntil: string;
}

/** A public key's short id: the first 8 bytes of the SHA-256 of its DER form, hex. */
export function keyId(publicKey: KeyObject): string {
  return createHash('sha256')
    .update(publicKey.export({ type: 'spki', format: 'der' }))
    .digest('hex')
    .slice(0, 16);
}

export class BookingSigner {
  private readonly trusted = new Map<string, KeyObject>();
  readonly keyId: string;
  readonly publicKeyPem: string;

  /** `trustedPem`: other servers' public keys (PEM), e.g. the region's central server. */
  constructor(
    private readonly privateKey: KeyObject,
    trustedPem: readonly string[] = [],
  ) {
    const publicKey = createPublicKey(privateKey);
    this.keyId = keyId(publicKey);
    this.publicKeyPem = publicKey.export({ type: 'spki', format: 'pem' }).toString();
    this.trusted.set(this.keyId, publicKey);
    for (const pem of trustedPem) {
      const key = createPublicKey(pem);
      this.trusted.set(keyId(key), key);
    }
  }

  /** The hub's key in its data folder (0600), made on first use. */
  static fromDataDir(dataDir: string, trustedPem: readonly string[] = []): BookingSigner {
    const file = join(dataDir, PRIVATE_FILE);
    if (!existsSync(file)) {
      const { privateKey } = generateKeyPairSync('ed25519');
      writeFileSync(file, privateKey.export({ type: 'pkcs8', format: 'pem' }), { mode: 0o600, flag: 'wx' });
    }
    return new BookingSigner(createPrivateKey(readFileSync(file)), trustedPem);
  }

  sign(claims: BookingClaims): string {
    const body = Buffer.from(
      JSON.stringify({
        k: this.keyId,
        c: claims.code,
        s: claims.serviceId,
        d: claims.date,
        i: claims.sessionId,
        a: claims.start,
        b: claims.end,
        n: claims.name,
        l: claims.locale,
        o: claims.origin,
        x: claims.checkInUntil,
      }),
    ).toString('base64url');
    const signature = sign(null, Buffer.from(body), this.privateKey).toString('base64url');
    return `${TOKEN_PREFIX}${body}.${signature}`;
  }

  /** The claims of a genuine token still within its window; a coded refusal otherwise. */
  verify(token: string, now: string): BookingClaims {
    const [body, signature, extra] = token.startsWith(TOKEN_PREFIX)
      ? token.slice(TOKEN_PREFIX.length).split('.')
      : [];
    if (!body || !signature || extra !== undefined) throw new BookingRuleError('BOOKING_TOKEN_INVALID');
    const claims = Claims.safeParse(parseJson(Buffer.from(body, 'base64url').toString('utf8')));
    const key = claims.success ? this.trusted.get(claims.data.k) : undefined;
    if (!claims.success || !key || !verify(null, Buffer.from(body), key, Buffer.from(signature, 'base64url')))
      throw new BookingRuleError('BOOKING_TOKEN_INVALID');
    const c = claims.data;
    if (c.x < now) throw new BookingRuleError('BOOKING_TOKEN_EXPIRED');
    return {
      code: c.c,
      serviceId: c.s,
      date: c.d,
      sessionId: c.i,
      start: c.a,
      end: c.b,
      name: c.n,
      locale: c.l,
      origin: c.o,
      checkInUntil: c.x,
    };
  }
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}
