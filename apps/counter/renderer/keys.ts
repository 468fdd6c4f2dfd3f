import type { CounterAction } from '@giliran/ui';

/** The page's own keys (Indonesian mnemonics), the same in either language so hands learn them once. */
export const PAGE_KEYS: Readonly<Record<CounterAction, string>> = {
  'call-next': 'N',
  recall: 'U',
  step: 'M',
  finish: 'S',
  'no-show': 'T',
  transfer: 'A',
  'call-specific': 'K',
  pause: 'J',
  resume: 'L',
};

const BY_KEY = new Map(Object.entries(PAGE_KEYS).map(([action, key]) => [key, action as CounterAction]));

/** The action a key press asks for; none while typing in a field, or with a modifier held (browser shortcuts). */
export function actionForKey(event: KeyboardEvent): CounterAction | null {
  if (event.ctrlKey || event.metaKey || event.altKey || event.repeat) return null;
  const target = event.target as HTMLElement | null;
  if (target && (target.isContentEditable || ['INPUT', 'SELECT', 'TEXTAREA'].includes(target.tagName)))
    return null;
  return BY_KEY.get(event.key.toUpperCase()) ?? null;
}
