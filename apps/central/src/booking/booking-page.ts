import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { Router } from 'express';

/**
 * The citizen's `/booking` page, the hub's own build: at central it asks for the site first (`?site=`), then talks
 * to `/api/sites/:site/…`. Its assets are served with /pusat's.
 */
export function bookingPage(webRoot: string): Router {
  const router = Router();
  for (const path of ['/booking', '/booking/:code'])
    router.get(path, (_req, res) => {
      const page = join(webRoot, 'citizen', 'renderer', 'booking.html');
      if (!existsSync(page)) {
        res.status(503).type('text/plain').send('Halaman belum dibangun. Jalankan `npm run build:web`.');
        return;
      }
      res.setHeader('Cache-Control', 'no-cache');
      res.sendFile(page);
    });
  return router;
}
