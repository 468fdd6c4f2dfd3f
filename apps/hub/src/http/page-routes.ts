import { existsSync } from 'node:fs';
import { join } from 'node:path';
import express, { Router } from 'express';

/** Built pages (Vite output) and the paths they answer on; the same pages load in Electron and in a browser. */
const PAGES: Readonly<Record<string, string>> = {
  '/kiosk': 'kiosk/renderer/index.html',
  '/t/:code': 'citizen/renderer/ticket-status.html',
  '/pengaduan': 'citizen/renderer/pengaduan.html',
  '/pengaduan/:code': 'citizen/renderer/pengaduan.html',
  '/survey': 'citizen/renderer/survey.html',
  '/display': 'display/renderer/index.html',
  '/counter': 'counter/renderer/index.html',
  '/mod': 'mod/renderer/index.html',
  '/fo': 'fo/renderer/index.html',
};

export function pageRoutes(webRoot: string): Router {
  const router = Router();
  router.use(
    '/assets',
    express.static(join(webRoot, 'assets'), { immutable: true, maxAge: '30d', index: false }),
  );
  for (const [path, file] of Object.entries(PAGES)) {
    router.get(path, (_req, res) => {
      const page = join(webRoot, file);
      if (!existsSync(page)) {
        res.status(503).type('text/plain').send('Halaman belum dibangun. Jalankan `npm run build:web`.');
        return;
      }
      res.setHeader('Cache-Control', 'no-cache');
      res.sendFile(page);
    });
  }
  return router;
}
