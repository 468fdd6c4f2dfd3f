import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import express from 'express';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sendBuiltPage } from './built-page.ts';

describe('sendBuiltPage', () => {
  const dir = mkdtempSync(join(tmpdir(), 'giliran-built-page-'));
  let server: Server;
  let base = '';
  beforeAll(async () => {
    writeFileSync(join(dir, 'index.html'), '<!doctype html><title>Kios</title>');
    const app = express();
    app.get('/:file', (req, res) => {
      sendBuiltPage(res, join(dir, req.params.file));
    });
    server = app.listen(0, '127.0.0.1');
    await new Promise((resolve) => server.once('listening', resolve));
    base = `http://127.0.0.1:${String((server.address() as AddressInfo).port)}`;
  });
  afterAll(() => {
    server.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('serves a built page, never cached stale', async () => {
    const res = await fetch(`${base}/index.html`);
    expect(res.status).toBe(200);
    expect(res.headers.get('cache-control')).toBe('no-cache');
    expect(await res.text()).toContain('<title>Kios</title>');
  });

  it('answers 503 naming the build command when the page is not built', async () => {
    const res = await fetch(`${base}/missing.html`);
    expect(res.status).toBe(503);
    expect(await res.text()).toContain('npm run build:web');
  });
});
