import { describe, expect, it } from 'vitest';
import { configErrorPageUrl, offlinePageUrl } from './counter-pages.ts';

const html = (url: string): string => decodeURIComponent(url.replace(/^data:text\/html;charset=utf-8,/, ''));

describe('counter local pages', () => {
  it('tell the officer the app is offline, in its language, without script', () => {
    expect(html(offlinePageUrl('id'))).toContain('Aplikasi loket tidak terhubung ke server antrean');
    expect(html(offlinePageUrl('en'))).toContain('The counter app cannot reach the queue server');
    expect(html(offlinePageUrl('en'))).toContain('lang="en"');
    expect(html(offlinePageUrl('id'))).toContain(`default-src 'none'`);
    expect(html(configErrorPageUrl('Judul', '<b>x</b>'))).not.toContain('<b>');
  });
});
