import { describe, expect, it } from 'vitest';
import { urlForLog } from './log-url.ts';

describe('urlForLog', () => {
  it('keeps a plain URL and drops a query or fragment, which may hold the device token', () => {
    expect(urlForLog('http://hub:8080/kiosk')).toBe('http://hub:8080/kiosk');
    expect(urlForLog('http://hub:8080/display?token=s3cret&lang=en')).toBe('http://hub:8080/display?…');
    expect(urlForLog('http://hub:8080/display#token=s3cret')).toBe('http://hub:8080/display?…');
  });

  it('shortens local data: pages and survives nonsense', () => {
    expect(urlForLog('data:text/html;charset=utf-8,%3C!doctype%20html%3E')).toBe('a local page');
    expect(urlForLog('not a url')).toBe('an unparsable URL');
  });
});
