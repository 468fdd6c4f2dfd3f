import { join } from 'node:path';
import type { HubContext } from '../hub-context.ts';
import { repoRoot } from '../repo-root.ts';
import { landingRoutes } from './landing-page.ts';
import { pageRoutes } from './page-routes.ts';

// From the root, not this file: the bundle (dist/hub/main.js) sits at another depth than this source.
const DEFAULT_WEB_ROOT = join(repoRoot(import.meta.url), 'dist', 'web');

/** The landing page at `/` and every screen's built web page. Registered last: pages catch what the API does not. */
export function registerPages(ctx: HubContext): void {
  ctx.web(landingRoutes(ctx.site));
  ctx.web(pageRoutes(ctx.options.webRoot ?? DEFAULT_WEB_ROOT, { tokensInAddress: ctx.site.demo }));
}
