import type { Lang } from '@giliran/ui';
import type { Zone } from './zone.ts';

export const TOKEN_STORAGE = 'giliran.display.token';

export interface DisplayConfig {
  readonly hubUrl: string;
  readonly token: string;
  readonly lang: Lang;
  readonly zone: Zone;
}

function list(value: string | null): string[] {
  return (value ?? '')
    .split(',')
    .map((part) => part.trim())
    .filter((part) => part !== '');
}

/**
 * The token this TV got by pairing (main.tsx first takes the demo's `?token=` into storage and out of the address);
 * `?agencies=` and `?counters=` narrow the screen to a zone.
 */
export function loadDisplayConfig(
  location: { origin: string; search: string },
  storage: Pick<Storage, 'getItem' | 'setItem'>,
): DisplayConfig | null {
  const params = new URLSearchParams(location.search);
  const token = params.get('token') ?? storage.getItem(TOKEN_STORAGE);
  if (!token) return null;
  storage.setItem(TOKEN_STORAGE, token);
  return {
    hubUrl: location.origin,
    token,
    lang: params.get('lang') === 'en' ? 'en' : 'id',
    zone: { agencyIds: list(params.get('agencies')), counterIds: list(params.get('counters')) },
  };
}
