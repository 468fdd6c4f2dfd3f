import { describe, expect, it } from 'vitest';
import { toPrintableAscii, toQrPayload } from './printable-text.ts';

describe('toPrintableAscii', () => {
  it('keeps plain Indonesian as it is', () => {
    expect(toPrintableAscii('Kami melayani dengan cepat, tepat dan ramah.')).toBe(
      'Kami melayani dengan cepat, tepat dan ramah.',
    );
  });

  it('spells out signs a printer code page may lack and drops accents', () => {
    expect(toPrintableAscii('PRIORITAS · Lansia — ± 12 menit')).toBe('PRIORITAS - Lansia - +/- 12 menit');
    expect(toPrintableAscii('“Café” Pelayanan…')).toBe('"Cafe" Pelayanan...');
  });

  it('replaces what has no ASCII form', () => {
    expect(toPrintableAscii('Antrean 🙂 安')).toBe('Antrean ? ?');
  });
});

describe('toQrPayload', () => {
  it('percent-encodes non-ASCII so the stored length is the byte length', () => {
    expect(toQrPayload('https://x.id/t/A012')).toBe('https://x.id/t/A012');
    expect(toQrPayload('https://x.id/ké')).toBe('https://x.id/k%C3%A9');
  });
});
