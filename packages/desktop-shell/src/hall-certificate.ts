import { z } from 'zod';

/**
 * The hall's hub serves HTTPS with a certificate the hall made itself (README, "HTTPS on the hall network"): no
 * public authority signed it, so Chromium would refuse it. A shell trusts exactly that certificate, by the SHA-256
 * fingerprint of its DER bytes written in its config, and only for the hub's host name: every other site and any
 * other certificate for the hub's name keep Chromium's own verdict. A stolen hall Wi-Fi cannot swap in its own.
 *
 * Written either as OpenSSL prints it (`openssl x509 -noout -fingerprint -sha256`: `AB:CD:…`, 32 bytes) or as
 * Electron shows it (`sha256/<base64>`).
 */
export function fingerprintHex(text: string): string | null {
  const trimmed = text.trim();
  if (trimmed.startsWith('sha256/')) {
    const bytes = Buffer.from(trimmed.slice('sha256/'.length), 'base64');
    return bytes.length === 32 ? bytes.toString('hex') : null;
  }
  const hex = trimmed
    .replace(/^sha256\s*fingerprint\s*=\s*/i, '')
    .replace(/:/g, '')
    .toLowerCase();
  return /^[0-9a-f]{64}$/.test(hex) ? hex : null;
}

/** The config field: a fingerprint in either form, kept as lowercase hex. */
export const HubCertificate = z.string().transform((value, ctx) => {
  const hex = fingerprintHex(value);
  if (hex === null) {
    ctx.addIssue({ code: 'custom', message: 'expected a SHA-256 fingerprint (AB:CD:… or sha256/…)' });
    return z.NEVER;
  }
  return hex;
});

/** What Electron's `setCertificateVerifyProc` hands over, and the verdicts it takes. */
export interface CertificateCheck {
  readonly hostname: string;
  readonly certificate: { readonly fingerprint: string };
}
export const ACCEPT = 0;
/** Chromium's own verification decides. */
export const CHROMIUM_DECIDES = -3;

export interface VerifyingSession {
  setCertificateVerifyProc(
    proc: (request: CertificateCheck, callback: (verdict: number) => void) => void,
  ): void;
}

export function certificateVerdict(request: CertificateCheck, hubHost: string, expectedHex: string): number {
  const hubs = request.hostname === hubHost;
  return hubs && fingerprintHex(request.certificate.fingerprint) === expectedHex ? ACCEPT : CHROMIUM_DECIDES;
}

/** Installs the rule on the window's session; without a fingerprint in the config nothing changes. */
export function trustHallCertificate(session: VerifyingSession, hubUrl: string, expectedHex?: string): void {
  if (expectedHex === undefined) return;
  const hubHost = new URL(hubUrl).hostname.replace(/^\[|\]$/g, '');
  session.setCertificateVerifyProc((request, callback) => {
    callback(certificateVerdict(request, hubHost, expectedHex));
  });
}
