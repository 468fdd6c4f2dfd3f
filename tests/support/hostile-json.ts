import fc from 'fast-check';

/**
 * Hostile JSON for the fuzz tests, generated as text so that what JavaScript cannot hold in a value still reaches
 * the hub: `__proto__` as an own key, number literals beyond a double (1e309, 30-digit integers), escaped lone
 * surrogates, the same key twice, nesting thousands deep.
 */

/** Keys that have bitten JavaScript servers, plus the hub's own field names in the wrong places. */
export const HOSTILE_KEYS = [
  '__proto__',
  'constructor',
  'prototype',
  'toString',
  'valueOf',
  'hasOwnProperty',
  '__defineGetter__',
  '$where',
  '$gt',
  '',
  ' ',
  '\u0000',
  'ticketId\u200b',
  'İd',
  '🙂',
  'idempotencyKey',
  'counterId',
  'ticketId',
  'serviceId',
  'role',
  'admin',
  'by',
  'now',
] as const;

/** Number literals as they appear in the text: JSON.parse turns some into Infinity, -0 or a rounded value. */
const NUMBER_LITERALS = [
  '0',
  '-0',
  '1',
  '-1',
  '0.5',
  '1e309',
  '-1e309',
  '1e-400',
  '9007199254740993',
  '123456789012345678901234567890',
  '-9223372036854775808',
  '4.9e-324',
  '1E2',
  '600',
  '601',
  '2031',
] as const;

/** Strings that look like numbers, dates, ids or attacks, and the hub's own valid words. */
const NASTY_STRINGS = [
  'NaN',
  'Infinity',
  '-Infinity',
  '1e309',
  '0x10',
  ' 42 ',
  '',
  ' ',
  '\u0000',
  '\ud800',
  '\udfff',
  '\u202e',
  '<script>alert(1)</script>',
  "' OR 1=1 --",
  '../../etc/passwd',
  '%00',
  '\r\n',
  'null',
  'true',
  '{}',
  '[]',
  '2025-03-10',
  '2025-02-30',
  '0000-01-01',
  '9999-12-31',
  '24:00',
  '25:61',
  'ktp-el',
  'KTP-EL',
  'kk',
  'loket-1',
  'loket-99',
  'A001',
  'Ａ００１',
  'admin',
  'mod',
  'lansia',
  'ringan',
  'verified',
  'answered',
  'libur_nasional',
  'disdukcapil',
] as const;

/** A JSON string literal; JSON.stringify escapes lone surrogates as \udXXX, so they arrive as escapes. */
const stringLiteral = (s: string): string => JSON.stringify(s);

export interface HostileOptions {
  /** Longest plain string generated (a string above 16 KB makes the body too large). */
  readonly maxHugeString: number;
  /** Deepest nesting generated as text. */
  readonly maxNesting: number;
}

/** One JSON value as text: scalars, arrays, objects with hostile keys, huge strings and deep nesting. */
export function jsonValueText(options: HostileOptions): fc.Arbitrary<string> {
  const key = fc.oneof(
    { weight: 3, arbitrary: fc.constantFrom(...HOSTILE_KEYS) },
    { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 12 }) },
  );
  const scalar = fc.oneof(
    fc.constantFrom('null', 'true', 'false'),
    fc.constantFrom(...NUMBER_LITERALS),
    fc.double().map((n) => JSON.stringify(n)),
    fc.integer().map(String),
    fc.constantFrom(...NASTY_STRINGS).map(stringLiteral),
    fc.string({ unit: 'binary', maxLength: 40 }).map(stringLiteral),
    fc.string({ unit: 'grapheme', maxLength: 40 }).map(stringLiteral),
  );
  const huge = fc
    .tuple(fc.integer({ min: 65, max: options.maxHugeString }), fc.constantFrom('x', 'é', '9', '🙂'))
    .map(([n, c]) => stringLiteral(c.repeat(Math.ceil(n / c.length))));
  const nested = fc
    .tuple(fc.integer({ min: 30, max: options.maxNesting }), fc.boolean())
    .map(([depth, arrays]) =>
      arrays ? `${'['.repeat(depth)}${']'.repeat(depth)}` : `${'{"a":'.repeat(depth)}1${'}'.repeat(depth)}`,
    );
  const tree = fc.letrec<{ value: string; array: string; object: string }>((tie) => ({
    value: fc.oneof({ depthSize: 'small', maxDepth: 4 }, scalar, tie('array'), tie('object')),
    array: fc.array(tie('value'), { maxLength: 5 }).map((items) => `[${items.join(',')}]`),
    object: fc
      .array(fc.tuple(key, tie('value')), { maxLength: 6 })
      .map((entries) => objectText(entries.map(([k, v]) => [k, v]))),
  })).value;
  return fc.oneof(
    { weight: 6, arbitrary: tree },
    { weight: 1, arbitrary: huge },
    { weight: 1, arbitrary: nested },
  );
}

/** An object as text from already-encoded values; keys may repeat, as JSON text allows. */
export function objectText(entries: readonly (readonly [string, string])[]): string {
  return `{${entries.map(([k, v]) => `${stringLiteral(k)}:${v}`).join(',')}}`;
}

/**
 * A body that is nearly right: a valid one with one value replaced by anything, one field dropped, one field
 * added (often a hostile key), a field repeated with another value, or the whole body wrapped in an array or
 * under `__proto__`; or anything at all.
 */
export function nearlyValidText(
  valid: Readonly<Record<string, unknown>>,
  options: HostileOptions,
): fc.Arbitrary<string> {
  const value = jsonValueText(options);
  const fields = Object.entries(valid).map(([k, v]): [string, string] => [k, JSON.stringify(v)]);
  const validText = objectText(fields);
  const extraKey = fc.oneof(fc.constantFrom(...HOSTILE_KEYS), fc.string({ unit: 'binary', maxLength: 12 }));
  const variants: fc.WeightedArbitrary<string>[] = [
    { weight: 2, arbitrary: value },
    { weight: 2, arbitrary: fc.tuple(extraKey, value).map(([k, v]) => objectText([...fields, [k, v]])) },
    {
      weight: 1,
      arbitrary: fc.constantFrom(
        `[${validText}]`,
        `{"__proto__":${validText}}`,
        `{"constructor":{"prototype":${validText}}}`,
      ),
    },
    // The valid body itself: with a bent path or key, it reaches the rules behind validation.
    { weight: 1, arbitrary: fc.constant(validText) },
  ];
  if (fields.length > 0) {
    const names = fields.map(([k]) => k);
    variants.push(
      {
        weight: 4,
        arbitrary: fc
          .tuple(fc.constantFrom(...names), value)
          .map(([name, v]) => objectText(fields.map(([k, old]) => [k, k === name ? v : old]))),
      },
      {
        weight: 2,
        arbitrary: fc.constantFrom(...names).map((name) => objectText(fields.filter(([k]) => k !== name))),
      },
      {
        weight: 1,
        arbitrary: fc
          .tuple(fc.constantFrom(...names), value)
          .map(([name, v]) => objectText([...fields, [name, v]])),
      },
    );
  }
  return fc.oneof(...variants);
}

/** A query string: the route's own parameter names and hostile ones, repeated, with nasty or random values. */
export function queryText(names: readonly string[]): fc.Arbitrary<string> {
  const name = fc.oneof(
    fc.constantFrom(...names, ...HOSTILE_KEYS.filter((k) => k !== '')),
    fc.string({ unit: 'grapheme-ascii', minLength: 1, maxLength: 8 }),
  );
  const value = fc.oneof(
    fc.constantFrom(...NASTY_STRINGS, '58', '80', '0', 'json', 'csv', 'xlsx', 'pdf', 'id', 'en', 'open'),
    fc.string({ unit: 'grapheme', maxLength: 30 }),
    fc.integer({ min: 65, max: 3000 }).map((n) => 'q'.repeat(n)),
  );
  const pair = fc.tuple(name, value, fc.boolean()).map(([k, v, brackets]) => {
    const encodedKey = encodeBytes(brackets ? `${k}[]` : k);
    return `${encodedKey}=${encodeBytes(v)}`;
  });
  const raw = fc.constantFrom('%', '%E0%A4%A', '=&=&', '&&&', 'a=%zz', '%00=%00', '?=?');
  return fc
    .array(fc.oneof({ weight: 5, arbitrary: pair }, { weight: 1, arbitrary: raw }), { maxLength: 6 })
    .map((parts) => (parts.length === 0 ? '' : `?${parts.join('&')}`));
}

/** Percent-encodes every byte but the unreserved ones (a lone surrogate goes as U+FFFD's bytes, never throws). */
export function encodeBytes(text: string): string {
  let out = '';
  for (const byte of Buffer.from(text, 'utf8')) {
    const c = String.fromCharCode(byte);
    out += /[A-Za-z0-9\-_.~]/.test(c) ? c : `%${byte.toString(16).toUpperCase().padStart(2, '0')}`;
  }
  return out;
}

/** A path parameter: mostly the valid one, sometimes anything (dots, slashes, unicode, 300 characters). */
export function pathParam(valid: string): fc.Arbitrary<string> {
  return fc.oneof(
    { weight: 4, arbitrary: fc.constant(valid) },
    {
      weight: 1,
      arbitrary: fc.oneof(
        // Not the demo's account names: a path naming one would let a valid body disable MOD mid-run.
        fc.constantFrom(
          ...NASTY_STRINGS.filter((s) => s !== 'admin' && s !== 'mod'),
          '.',
          '..',
          '%2e%2e',
          'a/b',
          '__proto__',
          'constructor',
          'x'.repeat(300),
        ),
        fc.string({ unit: 'binary', minLength: 1, maxLength: 20 }),
      ),
    },
  );
}
