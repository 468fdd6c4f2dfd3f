import { describe, expect, it } from 'vitest';
import { PublicComplaintRequest } from './complaints.ts';
import { cleanText } from './text.ts';

const FORM = {
  name: 'Siti Aminah',
  occupation: 'Pedagang',
  address: 'Jl. Adisucipto 12',
  contact: '0812 3456 7890',
  text: 'Antrean KK tidak dipanggil.\nSaya menunggu dua jam.',
};

describe('text typed into public forms and name fields', () => {
  const name = cleanText(120);
  const text = cleanText(4000, { multiline: true });

  it('strips controls and bidirectional overrides from names and texts', () => {
    expect(name.parse('Siti\u202Egpj.exe\u202C Aminah')).toBe('Sitigpj.exe Aminah');
    expect(name.parse('Budi\u0007\u001B[31m Santoso\u2066')).toBe('Budi[31m Santoso');
    expect(name.parse('Ani\nBudi')).toBe('Ani Budi');
    expect(text.parse('baris satu\r\nbaris dua\u200F')).toBe('baris satu\nbaris dua');
  });

  it('refuses text of nothing but invisible characters', () => {
    for (const invisible of ['\u200B\u200B', '\u3164', ' \u2800 ', '\u202E', '\u00A0\uFEFF', '\u0007']) {
      const result = name.safeParse(invisible);
      expect(result.success, JSON.stringify(invisible)).toBe(false);
    }
    expect(name.parse('  Ani\u200B  ')).toBe('Ani\u200B');
  });

  it('refuses a lone surrogate and keeps a whole emoji', () => {
    expect(text.safeParse('antri lama \uD83D').success).toBe(false);
    expect(text.safeParse('\uDE00 sedih').success).toBe(false);
    expect(text.parse('antri lama 😞')).toBe('antri lama 😞');
  });

  it('applies to the public complaint form, field by field', () => {
    const bad = PublicComplaintRequest.safeParse({ ...FORM, name: '\u200B', text: 'x\uD800' });
    expect(bad.success).toBe(false);
    expect(bad.error?.issues.map((i) => i.path.join('.')).sort()).toEqual(['name', 'text']);
    const good = PublicComplaintRequest.parse({ ...FORM, name: '\u202ESiti' });
    expect(good.name).toBe('Siti');
    expect(good.text).toBe(FORM.text);
  });
});
