import { describe, expect, it } from 'vitest';
import { configErrorPageUrl, offlinePageUrl } from './display-pages.ts';

const html = (url: string): string => decodeURIComponent(url.replace(/^data:text\/html;charset=utf-8,/, ''));

describe('display local pages', () => {
  it('say the display is offline, in its language, white on black and without script', () => {
    expect(html(offlinePageUrl('id'))).toContain('Layar antrean sedang tidak terhubung');
    expect(html(offlinePageUrl('en'))).toContain('The queue display is offline');
    expect(html(offlinePageUrl('en'))).toContain('lang="en"');
    expect(html(offlinePageUrl('id'))).toContain('background: #000000');
    expect(html(configErrorPageUrl('Judul', '<b>x</b>'))).not.toContain('<b>');
    expect(html(offlinePageUrl('id'))).toContain(`default-src 'none'`);
  });
});
