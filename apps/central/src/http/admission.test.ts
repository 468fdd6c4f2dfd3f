import { EventEmitter } from 'node:events';
import type { Request, Response } from 'express';
import { describe, expect, it } from 'vitest';
import { admission } from './admission.ts';

/** A request and its answer as far as admission reads them: closed or not, and the answer's 'close'. */
function exchange() {
  const res = Object.assign(new EventEmitter(), { closed: false });
  const req = { destroyed: false };
  return {
    req: req as unknown as Request,
    res: res as unknown as Response,
    close() {
      res.closed = true;
      req.destroyed = true;
      res.emit('close');
    },
  };
}

describe('admission', () => {
  it('lets `limit` requests through at once; the next goes on when one is answered, in arrival order', () => {
    const gate = admission(2);
    const passed: number[] = [];
    const requests = [0, 1, 2, 3].map(() => exchange());
    requests.forEach((r, i) => {
      gate(r.req, r.res, () => passed.push(i));
    });
    expect(passed).toEqual([0, 1]);
    requests[1]?.close();
    expect(passed).toEqual([0, 1, 2]);
    requests[0]?.close();
    expect(passed).toEqual([0, 1, 2, 3]);
  });

  it('skips a request whose client left while it waited, and its slot is not lost', () => {
    const gate = admission(1);
    const passed: number[] = [];
    const requests = [0, 1, 2].map(() => exchange());
    requests.forEach((r, i) => {
      gate(r.req, r.res, () => passed.push(i));
    });
    requests[1]?.close();
    requests[0]?.close();
    expect(passed).toEqual([0, 2]);
    requests[2]?.close();
    const late = exchange();
    gate(late.req, late.res, () => passed.push(3));
    expect(passed).toEqual([0, 2, 3]);
  });
});
