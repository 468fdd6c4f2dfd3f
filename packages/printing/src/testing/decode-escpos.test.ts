import { describe, expect, it } from 'vitest';
import { decodeEscPos } from './decode-escpos.ts';

const bytes = (...parts: (string | number[])[]): Buffer =>
  Buffer.concat(
    parts.map((part) => (typeof part === 'string' ? Buffer.from(part, 'latin1') : Buffer.from(part))),
  );

describe('decodeEscPos', () => {
  it('reads text, sizes, styles, QR data and the cut', () => {
    const qr = 'https://x.id/t/1';
    const printed = decodeEscPos(
      bytes(
        [0x1b, 0x40],
        'Judul\n',
        [0x1d, 0x21, 0x33, 0x1b, 0x45, 0x01],
        'B007\n',
        [0x1d, 0x21, 0x00, 0x1b, 0x45, 0x00, 0x1d, 0x42, 0x01],
        ' PRIORITAS \n',
        [0x1d, 0x42, 0x00, 0x1b, 0x64, 0x02],
        [0x1d, 0x28, 0x6b, qr.length + 3, 0x00, 0x31, 0x50, 0x30],
        qr,
        [0x1d, 0x28, 0x6b, 0x03, 0x00, 0x31, 0x51, 0x30],
        [0x1d, 0x76, 0x30, 0x00, 0x02, 0x00, 0x01, 0x00, 0x41, 0x42],
        [0x1d, 0x56, 0x42, 0x03],
      ),
    );
    expect(printed.text).toBe('Judul\nB007\nPRIORITAS');
    expect(printed.lines).toEqual([
      { text: 'Judul', size: 1, bold: false, inverted: false },
      { text: 'B007', size: 4, bold: true, inverted: false },
      { text: 'PRIORITAS', size: 1, bold: false, inverted: true },
    ]);
    expect(printed.qrPayloads).toEqual([qr]);
    expect(printed.cut).toBe(true);
    expect(printed.largestTextSize).toBe(4);
  });

  it('finds no cut and normal size in plain text', () => {
    expect(decodeEscPos(bytes('a\r\n\nb'))).toEqual({
      text: 'a\nb',
      lines: [
        { text: 'a', size: 1, bold: false, inverted: false },
        { text: 'b', size: 1, bold: false, inverted: false },
      ],
      qrPayloads: [],
      cut: false,
      largestTextSize: 1,
    });
  });
});
