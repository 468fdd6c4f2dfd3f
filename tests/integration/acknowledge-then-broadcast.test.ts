import type { HubEvent } from '@giliran/domain';
import { afterEach, describe, expect, it } from 'vitest';
import type { Actor } from '../../apps/hub/src/auth/actor.ts';
import { KIOSK_TOKEN, startTestHub, type TestHub } from '../support/hub-harness.ts';

const KIOSK: Actor = { id: 'device:kiosk-1', role: 'kiosk', counterId: null };
const nextTurn = () =>
  new Promise<void>((resolve) => {
    setImmediate(resolve);
  });

describe('a command is acknowledged, then broadcast', () => {
  let t: TestHub;
  afterEach(async () => {
    await t.stop();
  });

  it('answers the caller before any screen hears the events, which then come in commit order', async () => {
    t = await startTestHub();
    const heard: { id: number; type: string }[] = [];
    t.hub.bus.onBroadcast((batch) => {
      for (const { id, event } of batch) heard.push({ id, type: event.type });
    });
    const booked: string[] = [];
    t.hub.bus.onCommitted((batch) => {
      booked.push(...batch.map((b) => b.event.type));
    });
    const first = await t.hub.bus.execute(KIOSK, 'ticket:issue', { serviceId: 'kk' });
    // Bookkeeping (the deadline alarm) before the answer; screens after it. The wait promised at issue is logged
    // in the same group commit.
    expect(booked).toEqual(['ticket:issued', 'ticket:wait-quoted']);
    expect(heard).toEqual([]);
    const second = await t.hub.bus.execute(KIOSK, 'ticket:issue', { serviceId: 'kk' });
    await nextTurn();
    expect(heard.map((h) => h.type)).toEqual([
      'ticket:issued',
      'ticket:wait-quoted',
      'ticket:issued',
      'ticket:wait-quoted',
    ]);
    expect(heard[2]?.id).toBeGreaterThan(heard[0]?.id ?? Infinity);
    expect([first.number, second.number]).toEqual(['B001', 'B002']);
  });

  it('keeps broadcasting to the other listeners when one of them fails', async () => {
    t = await startTestHub();
    const heard: HubEvent[] = [];
    t.hub.bus.onBroadcast(() => {
      throw new Error('a broken screen feed');
    });
    t.hub.bus.onBroadcast((batch) => {
      heard.push(...batch.map((b) => b.event));
    });
    await t.hub.bus.execute(KIOSK, 'ticket:issue', { serviceId: 'kk' });
    await nextTurn();
    expect(heard.map((e) => e.type)).toEqual(['ticket:issued', 'ticket:wait-quoted']);
    const res = await t.api('POST', '/tickets', { token: KIOSK_TOKEN, body: { serviceId: 'kk' } });
    expect(res.status).toBe(201);
  });
});
