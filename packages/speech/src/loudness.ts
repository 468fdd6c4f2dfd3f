import { parseWav, encodeWav, toPcm16, type Wav } from './wav.ts';

/**
 * Chime and spoken call are brought to one loudness: the RMS of the parts that carry sound, at -20 dBFS. Speech
 * has long pauses and a high crest factor, the chime neither, so whole-file RMS or peaks would leave the voice
 * about 7 dB under the chime (measured with sox on espeak-ng's output).
 */
export const TARGET_LOUDNESS_DBFS = -20;

const WINDOW_SECONDS = 0.02;
/** A window counts as sound when within 40 dB of the loudest (sox's 1 % silence threshold, relative). */
const GATE = 0.01;
/** Peaks above this are bent softly instead of clipped. */
const KNEE = 0.85;

function samplesOf(wav: Wav): Int16Array {
  const pcm = toPcm16(wav);
  return new Int16Array(pcm.data.buffer.slice(pcm.data.byteOffset, pcm.data.byteOffset + pcm.data.length));
}

function windowRms(samples: Int16Array, windowLength: number): number[] {
  const result: number[] = [];
  for (let start = 0; start < samples.length; start += windowLength) {
    const end = Math.min(samples.length, start + windowLength);
    let sum = 0;
    for (let i = start; i < end; i++) sum += ((samples[i] ?? 0) / 32768) ** 2;
    result.push(Math.sqrt(sum / Math.max(1, end - start)));
  }
  return result;
}

/** RMS level (dBFS) of the windows that carry sound; -Infinity for silence. */
export function activeLoudnessDbfs(wav: Wav): number {
  const samples = samplesOf(wav);
  const windowLength = Math.max(1, Math.round(wav.format.sampleRate * wav.format.channels * WINDOW_SECONDS));
  const windows = windowRms(samples, windowLength);
  const loudest = Math.max(0, ...windows);
  const active = windows.filter((rms) => rms > 0 && rms >= loudest * GATE);
  if (active.length === 0) return -Infinity;
  const meanSquare = active.reduce((sum, rms) => sum + rms * rms, 0) / active.length;
  return 10 * Math.log10(meanSquare);
}

function softLimit(value: number): number {
  const magnitude = Math.abs(value);
  if (magnitude <= KNEE) return value;
  const bent = KNEE + (1 - KNEE) * Math.tanh((magnitude - KNEE) / (1 - KNEE));
  return Math.sign(value) * Math.min(bent, 0.999);
}

/** The same sound at `target` dBFS of active loudness, as 16-bit PCM; silence is returned as it is. */
export function normalizeLoudness(wav: Wav, target = TARGET_LOUDNESS_DBFS): Wav {
  const level = activeLoudnessDbfs(wav);
  const pcm = toPcm16(wav);
  if (!Number.isFinite(level)) return pcm;
  const gain = 10 ** ((target - level) / 20);
  const samples = samplesOf(pcm);
  const data = Buffer.alloc(samples.length * 2);
  samples.forEach((sample, i) => {
    data.writeInt16LE(Math.round(softLimit((sample / 32768) * gain) * 32767), i * 2);
  });
  return { format: pcm.format, data };
}

/** `normalizeLoudness` for a WAV file's bytes. */
export function normalizeWavLoudness(wav: Buffer, target = TARGET_LOUDNESS_DBFS): Buffer {
  return encodeWav(normalizeLoudness(parseWav(wav), target));
}
