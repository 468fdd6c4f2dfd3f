/** One printed line: its text and the largest character size used on it. */
export interface DecodedLine {
  readonly text: string;
  /** Largest of width and height magnification, 1 for normal text. */
  readonly size: number;
  readonly bold: boolean;
  readonly inverted: boolean;
}

export interface DecodedEscPos {
  /** The printable text, line by line, without control sequences or blank lines. */
  readonly text: string;
  readonly lines: readonly DecodedLine[];
  /** Data of every QR code stored with `GS ( k … 1 P 0`. */
  readonly qrPayloads: readonly string[];
  readonly cut: boolean;
  /** Largest character size any printed text used (1 = normal). */
  readonly largestTextSize: number;
}

const ESC = 0x1b;
const GS = 0x1d;
const FS = 0x1c;
const DLE = 0x10;
const LF = 0x0a;

// Number of parameter bytes after `ESC x` for the fixed-length commands.
const ESC_PARAMS: Readonly<Record<number, number>> = {
  0x20: 1, // ESC SP  character spacing
  0x21: 1, // ESC !   print mode
  0x2d: 1, // ESC -   underline
  0x32: 0, // ESC 2   default line spacing
  0x33: 1, // ESC 3   line spacing
  0x3d: 1, // ESC =   select peripheral
  0x3f: 1, // ESC ?
  0x40: 0, // ESC @   initialize
  0x42: 2, // ESC B   beep
  0x45: 1, // ESC E   bold
  0x47: 1, // ESC G   double strike
  0x4a: 1, // ESC J   feed dots
  0x4d: 1, // ESC M   font
  0x52: 1, // ESC R   international set
  0x56: 1, // ESC V   rotate
  0x61: 1, // ESC a   alignment
  0x63: 2, // ESC c   paper sensors
  0x64: 1, // ESC d   feed lines
  0x70: 3, // ESC p   drawer kick
  0x74: 1, // ESC t   code page
  0x7b: 1, // ESC {   upside down
};

// Number of parameter bytes after `GS x` for the fixed-length commands.
const GS_PARAMS: Readonly<Record<number, number>> = {
  0x21: 1, // GS !  character size
  0x42: 1, // GS B  reverse
  0x48: 1, // GS H  HRI position
  0x4c: 2, // GS L  left margin
  0x57: 2, // GS W  print area width
  0x61: 1, // GS a  status back
  0x66: 1, // GS f  HRI font
  0x68: 1, // GS h  barcode height
  0x72: 1, // GS r  status
  0x77: 1, // GS w  barcode width
};

/** Reads ESC/POS bytes back as what a person would see on the paper, for tests. */
export function decodeEscPos(bytes: Uint8Array): DecodedEscPos {
  const lines: DecodedLine[] = [];
  const qrPayloads: string[] = [];
  let cut = false;
  let largestTextSize = 1;

  let width = 1;
  let height = 1;
  let bold = false;
  let inverted = false;
  let text = '';
  let lineSize = 1;
  let lineBold = false;
  let lineInverted = false;

  const at = (index: number): number => bytes[index] ?? 0;
  const reset = (): void => {
    width = 1;
    height = 1;
    bold = false;
    inverted = false;
  };
  const endLine = (): void => {
    if (text.trim() !== '')
      lines.push({ text: text.trim(), size: lineSize, bold: lineBold, inverted: lineInverted });
    text = '';
    lineSize = 1;
    lineBold = false;
    lineInverted = false;
  };

  let i = 0;
  while (i < bytes.length) {
    const byte = at(i);
    if (byte === ESC) {
      const command = at(i + 1);
      if (command === 0x40) reset();
      else if (command === 0x21) {
        // ESC ! n: bit 4 double height, bit 5 double width, bit 3 emphasis.
        const n = at(i + 2);
        height = n & 0x10 ? 2 : 1;
        width = n & 0x20 ? 2 : 1;
        bold = (n & 0x08) !== 0;
      } else if (command === 0x45) bold = (at(i + 2) & 1) === 1;
      else if (command === 0x64) endLine();
      if (command === 0x2a) {
        // ESC * m nL nH d…: bit image, 3 bytes a column in 24-dot modes.
        const columns = at(i + 3) + at(i + 4) * 256;
        i += 5 + columns * (at(i + 2) >= 32 ? 3 : 1);
      } else if (command === 0x44) {
        // ESC D n… NUL: tab positions.
        i += 2;
        while (i < bytes.length && at(i) !== 0) i++;
        i++;
      } else {
        i += 2 + (ESC_PARAMS[command] ?? 0);
      }
      continue;
    }
    if (byte === GS) {
      const command = at(i + 1);
      if (command === 0x21) {
        // GS ! n: high nibble width - 1, low nibble height - 1.
        const n = at(i + 2);
        width = (n >> 4) + 1;
        height = (n & 0x0f) + 1;
      } else if (command === 0x42) inverted = (at(i + 2) & 1) === 1;
      if (command === 0x28) {
        // GS ( fn pL pH …: pL + 256 pH bytes follow; for QR (`k`), cn 49 fn 80 m 48 d… stores the data.
        const length = at(i + 3) + at(i + 4) * 256;
        const body = bytes.subarray(i + 5, i + 5 + length);
        if (at(i + 2) === 0x6b && body[0] === 0x31 && body[1] === 0x50) {
          qrPayloads.push(Buffer.from(body.subarray(3)).toString('latin1'));
        }
        i += 5 + length;
      } else if (command === 0x56) {
        // GS V m [n]: the cut; function B (m 65, 66) carries a feed amount.
        cut = true;
        endLine();
        const m = at(i + 2);
        i += m === 65 || m === 66 || m === 97 || m === 98 ? 4 : 3;
      } else if (command === 0x6b) {
        // GS k m: barcode, NUL-terminated for m 0–6, else with a length byte.
        const m = at(i + 2);
        if (m <= 6) {
          i += 3;
          while (i < bytes.length && at(i) !== 0) i++;
          i++;
        } else {
          i += 4 + at(i + 3);
        }
      } else if (command === 0x76 && at(i + 2) === 0x30) {
        // GS v 0 m xL xH yL yH d…: raster image.
        const rowBytes = at(i + 4) + at(i + 5) * 256;
        const rows = at(i + 6) + at(i + 7) * 256;
        i += 8 + rowBytes * rows;
      } else {
        i += 2 + (GS_PARAMS[command] ?? 0);
      }
      continue;
    }
    if (byte === FS) {
      // FS & / FS . (kanji mode on/off) and FS C n: harmless for ASCII text.
      i += at(i + 1) === 0x43 ? 3 : 2;
      continue;
    }
    if (byte === DLE) {
      // DLE EOT n, DLE ENQ n: real-time status requests.
      i += 3;
      continue;
    }
    if (byte === LF) {
      endLine();
    } else if (byte >= 0x20 && byte !== 0x7f) {
      text += String.fromCharCode(byte);
      if (byte !== 0x20) {
        const size = Math.max(width, height);
        lineSize = Math.max(lineSize, size);
        largestTextSize = Math.max(largestTextSize, size);
        lineBold ||= bold;
        lineInverted ||= inverted;
      }
    }
    i++;
  }
  endLine();

  return { text: lines.map((line) => line.text).join('\n'), lines, qrPayloads, cut, largestTextSize };
}
