import { describe, expect, it } from 'vitest';
import type { QuoteWait } from './commands.ts';
import type { QueueEvent, WaitQuoted } from './events.ts';
import { called, issued, paused } from './testing/builders.ts';
import { at, given } from './testing/fixtures.ts';

const quote = (ticketIds: string[], channel: QuoteWait['channel'], minute: number): QuoteWait => ({
  type: 'QuoteWait',
  ticketIds,
  channel,
  now: at(minute),
  by: 'kiosk-1',
});

const ktp = (n: number, minute: number): QueueEvent => issued(`k${String(n)}`, `A00${String(n)}`, n, minute);

function quoted(over: Partial<WaitQuoted>): WaitQuoted {
  return {
    type: 'ticket:wait-quoted',
    ticketId: 'k3',
    serviceId: 'ktp',
    channel: 'issue',
    ahead: 2,
    minutes: 0,
    low: 0,
    high: 0,
    naiveMinutes: 15,
    holdUp: null,
    at: at(0),
    by: 'kiosk-1',
    ...over,
  };
}

describe('QuoteWait: every promise is logged', () => {
  it('given a third KTP ticket, when its wait is shown at issue, then the promise is logged beside the naive one', () => {
    // Two counters are free: k1 and k2 go at once, k3 after one cycle (16 min). Naive: 2 × 15 / 2 = 15.
    given([ktp(1, 0), ktp(2, 0), ktp(3, 0)])
      .when(quote(['k3'], 'issue', 0))
      .then([quoted({ minutes: 16, low: 5, high: 25, naiveMinutes: 15 })]);
  });

  it('given the status page showed a wait, when it shows the same again, then nothing new is logged', () => {
    const first = quoted({ channel: 'status', minutes: 16, low: 5, high: 25 });
    given([ktp(1, 0), ktp(2, 0), ktp(3, 0), first])
      .when(quote(['k3'], 'status', 0))
      .then([]);
  });

  it('given a logged promise, when the ticket is reprinted unchanged, then the paper is a promise of its own', () => {
    const first = quoted({ minutes: 16, low: 5, high: 25 });
    given([ktp(1, 0), ktp(2, 0), ktp(3, 0), first])
      .when(quote(['k3'], 'reprint', 0))
      .then([quoted({ channel: 'reprint', minutes: 16, low: 5, high: 25 })]);
  });

  it('given a logged promise, when the queue moved and the status page shows a new wait, then it is logged', () => {
    const first = quoted({ minutes: 16, low: 5, high: 25 });
    const events = [ktp(1, 0), ktp(2, 0), ktp(3, 0), first, called('k1', 'c1', 1)];
    const out = given(events)
      .when(quote(['k3'], 'status', 1))
      .events();
    expect(out).toHaveLength(1);
    expect(out[0]).toMatchObject({ channel: 'status', ticketId: 'k3', ahead: 1 });
  });

  it('given counters paused, when the wait is shown, then the hold-up is logged and the naive one is silent', () => {
    const events = [ktp(1, 0), paused('c1', 'istirahat', 0), paused('c3', 'istirahat', 0)];
    // A break usually lasts 60 min; when it ends is known to about a quarter of that: "sekitar 45–75 menit".
    given(events)
      .when(quote(['k1'], 'issue', 0))
      .then([
        quoted({
          ticketId: 'k1',
          ahead: 0,
          minutes: 60,
          low: 45,
          high: 75,
          naiveMinutes: null,
          holdUp: 'paused',
        }),
      ]);
  });

  it('given tickets no longer waiting or unknown, when quoted, then they are skipped', () => {
    given([ktp(1, 0), called('k1', 'c1', 1)])
      .when(quote(['k1', 'nope'], 'status', 2))
      .then([]);
  });
});
