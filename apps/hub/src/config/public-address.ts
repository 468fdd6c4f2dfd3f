import { networkInterfaces, type NetworkInterfaceInfo } from 'node:os';

/** Where the ticket's QR code sends a phone, and what MOD must be told about it. */
export interface PublicAddress {
  /** Base of `/t/<code>`; null when no address a phone can reach is known: the ticket prints without QR. */
  readonly baseUrl: string | null;
  /** Why the address needs the installer's attention (Indonesian, English), or null when it is set and reachable. */
  readonly warning: { readonly id: string; readonly en: string } | null;
}

export interface PublicAddressInput {
  /** `PUBLIC_URL` or the site file's `publicUrl`. */
  readonly configured: string | undefined;
  /** The address the hub binds. */
  readonly host: string;
  readonly port: number;
  readonly demo: boolean;
  /** `https` when the hub serves TLS; `http` by default. */
  readonly scheme?: 'http' | 'https';
  /** The PC's interfaces (os.networkInterfaces()); passed in so tests choose them. */
  readonly interfaces?: NodeJS.Dict<NetworkInterfaceInfo[]>;
}

const WILDCARDS = new Set(['0.0.0.0', '::', '[::]', '']);

/** A phone can never reach these: they mean "this PC" (loopback) or "every address of this PC" (wildcard). */
export function isUnreachableHost(hostname: string): boolean {
  const host = hostname.replace(/^\[|\]$/g, '').toLowerCase();
  return WILDCARDS.has(host) || host === 'localhost' || host === '::1' || /^127\./.test(host);
}

function hostOf(url: string): string {
  try {
    return new URL(url).hostname;
  } catch {
    return '';
  }
}

/** The PC's first IPv4 LAN address (not loopback, not link-local), the one phones on the hall's Wi-Fi reach. */
export function firstLanAddress(interfaces: NodeJS.Dict<NetworkInterfaceInfo[]>): string | null {
  for (const list of Object.values(interfaces)) {
    for (const info of list ?? []) {
      if (info.family === 'IPv4' && !info.internal && !info.address.startsWith('169.254.'))
        return info.address;
    }
  }
  return null;
}

const NOT_SET = {
  id: 'Alamat publik (PUBLIC_URL / publicUrl) belum diatur',
  en: 'The public address (PUBLIC_URL / publicUrl) is not set',
};

function warn(id: string, en: string) {
  return { id: `${NOT_SET.id}: ${id}`, en: `${NOT_SET.en}: ${en}` };
}

/**
 * The QR's address: the configured one when a phone can reach it; else, when the hub listens on every address or a
 * LAN address, that LAN address (with a warning, since a DHCP lease may change it); else only on the demo the hub's
 * own address (the QR then works on this PC alone), and on a real site none.
 */
export function resolvePublicAddress(input: PublicAddressInput): PublicAddress {
  const configured = input.configured?.trim();
  if (configured) {
    if (!isUnreachableHost(hostOf(configured)))
      return { baseUrl: configured.replace(/\/$/, ''), warning: null };
    if (!input.demo) {
      return {
        baseUrl: null,
        warning: {
          id: `Alamat publik ${configured} tidak dapat dibuka dari ponsel; tiket dicetak tanpa kode QR`,
          en: `The public address ${configured} cannot be reached from a phone; tickets print without a QR code`,
        },
      };
    }
  }
  const host = input.host.replace(/^\[|\]$/g, '');
  const lan = WILDCARDS.has(host) ? firstLanAddress(input.interfaces ?? networkInterfaces()) : host;
  if (lan && !isUnreachableHost(lan)) {
    const address = lan.includes(':') ? `[${lan}]` : lan;
    return {
      baseUrl: `${input.scheme ?? 'http'}://${address}:${input.port}`,
      warning: warn(
        `kode QR memakai alamat jaringan ${address}, yang dapat berubah`,
        `the QR code uses the network address ${address}, which may change`,
      ),
    };
  }
  if (input.demo) {
    return {
      baseUrl: `${input.scheme ?? 'http'}://127.0.0.1:${input.port}`,
      warning: warn(
        'kode QR hanya terbuka di PC ini (jalankan dengan HOST=0.0.0.0 untuk ponsel)',
        'the QR code opens on this PC only (run with HOST=0.0.0.0 for phones)',
      ),
    };
  }
  return {
    baseUrl: null,
    warning: warn('tiket dicetak tanpa kode QR', 'tickets print without a QR code'),
  };
}
