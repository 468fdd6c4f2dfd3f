import type { RefObject } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';

/** Height of one active-ticket row in px: the stylesheet keeps every row to it (one line, no wrapping). */
export const ROW_HEIGHT = 34;
/** Rows drawn above and below the visible ones, so a quick scroll does not show blank space. */
const OVERSCAN = 10;
/** Before the first measure (and in a browser that cannot): enough rows for a full-height table. */
const DEFAULT_VIEWPORT = 1200;

export interface RowRange {
  readonly start: number;
  readonly end: number;
}

/** The rows (`start` inclusive, `end` exclusive) that fill a viewport scrolled to `scrollTop`, with overscan. */
export function visibleRange(scrollTop: number, viewport: number, count: number): RowRange {
  const first = Math.floor(Math.max(0, scrollTop) / ROW_HEIGHT);
  const start = Math.max(0, first - OVERSCAN);
  const end = Math.min(count, first + Math.ceil(viewport / ROW_HEIGHT) + OVERSCAN);
  return { start: Math.min(start, end), end };
}

/**
 * The part of a long table the scroll box shows. With 2,000 active tickets every row's clock changes each second;
 * drawing only the visible rows keeps that to a few dozen rows, whatever the hall's size.
 */
export function useRowWindow(count: number): { box: RefObject<HTMLDivElement | null>; range: RowRange } {
  const box = useRef<HTMLDivElement>(null);
  const [view, setView] = useState({ top: 0, height: DEFAULT_VIEWPORT });
  useEffect(() => {
    const element = box.current;
    if (!element) return;
    let frame = 0;
    const measure = () => {
      frame = 0;
      setView({ top: element.scrollTop, height: element.clientHeight || DEFAULT_VIEWPORT });
    };
    const onChange = () => {
      if (frame === 0) frame = requestAnimationFrame(measure);
    };
    measure();
    element.addEventListener('scroll', onChange, { passive: true });
    // The box grows with its first rows up to its maximum height, and with the window: measure it again then.
    const resized = new ResizeObserver(onChange);
    resized.observe(element);
    return () => {
      element.removeEventListener('scroll', onChange);
      resized.disconnect();
      if (frame !== 0) cancelAnimationFrame(frame);
    };
    // The scroll box exists only while there are rows: measure again when it appears.
  }, [count > 0]);
  return { box, range: visibleRange(view.top, view.height, count) };
}
