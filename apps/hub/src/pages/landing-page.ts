import { Router } from 'express';
import type { SiteConfig } from '../config/site-config.ts';
import { SCREENS } from '../screens.ts';

const escape = (text: string): string => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** `/`: every screen of the hall, who it is for and where it is, for whoever opens the hub's address first. */
function landingHtml(site: SiteConfig): string {
  const rows = SCREENS.map(
    (s) => `<li><a href="${s.path}">${s.path}</a><span>${escape(s.who)}</span></li>`,
  ).join('');
  return `<!doctype html>
<html lang="id"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>Giliran · ${escape(site.name)}</title>
<style>
body{margin:0;font-family:'Segoe UI',Roboto,'DejaVu Sans',Arial,sans-serif;background:#eef2f7;color:#14233a}
header{background:#0b4f8a;color:#fff;padding:20px 28px}h1{margin:0;font-size:26px}header p{margin:4px 0 0}
main{max-width:900px;margin:24px auto;padding:0 20px}ul{list-style:none;padding:0;display:grid;gap:10px}
li{display:grid;grid-template-columns:160px 1fr;gap:16px;align-items:center;background:#fff;border:1px solid #d5dde8;
border-radius:10px;padding:14px 18px;font-size:18px}a{color:#0b4f8a;font-weight:700;text-decoration:none}
p.note{color:#4f5f76}
</style></head>
<body><header><h1>Giliran · ${escape(site.name)}</h1><p>Layar-layar aula / the hall's screens</p></header>
<main><ul data-testid="screens">${rows}</ul>
<p class="note">Kiosk dan layar TV memerlukan token perangkat: <code>/kiosk?token=…</code>, <code>/display?token=…</code>.
Kiosk and TV need their device token.</p></main></body></html>`;
}

export function landingRoutes(site: SiteConfig): Router {
  const router = Router();
  router.get('/', (_req, res) => {
    res.setHeader('Cache-Control', 'no-cache');
    res.type('html').send(landingHtml(site));
  });
  return router;
}
