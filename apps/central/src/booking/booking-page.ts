import { join } from 'node:path';
import { Router } from 'express';
import { sendBuiltPage } from '../../../hub/src/http/built-page.ts';

/**
 * The citizen's `/booking` page, the hub's own build: at central it asks for the site first (`?site=`), then talks
 * to `/api/sites/:site/…`. Its assets are served with /pusat's.
 */
export function bookingPage(webRoot: string): Router {
  const router = Router();
  for (const path of ['/booking', '/booking/:code'])
    router.get(path, (_req, res) => {
      sendBuiltPage(res, join(webRoot, 'citizen', 'renderer', 'booking.html'));
    });
  return router;
}
