import type { NextFunction, Request, RequestHandler, Response } from 'express';
import type { Logger } from 'pino';
import { logUrl } from './log-url.ts';

/**
 * At debug level, one line per answered request with method, url, status and time only: headers and bodies carry
 * bearer tokens and PINs and are never logged, and the url loses its query string and ticket codes (log-url.ts). Refusals and failures are not written here but by the error handler,
 * which knows their error code, at warn and error. A request the client dropped before its answer is a warning.
 *
 * Written here instead of pino-http because that builds two child loggers (and serialises the request) for every
 * request before knowing whether anything will be logged: about 6 % of the hub's time per issued ticket, for lines
 * that a hall at `info` level never writes. Here a hall at `info` pays one level check per request.
 */
export function requestLog(logger: Logger, ignore: (url: string) => boolean): RequestHandler {
  let lastId = 0;
  return (req: Request, res: Response, next: NextFunction): void => {
    if (!logger.isLevelEnabled('debug') || ignore(req.url)) {
      next();
      return;
    }
    const started = performance.now();
    const id = ++lastId;
    // `originalUrl`: routers trim their mount path from `url` while the request passes through them.
    const { method } = req;
    const url = logUrl(req.originalUrl);
    // 'close' follows 'finish' for every answer, and also comes alone when the client went away first.
    res.once('close', () => {
      const aborted = !res.writableFinished;
      if (!aborted && res.statusCode >= 400) return;
      logger[aborted ? 'warn' : 'debug'](
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
