// Thermal printers start in a single-byte code page that differs between models (PC437, PC858, even GB18030 on
// cheap clones), so only 7-bit ASCII prints the same everywhere. Indonesian needs nothing else.
const TRANSLITERATIONS: Readonly<Record<string, string>> = {
  '·': '-',
  '•': '-',
  '–': '-',
  '—': '-',
  '−': '-',
  '±': '+/-',
  '×': 'x',
  '‘': "'",
  '’': "'",
  '“': '"',
  '”': '"',
  '…': '...',
  '€': 'EUR',
  '\u00a0': ' ',
};

/** Text as the printer (and its preview) will show it: ASCII only, accents dropped, the rest replaced by `?`. */
export function toPrintableAscii(text: string): string {
  let out = '';
  for (const char of text) {
    const mapped = TRANSLITERATIONS[char];
    if (mapped !== undefined) {
      out += mapped;
    } else if (/^[\x20-\x7e]$/.test(char)) {
      out += char;
    } else if (/^\s$/.test(char)) {
      out += ' ';
    } else {
      // "é" decomposes to "e" + a combining accent; keep the letter, drop the mark.
      const base = char.normalize('NFKD').replace(/[\u0300-\u036f]/g, '');
      out += /^[\x20-\x7e]+$/.test(base) ? base : '?';
    }
  }
  return out;
}

/** A QR payload as bytes the printer stores verbatim: non-ASCII is percent-encoded, as a URL allows. */
export function toQrPayload(data: string): string {
  return data.replace(/[^\x21-\x7e]/gu, (char) => {
    try {
      return encodeURIComponent(char);
    } catch {
      return ''; // a lone surrogate has no UTF-8 form
    }
  });
}
