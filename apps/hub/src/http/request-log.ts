import type { NextFunction, Request, RequestHandler, Response } from 'express';
import type { Level, Logger } from 'pino';

/**
 * A busy hall makes tens of thousands of good requests a day: those are debug; refusals and failures are not.
 * A request the client dropped before its answer was sent is a warning (the error handler logs real failures).
 */
export function levelOf(statusCode: number, aborted: boolean): Level {
  if (statusCode >= 500) return 'error';
  return aborted || statusCode >= 400 ? 'warn' : 'debug';
}

/**
 * One log line per finished request, at the level its outcome deserves, with method, url, status and time only:
 * headers and bodies carry bearer tokens and PINs and are never logged.
 *
 * Written here instead of pino-http because that builds two child loggers (and serialises the request) for every
 * request before knowing whether anything will be logged: about 6 % of the hub's time per issued ticket, for lines
 * that a hall at `info` level never writes. Here nothing is built unless the level is enabled.
 */
export function requestLog(logger: Logger, ignore: (url: string) => boolean): RequestHandler {
  let lastId = 0;
  return (req: Request, res: Response, next: NextFunction): void => {
    if (ignore(req.url)) {
      next();
      return;
    }
    const started = performance.now();
    const id = ++lastId;
    // `originalUrl`: routers trim their mount path from `url` while the request passes through them.
    const { method, originalUrl: url } = req;
    // 'close' follows 'finish' for every answer, and also comes alone when the client went away first.
    res.once('close', () => {
      const aborted = !res.writableFinished;
      const level = levelOf(res.statusCode, aborted);
      if (!logger.isLevelEnabled(level)) return;
      logger[level](
        {
          req: { id, method, url },
          res: { statusCode: res.statusCode },
          responseTime: Math.round(performance.now() - started),
        },
        aborted ? 'request aborted' : 'request completed',
      );
    });
    next();
  };
}
