import { describe, expect, it } from 'vitest';
import { logUrl } from './log-url.ts';

describe('logUrl', () => {
  it('drops every query string, whatever it holds', () => {
    expect(logUrl('/kiosk?token=demo-kiosk')).toBe('/kiosk?[redacted]');
    expect(logUrl('/display?lang=en&token=x')).toBe('/display?[redacted]');
    expect(logUrl('/api/tickets/t1')).toBe('/api/tickets/t1');
  });

  it('hides ticket and complaint codes in paths, and keeps the rest of the address', () => {
    expect(logUrl('/t/WA4TUM3PSX')).toBe('/t/[redacted]');
    expect(logUrl('/api/public/tickets/WA4TUM3PSX')).toBe('/api/public/tickets/[redacted]');
    expect(logUrl('/api/survey/tickets/WA4TU-M3PSX')).toBe('/api/survey/tickets/[redacted]');
    expect(logUrl('/pengaduan/ABCD1234?lang=en')).toBe('/pengaduan/[redacted]?[redacted]');
    expect(logUrl('/api/public/complaints/ABCD1234')).toBe('/api/public/complaints/[redacted]');
    expect(logUrl('/api/public/complaints/form')).toBe('/api/public/complaints/form');
  });
});
