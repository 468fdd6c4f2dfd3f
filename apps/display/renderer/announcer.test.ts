import { afterEach, describe, expect, it, vi } from 'vitest';
import { Announcer, clipsFor, type Clip, type ClipPlayer } from './announcer.ts';

interface Played {
  readonly path: string;
  readonly kind: Clip['kind'];
  readonly start: number;
  end: number | null;
}

/** A loudspeaker on fake time: each clip "plays" for `durationMs`, and what it was asked to do is recorded. */
class FakePlayer implements ClipPlayer<Clip> {
  readonly played: Played[] = [];
  readonly released: string[] = [];
  playing = 0;
  maxPlaying = 0;
  failLoad = new Set<string>();
  failPlay = new Set<string>();
  hang = new Set<string>();

  constructor(private readonly durationMs = 1000) {}

  load(clip: Clip): Promise<Clip> {
    if ([...this.failLoad].some((p) => clip.path.includes(p))) return Promise.reject(new Error('404'));
    return new Promise((resolve) =>
      setTimeout(() => {
        resolve(clip);
      }, 50),
    );
  }

  play(clip: Clip, _clip: Clip, signal: AbortSignal): Promise<void> {
    if ([...this.failPlay].some((p) => clip.path.includes(p)))
      return Promise.reject(new DOMException('blocked', 'NotAllowedError'));
    const entry: Played = { path: clip.path, kind: clip.kind, start: Date.now(), end: null };
    this.played.push(entry);
    this.playing += 1;
    this.maxPlaying = Math.max(this.maxPlaying, this.playing);
    return new Promise((resolve, reject) => {
      const finish = () => {
        this.playing -= 1;
        entry.end = Date.now();
      };
      signal.addEventListener('abort', () => {
        finish();
        reject(new Error('aborted'));
      });
      if ([...this.hang].some((p) => clip.path.includes(p))) return;
      setTimeout(() => {
        finish();
        resolve();
      }, this.durationMs);
    });
  }

  release(clip: Clip): void {
    this.released.push(clip.path);
  }
}

/** `chime`, or the ticket and language of a spoken announcement: `t1:id`. */
const label = (p: { path: string }) =>
  p.path.includes('chime')
    ? 'chime'
    : `${p.path.split('/')[3] ?? ''}:${new URLSearchParams(p.path.split('?')[1]).get('lang') ?? ''}`;

const call = (n: number) => ({ ticketId: `t${n}`, counterId: `loket-${n}` });

function setup(options: { english?: boolean; clipTimeoutMs?: number } = {}) {
  const player = new FakePlayer();
  const skipped: { clip: Clip; error: unknown }[] = [];
  const announcer = new Announcer(player, {
    english: () => options.english ?? false,
    ...(options.clipTimeoutMs ? { clipTimeoutMs: options.clipTimeoutMs } : {}),
    onSkip: (clip, error) => {
      skipped.push({ clip, error });
    },
  });
  return { player, announcer, skipped };
}

async function drain(announcer: Announcer<Clip>): Promise<void> {
  const idle = announcer.whenIdle();
  await vi.runAllTimersAsync();
  await idle;
}

afterEach(() => {
  vi.useRealTimers();
});

describe('clipsFor', () => {
  it('is chime then the Indonesian announcement, plus English when the site wants it', () => {
    expect(clipsFor(call(1), false)).toEqual([
      { kind: 'chime', path: '/api/announcements/chime.wav' },
      { kind: 'announcement', path: '/api/tickets/t1/announcement.wav?counter=loket-1&lang=id' },
    ]);
    expect(clipsFor(call(1), true).map(label)).toEqual(['chime', 't1:id', 't1:en']);
  });

  it('escapes ids in the path', () => {
    expect(clipsFor({ ticketId: 'a/b', counterId: 'x&y' }, false)[1]?.path).toBe(
      '/api/tickets/a%2Fb/announcement.wav?counter=x%26y&lang=id',
    );
  });
});

describe('Announcer', () => {
  it('plays a burst of calls one clip at a time, in order, each after the previous ended', async () => {
    vi.useFakeTimers();
    const { player, announcer } = setup();
    for (let n = 1; n <= 5; n++) announcer.enqueue(call(n));
    expect(announcer.busy).toBe(true);
    await drain(announcer);

    expect(player.maxPlaying).toBe(1);
    expect(player.played.map((p) => p.kind)).toEqual(
      Array.from({ length: 5 }, () => ['chime', 'announcement']).flat(),
    );
    expect(player.played.filter((p) => p.kind === 'announcement').map((p) => p.path)).toEqual(
      [1, 2, 3, 4, 5].map((n) => `/api/tickets/t${n}/announcement.wav?counter=loket-${n}&lang=id`),
    );
    for (let i = 1; i < player.played.length; i++) {
      expect(player.played[i]?.start).toBeGreaterThanOrEqual(player.played[i - 1]?.end ?? Infinity);
    }
    expect(announcer.busy).toBe(false);
  });

  it('queues a call that arrives while another is being spoken behind it', async () => {
    vi.useFakeTimers();
    const { player, announcer } = setup();
    announcer.enqueue(call(1));
    await vi.advanceTimersByTimeAsync(1200); // the chime of call 1 has ended, its speech is playing
    announcer.enqueue(call(2));
    announcer.enqueue(call(1)); // a recall: the same call again
    expect(announcer.pending).toBe(2);
    await drain(announcer);
    expect(player.maxPlaying).toBe(1);
    expect(player.played.map(label)).toEqual(['chime', 't1:id', 'chime', 't2:id', 'chime', 't1:id']);
  });

  it('skips a clip that cannot be fetched and goes on with the next', async () => {
    vi.useFakeTimers();
    const { player, announcer, skipped } = setup();
    player.failLoad.add('/t2/');
    for (let n = 1; n <= 3; n++) announcer.enqueue(call(n));
    await drain(announcer);
    expect(player.played.map(label)).toEqual(['chime', 't1:id', 'chime', 'chime', 't3:id']);
    expect(skipped).toHaveLength(1);
    expect(skipped[0]?.clip.path).toContain('/t2/');
  });

  it('skips a clip the browser refuses to play, and the speech still follows a failed chime', async () => {
    vi.useFakeTimers();
    const { player, announcer, skipped } = setup();
    player.failPlay.add('chime');
    announcer.enqueue(call(1));
    announcer.enqueue(call(2));
    await drain(announcer);
    expect(player.played.map((p) => p.kind)).toEqual(['announcement', 'announcement']);
    expect(skipped.map((s) => s.clip.kind)).toEqual(['chime', 'chime']);
    expect((skipped[0]?.error as DOMException).name).toBe('NotAllowedError');
  });

  it('cuts off a clip that never ends, so the queue cannot stall', async () => {
    vi.useFakeTimers();
    const { player, announcer, skipped } = setup({ clipTimeoutMs: 5000 });
    player.hang.add('/t1/');
    announcer.enqueue(call(1));
    announcer.enqueue(call(2));
    await drain(announcer);
    expect(player.played.map(label)).toEqual(['chime', 't1:id', 'chime', 't2:id']);
    expect(player.maxPlaying).toBe(1);
    expect(skipped.map((s) => label(s.clip))).toEqual(['t1:id']);
    // The hung clip was stopped before the next started.
    const [, hung, nextChime] = player.played;
    expect(nextChime?.start).toBeGreaterThanOrEqual(hung?.end ?? Infinity);
  });

  it('speaks English after Indonesian when asked, and releases every clip it loaded', async () => {
    vi.useFakeTimers();
    const { player, announcer } = setup({ english: true });
    announcer.enqueue(call(7));
    await drain(announcer);
    expect(player.played.map(label)).toEqual(['chime', 't7:id', 't7:en']);
    expect(player.released).toHaveLength(3);
  });

  it('keeps going when the observer of skipped clips throws', async () => {
    vi.useFakeTimers();
    const player = new FakePlayer();
    player.failLoad.add('chime');
    const announcer = new Announcer(player, {
      english: () => false,
      onSkip: () => {
        throw new Error('observer broke');
      },
    });
    announcer.enqueue(call(1));
    await drain(announcer);
    expect(player.played.map((p) => p.kind)).toEqual(['announcement']);
  });

  it('forgets the calls not yet spoken on clear()', async () => {
    vi.useFakeTimers();
    const { player, announcer } = setup();
    announcer.enqueue(call(1));
    announcer.enqueue(call(2));
    announcer.enqueue(call(3));
    announcer.clear();
    await drain(announcer);
    expect(player.played.map(label)).toEqual(['chime', 't1:id']);
  });

  it('resolves whenIdle at once when nothing is queued', async () => {
    const { announcer } = setup();
    await expect(announcer.whenIdle()).resolves.toBeUndefined();
  });
});
