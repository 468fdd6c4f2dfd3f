import { encodeWav } from './wav.ts';

const SAMPLE_RATE = 22050;
const DURATION_SECONDS = 1.2;
const ATTACK_SECONDS = 0.006; // a few ms of rise keeps the strike from clicking
const FADE_OUT_SECONDS = 0.05; // ends exactly at zero, so no click when the voice follows
const PEAK = 0.7; // headroom for cheap hall amplifiers

interface Tone {
  readonly start: number;
  readonly frequency: number;
  readonly decaySeconds: number;
}

// "Ding" on E5, "dong" a major third lower on C5: the familiar public-address call.
const TONES: readonly Tone[] = [
  { start: 0, frequency: 659.25, decaySeconds: 0.3 },
  { start: 0.45, frequency: 523.25, decaySeconds: 0.35 },
];

// Soft overtones make it a bell rather than a test tone.
const PARTIALS = [
  { ratio: 1, gain: 1 },
  { ratio: 2, gain: 0.3 },
  { ratio: 3, gain: 0.08 },
];

function toneAt(tone: Tone, t: number): number {
  const local = t - tone.start;
  if (local < 0) return 0;
  const envelope = Math.min(1, local / ATTACK_SECONDS) * Math.exp(-local / tone.decaySeconds);
  let value = 0;
  for (const { ratio, gain } of PARTIALS)
    value += gain * Math.sin(2 * Math.PI * tone.frequency * ratio * local);
  return envelope * value;
}

/** A two-tone "ding-dong" played before each call: 16-bit PCM mono, 22050 Hz, 1.2 s. */
export function chimeWav(): Buffer {
  const frames = Math.round(DURATION_SECONDS * SAMPLE_RATE);
  const samples = new Float64Array(frames);
  let loudest = 0;
  for (let i = 0; i < frames; i++) {
    const t = i / SAMPLE_RATE;
    const fadeOut = Math.min(1, (DURATION_SECONDS - t) / FADE_OUT_SECONDS);
    const value = TONES.reduce((sum, tone) => sum + toneAt(tone, t), 0) * fadeOut;
    samples[i] = value;
    loudest = Math.max(loudest, Math.abs(value));
  }
  const data = Buffer.alloc(frames * 2);
  samples.forEach((value, i) => {
    data.writeInt16LE(Math.round((value / loudest) * PEAK * 32767), i * 2);
  });
  return encodeWav({
    format: { encoding: 'pcm', channels: 1, sampleRate: SAMPLE_RATE, bitsPerSample: 16 },
    data,
  });
}
