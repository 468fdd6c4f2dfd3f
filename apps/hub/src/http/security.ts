import cors from 'cors';
import type { RequestHandler } from 'express';
import helmet from 'helmet';

/**
 * Browser-side defences for every response. The pages load only their own scripts and styles and talk only to
 * this hub; pictures and videos of the display's media loop may come from wherever the site file points.
 */
export function securityHeaders(): RequestHandler {
  return helmet({
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
  });
}

/**
 * Cross-origin calls only from the origins the site names (e.g. an agency intranet page showing the queue);
 * the hub's own pages are same-origin and need none.
 */
export function corsPolicy(allowed: readonly string[]): RequestHandler {
  return cors({
    origin: (origin, done) => {
      done(null, origin !== undefined && allowed.includes(origin));
    },
  });
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
