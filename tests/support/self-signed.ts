import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface SelfSigned {
  readonly certFile: string;
  readonly keyFile: string;
  readonly cert: string;
  readonly key: string;
}

/**
 * A certificate and key for `host` made the way the README tells a hall to make theirs (openssl, EC P-256,
 * subjectAltName for the name and 127.0.0.1), in a fresh temporary folder.
 */
export function makeSelfSigned(host = 'localhost'): SelfSigned {
  const dir = mkdtempSync(join(tmpdir(), 'giliran-cert-'));
  const certFile = join(dir, 'hub.crt');
  const keyFile = join(dir, 'hub.key');
  execFileSync(
    'openssl',
    [
      'req',
      '-x509',
      '-newkey',
      'ec',
      '-pkeyopt',
      'ec_paramgen_curve:prime256v1',
      '-nodes',
      '-days',
      '30',
      '-subj',
      `/CN=${host}`,
      '-addext',
      `subjectAltName=DNS:${host},IP:127.0.0.1`,
      '-keyout',
      keyFile,
      '-out',
      certFile,
    ],
    { stdio: 'ignore' },
  );
  return { certFile, keyFile, cert: readFileSync(certFile, 'utf8'), key: readFileSync(keyFile, 'utf8') };
}
