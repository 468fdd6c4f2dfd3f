export type SampleEncoding = 'pcm' | 'float';

export interface WavFormat {
  /** `pcm`: signed integers (unsigned for 8-bit); `float`: 32-bit IEEE, as macOS `say` writes. */
  readonly encoding: SampleEncoding;
  readonly channels: number;
  readonly sampleRate: number;
  readonly bitsPerSample: number;
}

export interface Wav {
  readonly format: WavFormat;
  /** Interleaved sample frames, whole frames only. */
  readonly data: Buffer;
}

export class WavError extends Error {
  override readonly name = 'WavError';
}

const FORMAT_PCM = 1;
const FORMAT_FLOAT = 3;
const FORMAT_EXTENSIBLE = 0xfffe;
const HEADER_BYTES = 44;

function frameBytes(format: WavFormat): number {
  return format.channels * (format.bitsPerSample / 8);
}

function checkFormat(format: WavFormat): void {
  const bits = format.encoding === 'float' ? [32] : [8, 16, 24, 32];
  if (!bits.includes(format.bitsPerSample)) {
    throw new WavError(`Unsupported WAV: ${format.bitsPerSample}-bit ${format.encoding}`);
  }
  if (!Number.isInteger(format.channels) || format.channels < 1 || format.channels > 8) {
    throw new WavError(`Unsupported WAV: ${format.channels} channels`);
  }
  if (!Number.isInteger(format.sampleRate) || format.sampleRate < 1000 || format.sampleRate > 384_000) {
    throw new WavError(`Unsupported WAV: ${format.sampleRate} Hz`);
  }
}

function readFormatChunk(chunk: Buffer): WavFormat {
  if (chunk.length < 16) throw new WavError('WAV fmt chunk is too short');
  let tag = chunk.readUInt16LE(0);
  // WAVE_FORMAT_EXTENSIBLE (Audacity, >16-bit exports) names the real format in its sub-format GUID.
  if (tag === FORMAT_EXTENSIBLE && chunk.length >= 26) tag = chunk.readUInt16LE(24);
  if (tag !== FORMAT_PCM && tag !== FORMAT_FLOAT) {
    throw new WavError(`Unsupported WAV encoding (format tag ${tag}): only PCM and 32-bit float are read`);
  }
  const format: WavFormat = {
    encoding: tag === FORMAT_PCM ? 'pcm' : 'float',
    channels: chunk.readUInt16LE(2),
    sampleRate: chunk.readUInt32LE(4),
    bitsPerSample: chunk.readUInt16LE(14),
  };
  checkFormat(format);
  return format;
}

/**
 * Reads a RIFF/WAVE file. A data size past the end of the file is cut to what is there, because
 * `espeak-ng --stdout` streams and writes a placeholder size (0x7ffff000) it never fixes.
 */
export function parseWav(buffer: Buffer): Wav {
  if (
    buffer.length < 12 ||
    buffer.toString('ascii', 0, 4) !== 'RIFF' ||
    buffer.toString('ascii', 8, 12) !== 'WAVE'
  ) {
    throw new WavError('Not a RIFF/WAVE file');
  }
  let format: WavFormat | undefined;
  let offset = 12;
  while (offset + 8 <= buffer.length) {
    const id = buffer.toString('ascii', offset, offset + 4);
    const size = buffer.readUInt32LE(offset + 4);
    const start = offset + 8;
    const end = Math.min(start + size, buffer.length);
    if (id === 'fmt ') format = readFormatChunk(buffer.subarray(start, end));
    if (id === 'data') {
      if (format === undefined) throw new WavError('WAV data chunk comes before its fmt chunk');
      const frame = frameBytes(format);
      const whole = end - start - ((end - start) % frame);
      return { format, data: buffer.subarray(start, start + whole) };
    }
    offset = start + size + (size % 2); // chunks are padded to an even length
  }
  throw new WavError(format === undefined ? 'WAV has no fmt chunk' : 'WAV has no data chunk');
}

/** A canonical 44-byte-header WAV. */
export function encodeWav({ format, data }: Wav): Buffer {
  checkFormat(format);
  const frame = frameBytes(format);
  const header = Buffer.alloc(HEADER_BYTES);
  header.write('RIFF', 0, 'ascii');
  header.writeUInt32LE(HEADER_BYTES - 8 + data.length, 4);
  header.write('WAVEfmt ', 8, 'ascii');
  header.writeUInt32LE(16, 16);
  header.writeUInt16LE(format.encoding === 'pcm' ? FORMAT_PCM : FORMAT_FLOAT, 20);
  header.writeUInt16LE(format.channels, 22);
  header.writeUInt32LE(format.sampleRate, 24);
  header.writeUInt32LE(format.sampleRate * frame, 28);
  header.writeUInt16LE(frame, 32);
  header.writeUInt16LE(format.bitsPerSample, 34);
  header.write('data', 36, 'ascii');
  header.writeUInt32LE(data.length, 40);
  const padding = data.length % 2 === 1 ? Buffer.alloc(1) : Buffer.alloc(0);
  return Buffer.concat([header, data, padding]);
}

export function wavDuration({ format, data }: Wav): number {
  return data.length / frameBytes(format) / format.sampleRate;
}

/** "22050 Hz mono 16-bit PCM", for error messages a person acts on. */
export function describeFormat(format: WavFormat): string {
  const channels =
    format.channels === 1 ? 'mono' : format.channels === 2 ? 'stereo' : `${format.channels}-channel`;
  return `${format.sampleRate} Hz ${channels} ${format.bitsPerSample}-bit ${format.encoding === 'pcm' ? 'PCM' : 'float'}`;
}

export function sameFormat(a: WavFormat, b: WavFormat): boolean {
  return (
    a.encoding === b.encoding &&
    a.channels === b.channels &&
    a.sampleRate === b.sampleRate &&
    a.bitsPerSample === b.bitsPerSample
  );
}

/** `seconds` of silence in `format`; 8-bit PCM is unsigned, so its silence is 0x80, not 0. */
export function silence(format: WavFormat, seconds: number): Wav {
  const frames = Math.round(Math.max(0, seconds) * format.sampleRate);
  const fill = format.encoding === 'pcm' && format.bitsPerSample === 8 ? 0x80 : 0;
  return { format, data: Buffer.alloc(frames * frameBytes(format), fill) };
}

export interface ConcatOptions {
  /** Silence put between consecutive parts. */
  readonly gapSeconds?: number;
  /** Names for the parts (e.g. clip files), used when the formats disagree. */
  readonly names?: readonly string[];
}

/** Joins WAVs of one format end to end; a part in another format is refused, not resampled. */
export function concatWavs(wavs: readonly Wav[], options: ConcatOptions = {}): Wav {
  const [first] = wavs;
  if (first === undefined) throw new WavError('Nothing to join');
  const name = (index: number): string => options.names?.[index] ?? `part ${index + 1}`;
  wavs.forEach((wav, index) => {
    if (!sameFormat(wav.format, first.format)) {
      throw new WavError(
        `${name(index)} is ${describeFormat(wav.format)} but ${name(0)} is ${describeFormat(first.format)}: ` +
          'every clip must have the same format',
      );
    }
  });
  const gap = silence(first.format, options.gapSeconds ?? 0).data;
  const parts = wavs.flatMap((wav, index) => (index === 0 ? [wav.data] : [gap, wav.data]));
  return { format: first.format, data: Buffer.concat(parts) };
}

function sampleReader(format: WavFormat): (data: Buffer, offset: number) => number {
  if (format.encoding === 'float') return (data, offset) => data.readFloatLE(offset);
  switch (format.bitsPerSample) {
    case 8:
      return (data, offset) => (data.readUInt8(offset) - 128) / 128;
    case 16:
      return (data, offset) => data.readInt16LE(offset) / 32768;
    case 24:
      return (data, offset) => data.readIntLE(offset, 3) / 8_388_608;
    default:
      return (data, offset) => data.readInt32LE(offset) / 2_147_483_648;
  }
}

/** Converts any readable WAV to 16-bit PCM, the format every player and the chime share. */
export function toPcm16(wav: Wav): Wav {
  if (wav.format.encoding === 'pcm' && wav.format.bitsPerSample === 16) return wav;
  const read = sampleReader(wav.format);
  const bytes = wav.format.bitsPerSample / 8;
  const count = wav.data.length / bytes;
  const data = Buffer.alloc(count * 2);
  for (let i = 0; i < count; i++) {
    const sample = Math.max(-1, Math.min(1, read(wav.data, i * bytes)));
    data.writeInt16LE(Math.round(sample * 32767), i * 2);
  }
  return { format: { ...wav.format, encoding: 'pcm', bitsPerSample: 16 }, data };
}

export interface TrimOptions {
  /** Level (0–1 of full scale) below which a frame counts as silent. */
  readonly threshold?: number;
  /** Silence left at each end so a word's soft start and tail are not clipped. */
  readonly paddingSeconds?: number;
}

/** Cuts leading and trailing silence; synthesized words carry up to half a second of it. */
export function trimSilence(wav: Wav, options: TrimOptions = {}): Wav {
  const { threshold = 0.01, paddingSeconds = 0.03 } = options;
  const read = sampleReader(wav.format);
  const bytes = wav.format.bitsPerSample / 8;
  const frame = frameBytes(wav.format);
  const frames = wav.data.length / frame;
  const loud = (f: number): boolean => {
    for (let c = 0; c < wav.format.channels; c++) {
      if (Math.abs(read(wav.data, f * frame + c * bytes)) > threshold) return true;
    }
    return false;
  };
  let first = 0;
  while (first < frames && !loud(first)) first++;
  if (first === frames) return wav; // all silent: leave it for the caller to notice
  let last = frames - 1;
  while (last > first && !loud(last)) last--;
  const padding = Math.round(paddingSeconds * wav.format.sampleRate);
  const start = Math.max(0, first - padding);
  const end = Math.min(frames, last + 1 + padding);
  return { format: wav.format, data: wav.data.subarray(start * frame, end * frame) };
}
