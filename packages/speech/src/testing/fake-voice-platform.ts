/**
 * The operating system's speech programs, replaced at the edge where `say` (and this package) start them:
 * `child_process.spawn`. Windows' PowerShell (System.Speech) and macOS' `say` are played by this fake; any
 * other program (espeak-ng, sox) still runs for real. The `say` package itself is loaded and runs unchanged.
 */
import childProcess, { type ChildProcess } from 'node:child_process';
import { EventEmitter } from 'node:events';
import { writeFileSync } from 'node:fs';
import { PassThrough } from 'node:stream';
import { vi } from 'vitest';
import { encodeWav } from '../wav.ts';

export interface SpokenFile {
  readonly program: 'powershell' | 'say';
  readonly voice: string | null;
  readonly text: string;
  readonly file: string;
}

export interface FakeVoicePlatform {
  /** Each export that reached the platform, in order. */
  readonly spoken: SpokenFile[];
  /** How many times the voices were listed. */
  readonly listings: () => number;
  /** Processes stopped (killed, or `taskkill`ed on Windows) after a timeout, by pid. */
  readonly stopped: number[];
}

export interface FakeVoiceOptions {
  /** Installed voices: names on Windows; `name locale` pairs on macOS (e.g. ['Damayanti', 'id_ID']). */
  readonly voices: readonly (string | readonly [string, string])[];
  /** 'hang-export' / 'hang-list': the process never ends; 'fail-list': PowerShell writes an error. */
  readonly behaviour?: 'speak' | 'hang-export' | 'hang-list' | 'fail-list';
}

interface FakeProcess extends EventEmitter {
  readonly pid: number;
  readonly stdin: PassThrough;
  readonly stdout: PassThrough;
  readonly stderr: PassThrough;
  kill(): boolean;
}

let nextPid = 40_000;

function toneWav(encoding: 'pcm' | 'float'): Buffer {
  const sampleRate = encoding === 'float' ? 32000 : 22050;
  const samples = sampleRate / 2;
  const bytes = encoding === 'float' ? 4 : 2;
  const data = Buffer.alloc(samples * bytes);
  for (let i = 0; i < samples; i++) {
    const value = Math.sin(i / 10) * 0.5;
    if (encoding === 'float') data.writeFloatLE(value, i * 4);
    else data.writeInt16LE(Math.round(value * 32767), i * 2);
  }
  return encodeWav({ format: { encoding, channels: 1, sampleRate, bitsPerSample: bytes * 8 }, data });
}

function fakeProcess(stopped: number[]): FakeProcess {
  const emitter = new EventEmitter();
  const pid = nextPid++;
  return Object.assign(emitter, {
    pid,
    stdin: new PassThrough(),
    stdout: new PassThrough(),
    stderr: new PassThrough(),
    kill: () => {
      stopped.push(pid);
      return true;
    },
  });
}

/** Ends the process as the real one would: output first, then exit and close. */
function finish(child: FakeProcess, code: number, stdout = '', stderr = ''): void {
  setTimeout(() => {
    if (stdout) child.stdout.write(stdout);
    if (stderr) child.stderr.write(stderr);
    setTimeout(() => {
      child.emit('exit', code, null);
      child.emit('close', code, null);
    }, 5);
  }, 5);
}

const quoted = (script: string, call: string): string | null =>
  new RegExp(`${call}\\('([^']*)'\\)`).exec(script)?.[1] ?? null;

function readStdin(child: FakeProcess): Promise<string> {
  return new Promise((resolve) => {
    let text = '';
    child.stdin.on('data', (chunk: Buffer | string) => (text += chunk.toString()));
    child.stdin.on('finish', () => {
      resolve(text);
    });
  });
}

/** Replaces PowerShell and macOS `say` for the rest of the test (restore with vi.restoreAllMocks). */
export function fakeVoicePlatform(options: FakeVoiceOptions): FakeVoicePlatform {
  const behaviour = options.behaviour ?? 'speak';
  const names = options.voices.map((voice) => (typeof voice === 'string' ? voice : voice[0]));
  const spoken: SpokenFile[] = [];
  const stopped: number[] = [];
  let listings = 0;
  const realSpawn = childProcess.spawn.bind(childProcess);

  const powershell = (child: FakeProcess, script: string): void => {
    if (script.includes('GetInstalledVoices')) {
      listings++;
      if (behaviour === 'hang-list') return;
      if (behaviour === 'fail-list') finish(child, 1, '', 'Add-Type : Cannot find System.speech');
      else finish(child, 0, names.map((name) => `${name}\r\n`).join(''));
      return;
    }
    const voice = quoted(script, 'SelectVoice');
    const file = quoted(script, 'SetOutputToWaveFile') ?? '';
    void readStdin(child).then((text) => {
      if (behaviour === 'hang-export') return;
      if (voice !== null && !names.includes(voice)) {
        finish(
          child,
          1,
          '',
          `Exception calling "SelectVoice": "Cannot set voice. No matching voice is installed"`,
        );
        return;
      }
      spoken.push({ program: 'powershell', voice, text, file });
      writeFileSync(file, toneWav('pcm'));
      finish(child, 0);
    });
  };

  const macSay = (child: FakeProcess, args: readonly string[]): void => {
    if (args[0] === '-v' && args[1] === '?') {
      listings++;
      const lines = options.voices.map((voice) =>
        typeof voice === 'string' ? voice : `${voice[0].padEnd(20)}${voice[1].padEnd(9)}# Halo`,
      );
      finish(child, 0, lines.join('\n') + '\n');
      return;
    }
    if (behaviour === 'hang-export') return;
    const voice = args[0] === '-v' ? (args[1] ?? null) : null;
    const text = args[voice === null ? 0 : 2] ?? '';
    const file = args[args.indexOf('-o') + 1] ?? '';
    spoken.push({ program: 'say', voice, text, file });
    writeFileSync(file, toneWav('float'));
    finish(child, 0);
  };

  vi.spyOn(childProcess, 'spawn').mockImplementation(
    (command: string, args: readonly string[] = [], spawnOptions: object = {}) => {
      if (command !== 'powershell' && command !== 'say') return realSpawn(command, args, spawnOptions);
      const child = fakeProcess(stopped);
      if (command === 'powershell') powershell(child, args[0] ?? '');
      else macSay(child, args);
      // The part of a ChildProcess that `say` and runProcess use.
      return child as unknown as ChildProcess;
    },
  );
  // `say` stops a Windows process tree with taskkill.
  vi.spyOn(childProcess, 'exec').mockImplementation((command: string) => {
    const pid = /\/pid (\d+)/.exec(command)?.[1];
    if (pid !== undefined) stopped.push(Number(pid));
    return fakeProcess([]) as unknown as ChildProcess;
  });

  return { spoken, listings: () => listings, stopped };
}
