import type { NextFunction, Request, RequestHandler, Response } from 'express';

/**
 * At most `limit` requests of a route past this point at once; the others wait, unread, in arrival order. For the
 * sync route: a hundred hubs catching up at once each send a batch of up to 4 MB, and every batch would otherwise
 * be read and parsed at once and then wait for one of the pool's connections, its objects surviving young-generation
 * collections into the old one. Waiting before the body is read leaves it in the socket (TCP holds the sender back),
 * so memory and garbage collection stay those of `limit` batches.
 */
export function admission(limit: number): RequestHandler {
  let active = 0;
  const waiting: (() => void)[] = [];
  const release = () => {
    active -= 1;
    waiting.shift()?.();
  };
  return (req: Request, res: Response, next: NextFunction): void => {
    const start = () => {
      // The client went away while it waited: nothing to serve, the slot goes to the next.
      if (res.closed || req.destroyed) {
        waiting.shift()?.();
        return;
      }
      active += 1;
      res.once('close', release);
      next();
    };
    if (active < limit) start();
    else waiting.push(start);
  };
}
