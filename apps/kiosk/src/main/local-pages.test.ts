import { describe, expect, it } from 'vitest';
import { configErrorPageUrl, offlinePageUrl } from './local-pages.ts';

const html = (url: string): string => decodeURIComponent(url.replace(/^data:text\/html;charset=utf-8,/, ''));

describe('kiosk local pages', () => {
  it('escape what they show and allow no script at all', () => {
    const page = html(configErrorPageUrl('Judul', 'Berkas C:\\kiosk.json <img src=x onerror=alert(1)>'));
    expect(page).not.toContain('<img');
    expect(html(offlinePageUrl('id'))).toContain(`default-src 'none'`);
    expect(html(offlinePageUrl('id'))).not.toContain('<script');
  });

  it("say what the kiosk page's offline screen says, in the kiosk's language and colours", () => {
    expect(html(offlinePageUrl('id'))).toContain('Mesin antrean sedang tidak terhubung');
    expect(html(offlinePageUrl('id'))).toContain('lang="id"');
    expect(html(offlinePageUrl('en'))).toContain('The queue machine is offline');
    expect(html(offlinePageUrl('en'))).toContain('background: #f4f6fa');
  });
});
