import { describe, expect, it } from 'vitest';
import { newTicketCode } from './secrets.ts';

describe('newTicketCode', () => {
  it('gives 10 characters without look-alikes, all different, across refills of the random pool', () => {
    // 2,000 codes use the 4 KiB pool about five times over.
    const codes = Array.from({ length: 2000 }, () => newTicketCode());
    for (const code of codes) expect(code).toMatch(/^[A-HJ-NP-Z2-9]{10}$/);
    expect(new Set(codes).size).toBe(codes.length);
    // Every letter of the alphabet turns up in every position: nothing is stuck at the pool's edges.
    for (let position = 0; position < 10; position++)
      expect(new Set(codes.map((c) => c[position])).size).toBe(32);
  });
});
