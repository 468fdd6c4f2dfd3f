import { join } from 'node:path';
import express, { Router } from 'express';
import { sendBuiltPage } from '../../../hub/src/http/built-page.ts';
import { repoRoot } from '../../../hub/src/repo-root.ts';

/** The built pages (Vite output, `npm run build:web`), shared with the hub: central serves only /pusat. */
export const WEB_ROOT = join(repoRoot(import.meta.url), 'dist', 'web');

/** `/pusat`, the region's overview page, and the assets it loads. */
export function pusatPage(webRoot = WEB_ROOT): Router {
  const router = Router();
  router.use(
    '/assets',
    express.static(join(webRoot, 'assets'), { immutable: true, maxAge: '30d', index: false }),
  );
  router.get('/', (_req, res) => {
    res.redirect(302, '/pusat');
  });
  router.get('/pusat', (_req, res) => {
    sendBuiltPage(res, join(webRoot, 'pusat', 'renderer', 'index.html'));
  });
  return router;
}
