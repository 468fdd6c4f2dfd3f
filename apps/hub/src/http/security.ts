import { IncomingMessage, ServerResponse } from 'node:http';
import { Socket } from 'node:net';
import cors from 'cors';
import type { RequestHandler } from 'express';
import helmet, { type HelmetOptions } from 'helmet';

type Headers = Map<string, string | number | readonly string[]>;

/**
 * The headers a helmet middleware sets, found once by running it against a response that is never sent. Our policy
 * has no per-request parts (no nonces), so every page gets the same set: applied in one call instead of helmet's
 * chain of a dozen middlewares on every request.
 */
function headersOf(
  middleware: (req: IncomingMessage, res: ServerResponse, next: (error?: unknown) => void) => void,
): Headers {
  const res = new ServerResponse(new IncomingMessage(new Socket()));
  let passed = false as boolean;
  middleware(res.req, res, () => {
    passed = true;
  });
  if (!passed) throw new Error('the security headers middleware did not pass the request on synchronously');
  const headers: Headers = new Map();
  for (const [name, value] of Object.entries(res.getHeaders()))
    if (value !== undefined) headers.set(name, value);
  return headers;
}

/**
 * Browser-side defences for every response. The pages load only their own scripts and styles and talk only to
 * this hub; pictures and videos of the display's media loop may come from wherever the site file points.
 */
export function securityHeaders(): RequestHandler {
  const pageHeaders = headersOf(helmet(PAGE_POLICY));
  return (req, res, next) => {
    res.setHeaders(req.url.startsWith('/api/') ? API_HEADERS : pageHeaders);
    next();
  };
}

/**
 * The API answers JSON, CSV, XLSX, PDF and WAV, never a page: it gets the short set the OWASP REST cheat sheet
 * gives for that (nothing may load from or frame an answer, no sniffing, no cross-origin embedding) instead of the
 * pages' policy. Half the header bytes of every answer, on the path every ticket and call takes.
 */
const API_HEADERS: Headers = new Map([
  ['Content-Security-Policy', "default-src 'none'; frame-ancestors 'none'"],
  ['X-Content-Type-Options', 'nosniff'],
  ['X-Frame-Options', 'DENY'],
  ['Cross-Origin-Resource-Policy', 'same-origin'],
  ['Referrer-Policy', 'no-referrer'],
]);

/** The pages' policy, as helmet options (the unit test runs helmet with them to check the computed set). */
export const PAGE_POLICY: HelmetOptions = {
  contentSecurityPolicy: {
    useDefaults: true,
    directives: {
      'default-src': ["'self'"],
      'script-src': ["'self'"],
      'style-src': ["'self'", "'unsafe-inline'"],
      'img-src': ["'self'", 'data:', 'blob:', '*'],
      'media-src': ["'self'", 'data:', 'blob:', '*'],
      'connect-src': ["'self'", 'ws:', 'wss:'],
      // A hall LAN is plain HTTP: upgrading would break every page.
      'upgrade-insecure-requests': null,
    },
  },
  // Same reason: HSTS on a LAN address served over HTTP would lock browsers out.
  strictTransportSecurity: false,
  crossOriginEmbedderPolicy: false,
};

/**
 * Cross-origin calls only from the origins the site names (e.g. an agency intranet page showing the queue);
 * the hub's own pages are same-origin and need none.
 */
export function corsPolicy(allowed: readonly string[]): RequestHandler {
  const policy = cors({
    origin: (origin, done) => {
      done(null, origin !== undefined && allowed.includes(origin));
    },
  });
  return (req, res, next) => {
    // Kiosks, counters and displays send no Origin: then the policy would only copy its options and pass on.
    if (req.headers.origin === undefined) next();
    else policy(req, res, next);
  };
}

/** A browser's Socket.IO connection from a foreign page is refused, as its REST calls are. */
export function originAllowed(
  origin: string | undefined,
  host: string | undefined,
  allowed: readonly string[],
): boolean {
  if (origin === undefined) return true; // not a browser (apps, tests, curl): the token decides
  if (allowed.includes(origin)) return true;
  try {
    return new URL(origin).host === host;
  } catch {
    return false;
  }
}
