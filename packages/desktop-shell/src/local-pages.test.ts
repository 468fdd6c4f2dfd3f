import { describe, expect, it } from 'vitest';
import { createLocalPages, escapeHtml } from './local-pages.ts';

const pages = createLocalPages({
  look: { background: '#000000', text: '#ffffff', heading: '#ffd166', muted: '#c8c8c8', panel: '#1c1c1c' },
  offline: {
    id: { title: 'Tidak terhubung', body: 'Tunggu <sebentar>' },
    en: { title: 'Offline', body: 'Wait & see' },
  },
});

const html = (url: string): string => decodeURIComponent(url.replace(/^data:text\/html;charset=utf-8,/, ''));

describe('local pages', () => {
  it('escape what they show', () => {
    expect(escapeHtml(`<script>alert("x")</script> & 'y'`)).toBe(
      '&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;y&#39;',
    );
    const page = html(
      pages.configErrorPageUrl('Judul', 'Berkas C:\\kiosk.json <img src=x onerror=alert(1)>'),
    );
    expect(page).toContain('&lt;img src=x onerror=alert(1)&gt;');
    expect(page).not.toContain('<img');
    expect(html(pages.offlinePageUrl('id'))).toContain('Tunggu &lt;sebentar&gt;');
  });

  it('allow no script at all', () => {
    for (const url of [pages.offlinePageUrl('en'), pages.configErrorPageUrl('t', 'd')]) {
      expect(html(url)).toContain(`default-src 'none'`);
      expect(html(url)).not.toContain('<script');
    }
  });

  it("use the shell's colours and words, in the language asked for", () => {
    const offline = html(pages.offlinePageUrl('en'));
    expect(offline).toContain('lang="en"');
    expect(offline).toContain('<h1>Offline</h1>');
    expect(offline).toContain('Wait &amp; see');
    expect(offline).toContain('background: #000000');
    expect(offline).toContain('color: #ffd166');
  });
});
