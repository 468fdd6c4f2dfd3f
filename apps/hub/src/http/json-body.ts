import type { NextFunction, Request, RequestHandler, Response } from 'express';

/** A body refused before it reached a route, shaped like body-parser's errors: the error handler reads these. */
export class BodyError extends Error {
  constructor(
    readonly status: 400 | 413 | 415,
    readonly type: string,
    message: string,
  ) {
    super(message);
  }
}

const PLAIN_JSON = { type: 'application/json', charset: null } as const;

function mediaTypeOf(header: string): { type: string; charset: string | null } {
  if (header === 'application/json') return PLAIN_JSON; // what every Giliran client sends
  const [type = '', ...parameters] = header.split(';');
  let charset: string | null = null;
  for (const parameter of parameters) {
    const [name, value] = parameter.split('=');
    if (name?.trim().toLowerCase() === 'charset')
      charset = (value ?? '').trim().replace(/^"|"$/g, '').toLowerCase();
  }
  return { type: type.trim().toLowerCase(), charset };
}

/** Why a body cannot be read at all, from its headers alone; null when it can. */
function refusal(req: Request, charset: string | null, limit: number): BodyError | null {
  const encoding = (req.headers['content-encoding'] ?? 'identity').toLowerCase();
  if (encoding !== 'identity')
    return new BodyError(415, 'encoding.unsupported', `unsupported content encoding "${encoding}"`);
  if (charset !== null && charset !== 'utf-8' && charset !== 'utf8')
    return new BodyError(415, 'charset.unsupported', `unsupported charset "${charset}"`);
  if (Number(req.headers['content-length']) > limit)
    return new BodyError(413, 'entity.too.large', 'request entity too large');
  return null;
}

/** The text as JSON, strict like body-parser's default: an object or an array, nothing else at the top. */
function parse(text: string): unknown {
  const body = text.startsWith('\uFEFF') ? text.slice(1) : text;
  if (body.length === 0) return {};
  const first = /^[ \t\n\r]*(.)/.exec(body)?.[1];
  if (first !== '{' && first !== '[')
    throw new BodyError(400, 'entity.parse.failed', 'body is not valid JSON');
  try {
    return JSON.parse(body) as unknown;
  } catch {
    throw new BodyError(400, 'entity.parse.failed', 'body is not valid JSON');
  }
}

/**
 * Reads a JSON request body (UTF-8, at most `limit` bytes) into `req.body`, as `express.json()` does for the
 * hub's callers: other content types are left unread, a refused body is read to its end (so the client hears the
 * answer instead of a reset) and passed on as a 400, 413 or 415 error.
 *
 * Written here instead of express.json (body-parser) because that reads through raw-body, iconv-lite, type-is and
 * an async resource: 45 µs of every issued ticket's half millisecond here, against 29 µs for this reader (measured
 * per stage inside the hub under `wrk`). Compressed and non-UTF-8 bodies, which no Giliran client sends, are
 * refused instead of decoded.
 */
export function jsonBody(limit: number): RequestHandler {
  return (req: Request, _res: Response, next: NextFunction): void => {
    const { headers } = req;
    if (headers['content-length'] === undefined && headers['transfer-encoding'] === undefined) {
      next();
      return;
    }
    const media = mediaTypeOf(headers['content-type'] ?? '');
    if (media.type !== 'application/json') {
      next();
      return;
    }
    const refused = refusal(req, media.charset, limit);
    if (refused) {
      drain(req, () => {
        next(refused);
      });
      return;
    }
    readBody(req, limit, (error, text) => {
      if (error) {
        next(error);
        return;
      }
      try {
        req.body = parse(text);
      } catch (failure) {
        next(failure);
        return;
      }
      next();
    });
  };
}

function readBody(req: Request, limit: number, done: (error: BodyError | null, text: string) => void): void {
  const chunks: Buffer[] = [];
  let received = 0;
  let settled = false;
  // Inline callbacks, not named ones: tsx compiles with esbuild's keepNames, which gives every named closure its
  // name with Object.defineProperty each time one is made, here on every request. An error is built only when it
  // is the answer: building one captures a stack.
  req.on('data', (chunk: Buffer) => {
    if (settled) return;
    received += chunk.length;
    if (received <= limit) {
      chunks.push(chunk);
      return;
    }
    settled = true;
    drain(req, () => {
      done(new BodyError(413, 'entity.too.large', 'request entity too large'), '');
    });
  });
  req.once('end', () => {
    if (settled) return;
    settled = true;
    done(
      null,
      chunks.length === 1 ? (chunks[0]?.toString('utf8') ?? '') : Buffer.concat(chunks).toString('utf8'),
    );
  });
  // The client went away mid-body: nobody will read the answer, but the request must still end. ('close' also
  // follows every complete body, when it is settled already.)
  req.once('close', () => {
    if (settled) return;
    settled = true;
    done(new BodyError(400, 'request.aborted', 'request aborted'), '');
  });
}

/** Reads and drops the rest of a refused body, then answers: a client still sending would otherwise get a reset. */
function drain(req: Request, then: () => void): void {
  if (req.complete || req.destroyed) {
    then();
    return;
  }
  let called = false;
  const once = () => {
    if (called) return;
    called = true;
    then();
  };
  req.once('end', once);
  req.once('close', once);
  req.resume();
}
