import { describe, expect, it } from 'vitest';
import { configErrorPageUrl, escapeHtml, offlinePageUrl } from './local-pages.ts';

const html = (url: string): string => decodeURIComponent(url.replace(/^data:text\/html;charset=utf-8,/, ''));

describe('local pages', () => {
  it('escapes what they show', () => {
    expect(escapeHtml(`<script>alert("x")</script> & 'y'`)).toBe(
      '&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;y&#39;',
    );
    const page = html(configErrorPageUrl('Judul', 'Berkas C:\\kiosk.json <img src=x onerror=alert(1)>'));
    expect(page).toContain('&lt;img src=x onerror=alert(1)&gt;');
    expect(page).not.toContain('<img');
  });

  it('allow no script at all', () => {
    expect(html(offlinePageUrl('id'))).toContain(`default-src 'none'`);
    expect(html(offlinePageUrl('id'))).not.toContain('<script');
  });

  it("say what the kiosk page's offline screen says, in the kiosk's language", () => {
    expect(html(offlinePageUrl('id'))).toContain('Mesin antrian sedang tidak terhubung');
    expect(html(offlinePageUrl('id'))).toContain('lang="id"');
    expect(html(offlinePageUrl('en'))).toContain('The queue machine is offline');
  });
});
