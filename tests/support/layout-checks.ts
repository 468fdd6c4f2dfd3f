import type { Page } from 'playwright-core';

/** A visible element whose text or box a check looked at, named for the failure message. */
export interface LaidOutElement {
  readonly name: string;
  readonly box: { readonly x: number; readonly y: number; readonly width: number; readonly height: number };
  readonly fontPx: number;
  readonly text: string;
}

export interface Layout {
  readonly viewport: { readonly width: number; readonly height: number };
  /** How far the document is wider / taller than the viewport (0 when it fits). */
  readonly overflowX: number;
  readonly overflowY: number;
  /** Visible elements that show text of their own, or are controls or images. */
  readonly elements: readonly LaidOutElement[];
  /** Pairs of those elements (neither inside the other) whose boxes cross by more than a pixel each way. */
  readonly overlaps: readonly string[];
}

/**
 * Measures what the page shows in Chromium. Plain JS in a string: the tests' TypeScript has no DOM types
 * (see display.e2e.test.ts). Elements inside `ignore` (e.g. a marquee that scrolls by design) are left out.
 */
const MEASURE = `(({ ignore }) => {
  const name = (el) => el.tagName.toLowerCase() + (el.dataset.testid ? '[data-testid=' + el.dataset.testid + ']' : '')
    + (el.id ? '#' + el.id : '') + (typeof el.className === 'string' && el.className ? '.' + el.className.trim().split(/\\s+/).join('.') : '');
  const ownText = (el) => [...el.childNodes].filter((n) => n.nodeType === 3).map((n) => n.textContent.trim()).join(' ').trim();
  const shown = (el) => {
    const style = getComputedStyle(el);
    const box = el.getBoundingClientRect();
    return style.visibility !== 'hidden' && style.display !== 'none' && Number(style.opacity) > 0 && box.width > 0 && box.height > 0;
  };
  const skipped = ignore ? [...document.querySelectorAll(ignore)] : [];
  const picked = [...document.body.querySelectorAll('*')].filter((el) =>
    !skipped.some((s) => s.contains(el)) && shown(el) &&
    (ownText(el) !== '' || ['BUTTON', 'INPUT', 'SELECT', 'TEXTAREA', 'IMG', 'SVG', 'CANVAS', 'VIDEO'].includes(el.tagName.toUpperCase())));
  const elements = picked.map((el) => {
    const b = el.getBoundingClientRect();
    return { el, name: name(el), box: { x: b.x, y: b.y, width: b.width, height: b.height },
      fontPx: parseFloat(getComputedStyle(el).fontSize), text: (ownText(el) || el.getAttribute('aria-label') || '').slice(0, 40) };
  });
  const overlaps = [];
  for (let i = 0; i < elements.length; i++) {
    for (let j = i + 1; j < elements.length; j++) {
      const a = elements[i], b = elements[j];
      if (a.el.contains(b.el) || b.el.contains(a.el)) continue;
      const w = Math.min(a.box.x + a.box.width, b.box.x + b.box.width) - Math.max(a.box.x, b.box.x);
      const h = Math.min(a.box.y + a.box.height, b.box.y + b.box.height) - Math.max(a.box.y, b.box.y);
      if (w > 1 && h > 1) overlaps.push(a.name + ' "' + a.text + '" × ' + b.name + ' "' + b.text + '"');
    }
  }
  const root = document.scrollingElement || document.documentElement;
  return {
    viewport: { width: window.innerWidth, height: window.innerHeight },
    overflowX: Math.max(0, root.scrollWidth - root.clientWidth),
    overflowY: Math.max(0, root.scrollHeight - root.clientHeight),
    elements: elements.map(({ el, ...rest }) => rest),
    overlaps,
  };
})`;

/** Waits for the page's finite animations (a screen fading in) so boxes and opacity are final. */
const SETTLE = `Promise.all(document.getAnimations()
  .filter((a) => a.effect && a.effect.getTiming().iterations !== Infinity)
  .map((a) => a.finished.catch(() => undefined)))`;

export async function measureLayout(page: Page, options: { ignore?: string } = {}): Promise<Layout> {
  await page.evaluate(SETTLE);
  return page.evaluate<Layout>(`${MEASURE}(${JSON.stringify({ ignore: options.ignore ?? '' })})`);
}

/** Elements whose box leaves the viewport (by more than half a pixel, for sub-pixel rounding). */
export function outsideViewport(layout: Layout): string[] {
  const { width, height } = layout.viewport;
  return layout.elements
    .filter(
      ({ box }) =>
        box.x < -0.5 || box.y < -0.5 || box.x + box.width > width + 0.5 || box.y + box.height > height + 0.5,
    )
    .map(({ name, box, text }) => `${name} "${text}" at ${JSON.stringify(box)}`);
}

/** Text elements smaller than `minPx` CSS pixels. */
export function textSmallerThan(layout: Layout, minPx: number): string[] {
  return layout.elements
    .filter((el) => el.text !== '' && el.fontPx < minPx)
    .map(({ name, fontPx, text }) => `${name} "${text}" at ${String(fontPx)}px`);
}

/** The smallest text size shown, for the test output. */
export function smallestText(layout: Layout): number {
  return Math.min(...layout.elements.filter((el) => el.text !== '').map((el) => el.fontPx));
}

export interface LayoutProblems {
  readonly scroll: { readonly x: number; readonly y: number };
  readonly outside: readonly string[];
  readonly overlaps: readonly string[];
  readonly smallText: readonly string[];
}

export const NO_LAYOUT_PROBLEMS: LayoutProblems = {
  scroll: { x: 0, y: 0 },
  outside: [],
  overlaps: [],
  smallText: [],
};

/** What fails "fits the screen": scrolling, boxes outside the viewport, overlapping boxes, text under `minPx`. */
export function layoutProblems(layout: Layout, minTextPx: number): LayoutProblems {
  return {
    scroll: { x: layout.overflowX, y: layout.overflowY },
    outside: outsideViewport(layout),
    overlaps: layout.overlaps,
    smallText: textSmallerThan(layout, minTextPx),
  };
}
