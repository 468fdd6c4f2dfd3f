import { existsSync } from 'node:fs';
import { join } from 'node:path';
import express, { Router } from 'express';
import { sendBuiltPage } from '../http/built-page.ts';

/** Built pages (Vite output) and the paths they answer on; the same pages load in Electron and in a browser. */
const PAGES: Readonly<Record<string, string>> = {
  '/kiosk': 'kiosk/renderer/index.html',
  '/t/:code': 'citizen/renderer/ticket-status.html',
  '/pengaduan': 'citizen/renderer/pengaduan.html',
  '/pengaduan/:code': 'citizen/renderer/pengaduan.html',
  '/booking': 'citizen/renderer/booking.html',
  '/booking/:code': 'citizen/renderer/booking.html',
  '/survey': 'citizen/renderer/survey.html',
  '/display': 'display/renderer/index.html',
  '/counter': 'counter/renderer/index.html',
  '/mod': 'mod/renderer/index.html',
  '/fo': 'fo/renderer/index.html',
  '/mobile': 'mobile/renderer/index.html',
};

export interface PageOptions {
  /**
   * The demo's shortcut `?token=demo-kiosk`: the page keeps it and removes it from the address bar. A real site
   * takes no token in any address (it would sit in browser history, bookmarks and proxies' logs): devices pair.
   */
  readonly tokensInAddress: boolean;
}

const TOKEN_REFUSED =
  'Token perangkat tidak boleh ada di alamat. Buka halaman tanpa ?token= dan pasangkan perangkat dengan kode ' +
  'dari admin (halaman MOD, Pengaturan, Perangkat).\n' +
  'A device token must not be in the address. Open the page without ?token= and pair the device with a code ' +
  'from the admin (MOD page, Settings, Devices).';

export function pageRoutes(webRoot: string, options: PageOptions = { tokensInAddress: true }): Router {
  const router = Router();
  router.use(
    '/assets',
    express.static(join(webRoot, 'assets'), { immutable: true, maxAge: '30d', index: false }),
  );
  // The status page's service worker, before `/t/:code` takes the path: JavaScript, never cached stale, its scope /t/.
  router.get('/t/sw.js', (_req, res) => {
    const worker = join(webRoot, 'ticket-sw.js');
    if (!existsSync(worker)) {
      res.status(404).type('text/plain').send('Service worker belum dibangun. Jalankan `npm run build:web`.');
      return;
    }
    res.setHeader('Cache-Control', 'no-cache');
    res.setHeader('Service-Worker-Allowed', '/t/');
    res.type('text/javascript');
    res.sendFile(worker);
  });
  for (const [path, file] of Object.entries(PAGES)) {
    router.get(path, (req, res) => {
      if (!options.tokensInAddress && req.query.token !== undefined) {
        res.status(400).type('text/plain').send(TOKEN_REFUSED);
        return;
      }
      sendBuiltPage(res, join(webRoot, file));
    });
  }
  return router;
}
