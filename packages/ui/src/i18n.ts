export type Lang = 'id' | 'en';

export interface Localized {
  readonly id: string;
  readonly en: string;
}

/** Indonesian first: a missing English text falls back to the Indonesian one. */
export function pick(text: Localized, lang: Lang): string {
  return lang === 'en' && text.en ? text.en : text.id;
}

/** A page's dictionary: every key has both languages, checked by the compiler. */
export type Dictionary<K extends string> = Readonly<Record<K, Localized>>;

/**
 * `{n:service|services}` picks the singular when `n` is 1 and the plural otherwise: English counts its nouns ("1
 * service", "2 services"), Indonesian does not ("1 layanan", "2 layanan"), so only English texts need it.
 */
const PLURAL = /\{(\w+):([^|{}]*)\|([^{}]*)\}/g;

export function fill(text: string, vars: Readonly<Record<string, string | number>>): string {
  return text
    .replace(PLURAL, (_, name: string, one: string, other: string) =>
      Number(vars[name]) === 1 ? one : other,
    )
    .replace(/\{(\w+)\}/g, (_, name: string) => String(vars[name] ?? `{${name}}`));
}

export function translator<K extends string>(dictionary: Dictionary<K>, lang: Lang) {
  return (key: K, vars: Readonly<Record<string, string | number>> = {}): string =>
    fill(pick(dictionary[key], lang), vars);
}
