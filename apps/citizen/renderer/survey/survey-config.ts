import { KIOSK_BRIDGE_KEY, type KioskBridge, type Lang } from '@giliran/ui';
import { takeTokenFromAddress } from '@giliran/ui/device-pairing';

const TOKEN_STORAGE = 'giliran.survey.token';
/** Where /kiosk keeps the token it paired for (kiosk-config.ts). */
const KIOSK_TOKEN_STORAGE = 'giliran.kiosk.token';

/**
 * Two ways in. A kiosk or counter-side tablet carries a kiosk device token (the Electron kiosk's own, or `?token=`
 * once, remembered on that machine): the citizen may type the ticket code or take the survey without a ticket.
 * Anyone else is the public (a phone from the ticket's QR): no token, the ticket's code in `?ticket=`.
 */
export interface SurveyConfig {
  readonly hubUrl: string;
  readonly deviceToken: string | null;
  readonly language: Lang;
  /** The ticket code the page was opened with. */
  readonly ticket: string | null;
}

function bridge(): KioskBridge | undefined {
  return (window as unknown as Record<string, KioskBridge | undefined>)[KIOSK_BRIDGE_KEY];
}

export async function loadSurveyConfig(): Promise<SurveyConfig> {
  const params = new URLSearchParams(location.search);
  const ticket = params.get('ticket');
  const asked: Lang | null = params.get('lang') === 'en' ? 'en' : params.get('lang') === 'id' ? 'id' : null;
  const electron = bridge();
  if (electron) {
    const config = await electron.getConfig();
    return {
      hubUrl: config.hubUrl,
      deviceToken: config.deviceToken,
      language: asked ?? config.language,
      ticket,
    };
  }
  // A kiosk-role device's token: the demo's `?token=` (taken out of the address bar), or the one this browser got
  // by pairing on /kiosk: a counter-side tablet is paired once there and then opens /survey.
  const token = takeTokenFromAddress(TOKEN_STORAGE) ?? localStorage.getItem(KIOSK_TOKEN_STORAGE);
  return { hubUrl: location.origin, deviceToken: token, language: asked ?? 'id', ticket };
}

/**
 * What was typed or scanned, as the hub wants it: a QR scanner types the whole status link (`…/t/AB12CD34EF`) or a
 * survey link (`…/survey?ticket=…`); people type "a 012". Letters and digits only, upper case.
 */
export function ticketRefFrom(input: string): string {
  const text = input.trim();
  const fromPath = /\/t\/([A-Za-z0-9]+)/.exec(text);
  const fromQuery = /[?&]ticket=([A-Za-z0-9]+)/.exec(text);
  const raw = fromPath?.[1] ?? fromQuery?.[1] ?? text;
  return raw.replace(/[^A-Za-z0-9]/g, '').toUpperCase();
}
