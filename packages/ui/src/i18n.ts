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

export function translator<K extends string>(dictionary: Dictionary<K>, lang: Lang) {
  return (key: K, vars: Readonly<Record<string, string | number>> = {}): string =>
    pick(dictionary[key], lang).replace(/\{(\w+)\}/g, (_, name: string) => String(vars[name] ?? `{${name}}`));
}
