import type { NetworkInterfaceInfo } from 'node:os';
import { describe, expect, it } from 'vitest';
import { isUnreachableHost, resolvePublicAddress } from './public-address.ts';

const lan = (address: string, internal = false): NetworkInterfaceInfo => ({
  address,
  netmask: '255.255.255.0',
  family: 'IPv4',
  mac: '00:00:00:00:00:00',
  internal,
  cidr: null,
});
const HALL_PC = { lo: [lan('127.0.0.1', true)], eth0: [lan('169.254.3.4'), lan('192.168.10.23')] };

describe('the public address in the ticket QR', () => {
  it('never takes loopback or wildcard addresses for reachable ones', () => {
    for (const host of ['127.0.0.1', '127.8.0.1', 'localhost', '0.0.0.0', '::', '[::1]', '::1'])
      expect(isUnreachableHost(host)).toBe(true);
    for (const host of ['192.168.10.23', 'antrean.mpp.go.id', '10.0.0.2'])
      expect(isUnreachableHost(host)).toBe(false);
  });

  it('uses a reachable configured address as given, without warning', () => {
    const address = resolvePublicAddress({
      configured: 'https://antrean.mpp-kuburaya.go.id/',
      host: '0.0.0.0',
      port: 8080,
      demo: false,
    });
    expect(address).toEqual({ baseUrl: 'https://antrean.mpp-kuburaya.go.id', warning: null });
  });

  it('refuses a loopback or wildcard address on a real site: no QR, and a warning', () => {
    for (const configured of ['http://127.0.0.1:8080', 'http://0.0.0.0:8080', undefined]) {
      const address = resolvePublicAddress({ configured, host: '127.0.0.1', port: 8080, demo: false });
      expect(address.baseUrl).toBeNull();
      expect(address.warning?.id).toMatch(/tanpa kode QR/);
    }
  });

  it('with HOST=0.0.0.0 and nothing set, takes the first LAN address and still warns', () => {
    for (const demo of [true, false]) {
      const address = resolvePublicAddress({
        configured: undefined,
        host: '0.0.0.0',
        port: 8080,
        demo,
        interfaces: HALL_PC,
      });
      expect(address.baseUrl).toBe('http://192.168.10.23:8080');
      expect(address.warning?.en).toMatch(/not set.*192\.168\.10\.23/);
    }
  });

  it('the demo on loopback prints a QR for this PC only, and says so', () => {
    const address = resolvePublicAddress({
      configured: undefined,
      host: '127.0.0.1',
      port: 8080,
      demo: true,
    });
    expect(address.baseUrl).toBe('http://127.0.0.1:8080');
    expect(address.warning?.en).toMatch(/this PC only.*HOST=0\.0\.0\.0/);
  });
});
