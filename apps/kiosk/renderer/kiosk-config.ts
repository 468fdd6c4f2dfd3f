import { KIOSK_BRIDGE_KEY, type KioskBridge, type KioskConfig } from '@giliran/ui';
import { takeTokenFromAddress } from '@giliran/ui/device-pairing';

export const TOKEN_STORAGE = 'giliran.kiosk.token';

export function bridge(): KioskBridge | undefined {
  return (window as unknown as Record<string, KioskBridge | undefined>)[KIOSK_BRIDGE_KEY];
}

/**
 * In Electron the preload supplies the configuration. In a plain browser the hub that served the page is the hub,
 * and the device token is the one this browser got by pairing (or, in the demo, from `?token=`, which is then
 * removed from the address bar); null sends the page to its pairing form.
 */
export async function loadKioskConfig(): Promise<KioskConfig | null> {
  const electron = bridge();
  if (electron) return electron.getConfig();
  const params = new URLSearchParams(location.search);
  const token = takeTokenFromAddress(TOKEN_STORAGE);
  if (!token) return null;
  const lang = params.get('lang') === 'en' ? 'en' : 'id';
  const paperWidth = params.get('paper') === '58' ? 58 : 80;
  return { hubUrl: location.origin, deviceToken: token, language: lang, paperWidth };
}
