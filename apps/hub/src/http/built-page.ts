import { existsSync } from 'node:fs';
import type { Response } from 'express';

/**
 * Answers with a page Vite built (never cached stale: a new build must reach every screen at its next load), or
 * 503 naming the command that builds it: the hub's pages, and central's /pusat and /booking.
 */
export function sendBuiltPage(res: Response, page: string): void {
  if (!existsSync(page)) {
    res.status(503).type('text/plain').send('Halaman belum dibangun. Jalankan `npm run build:web`.');
    return;
  }
  res.setHeader('Cache-Control', 'no-cache');
  res.sendFile(page);
}
