import { sha256, verifyPin } from '../auth/secrets.ts';
import type { SiteConfig } from './site-config.ts';

export const DEMO_PINS = ['1234'];
export const DEMO_DEVICE_TOKENS = ['demo-kiosk', 'demo-display'];

/** A real site must not go live with the published demo credentials: returns what still uses them. */
export async function demoCredentialsIn(site: SiteConfig): Promise<string[]> {
  const demoTokenHashes = new Set(DEMO_DEVICE_TOKENS.map(sha256));
  const devices = site.devices.filter((d) => demoTokenHashes.has(d.tokenSha256)).map((d) => `device ${d.id}`);
  const accounts = await Promise.all(
    site.accounts.map(async (a) => {
      for (const pin of DEMO_PINS) if (await verifyPin(pin, a.pinHash)) return `account ${a.username}`;
      return null;
    }),
  );
  return [...devices, ...accounts.filter((a): a is string => a !== null)];
}

/** A real site's PINs are at least this long: four digits fall to online guessing (issue 15). */
export const REAL_SITE_MIN_PIN_LENGTH = 6;

export async function assertNoDemoCredentials(site: SiteConfig): Promise<void> {
  if (site.demo) return;
  if (site.minPinLength < REAL_SITE_MIN_PIN_LENGTH) {
    throw new Error(
      `Site ${site.id} is not the demo but allows PINs of ${site.minPinLength} digits (minPinLength); ` +
        `a real site needs at least ${REAL_SITE_MIN_PIN_LENGTH}.`,
    );
  }
  const offenders = await demoCredentialsIn(site);
  if (offenders.length > 0) {
    throw new Error(
      `Site ${site.id} is not the demo but still uses demo PINs or tokens (${offenders.join(', ')}). ` +
        'Set new PINs with `npm run hash-pin` and new device tokens before starting.',
    );
  }
}
