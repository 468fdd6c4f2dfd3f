import { describe, expect, it } from 'vitest';
import { ROW_HEIGHT, visibleRange } from './row-window.ts';

describe('the rows a long live table draws', () => {
  it('draws the visible rows and ten either side, not the whole table', () => {
    // 2,000 rows, a 680 px box scrolled to row 1,000: 20 visible rows plus overscan.
    expect(visibleRange(1000 * ROW_HEIGHT, 680, 2000)).toEqual({ start: 990, end: 1030 });
  });

  it('starts at the top and stops at the last row', () => {
    expect(visibleRange(0, 680, 2000)).toEqual({ start: 0, end: 30 });
    expect(visibleRange(1995 * ROW_HEIGHT, 680, 2000)).toEqual({ start: 1985, end: 2000 });
    expect(visibleRange(0, 680, 5)).toEqual({ start: 0, end: 5 });
  });

  it('copes with a table that shrank under a scrolled box', () => {
    expect(visibleRange(1500 * ROW_HEIGHT, 680, 40)).toEqual({ start: 40, end: 40 });
    expect(visibleRange(-50, 680, 40)).toEqual({ start: 0, end: 30 });
  });
});
