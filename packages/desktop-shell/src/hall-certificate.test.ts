import { createHash, X509Certificate } from 'node:crypto';
import { describe, expect, it, vi } from 'vitest';
import { makeSelfSigned } from '../../../tests/support/self-signed.ts';
import {
  ACCEPT,
  CHROMIUM_DECIDES,
  fingerprintHex,
  HubCertificate,
  trustHallCertificate,
  type CertificateCheck,
} from './hall-certificate.ts';

const cert = new X509Certificate(makeSelfSigned('hub.mpp.local').cert);
const other = new X509Certificate(makeSelfSigned('hub.mpp.local').cert);
/** What Electron hands a verify proc: `sha256/` and the base64 of the DER's SHA-256. */
const electronForm = (c: X509Certificate) => `sha256/${createHash('sha256').update(c.raw).digest('base64')}`;

function installedProc(fingerprint: string) {
  const setCertificateVerifyProc = vi.fn();
  const expected = HubCertificate.parse(fingerprint);
  trustHallCertificate({ setCertificateVerifyProc }, 'https://hub.mpp.local:8443', expected);
  const proc = setCertificateVerifyProc.mock.calls[0]?.[0] as (
    request: CertificateCheck,
    callback: (verdict: number) => void,
  ) => void;
  return (hostname: string, certificate: X509Certificate): number => {
    let verdict = Number.NaN;
    proc({ hostname, certificate: { fingerprint: electronForm(certificate) } }, (v) => (verdict = v));
    return verdict;
  };
}

describe('trusting the hall hub certificate by fingerprint', () => {
  it('reads the fingerprint as openssl prints it and as Electron shows it, to the same value', () => {
    expect(fingerprintHex(cert.fingerprint256)).toBe(fingerprintHex(electronForm(cert)));
    expect(fingerprintHex(`sha256 Fingerprint=${cert.fingerprint256}`)).toBe(
      fingerprintHex(electronForm(cert)),
    );
    expect(HubCertificate.safeParse('AB:CD').success).toBe(false);
  });

  it('accepts exactly that certificate for the hub’s host, and leaves everything else to Chromium', () => {
    const verdict = installedProc(cert.fingerprint256);
    expect(verdict('hub.mpp.local', cert)).toBe(ACCEPT);
    // Another self-made certificate for the same name (someone on the hall Wi-Fi): Chromium refuses it.
    expect(verdict('hub.mpp.local', other)).toBe(CHROMIUM_DECIDES);
    // The hall's certificate shown by another host is not the hub.
    expect(verdict('evil.example', cert)).toBe(CHROMIUM_DECIDES);
  });

  it('changes nothing without a fingerprint in the config', () => {
    const setCertificateVerifyProc = vi.fn();
    trustHallCertificate({ setCertificateVerifyProc }, 'https://hub.mpp.local:8443', undefined);
    expect(setCertificateVerifyProc).not.toHaveBeenCalled();
  });
});
