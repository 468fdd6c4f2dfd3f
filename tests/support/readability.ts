import type { Page } from 'playwright-core';

/** A text on screen that is too small or too faint for the room it is read in. */
export interface ReadabilityProblem {
  readonly text: string;
  readonly fontSizePx: number;
  readonly contrast: number;
  readonly required: number;
}

/**
 * Runs in the page (plain JS: the tests' TypeScript has no DOM types). For every visible text: its computed font
 * size and its WCAG 2 contrast against what lies behind it, semi-transparent layers composited over the first
 * opaque one and a gradient judged by its worst stop.
 */
const MEASURE = `(minPx) => {
  const parse = (css) => [...css.matchAll(/rgba?\\(([^)]+)\\)/g)].map((m) => {
    const [r = 0, g = 0, b = 0, a = 1] = m[1].split(/[\\s,/]+/).filter(Boolean).map(Number);
    return [r, g, b, a];
  });
  const over = (top, under) => {
    const a = top[3];
    return [0, 1, 2].map((i) => top[i] * a + under[i] * (1 - a)).concat(1);
  };
  const luminance = (c) => {
    const lin = (v) => { const s = v / 255; return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4; };
    return 0.2126 * lin(c[0]) + 0.7152 * lin(c[1]) + 0.0722 * lin(c[2]);
  };
  const ratio = (a, b) => {
    const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
    return (hi + 0.05) / (lo + 0.05);
  };
  const backdrops = (element) => {
    const layers = [];
    for (let el = element; el; el = el.parentElement) {
      const style = getComputedStyle(el);
      const gradient = parse(style.backgroundImage);
      if (gradient.length > 0) {
        layers.push(gradient);
        if (gradient.every((c) => c[3] === 1)) break;
      }
      const [color] = parse(style.backgroundColor);
      if (color && color[3] > 0) {
        layers.push([color]);
        if (color[3] === 1) break;
      }
    }
    let candidates = [[255, 255, 255, 1]];
    for (const layer of layers.reverse()) candidates = layer.flatMap((c) => candidates.map((u) => over(c, u)));
    return candidates;
  };
  const problems = [];
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const text = (node.textContent || '').trim();
    const element = node.parentElement;
    if (!text || !element) continue;
    const box = element.getBoundingClientRect();
    const style = getComputedStyle(element);
    if (box.width === 0 || box.height === 0 || style.visibility === 'hidden' || Number(style.opacity) === 0) continue;
    if (box.bottom <= 0 || box.top >= innerHeight || box.right <= 0 || box.left >= innerWidth) continue;
    const size = parseFloat(style.fontSize);
    const bold = Number(style.fontWeight) >= 700;
    const required = size >= 24 || (bold && size >= 18.66) ? 3 : 4.5;
    const [ink = [0, 0, 0, 1]] = parse(style.color);
    const contrast = Math.min(...backdrops(element).map((b) => ratio(over(ink, b), b)));
    if (size < minPx || contrast < required)
      problems.push({ text, fontSizePx: size, contrast: Math.round(contrast * 100) / 100, required });
  }
  return problems;
}`;

/**
 * The visible texts of the page under `minFontPx`, or under WCAG AA contrast (4.5:1; 3:1 for large text, 24 px or
 * 18.66 px bold). An empty list means every text can be read.
 */
export async function readabilityProblems(page: Page, minFontPx: number): Promise<ReadabilityProblem[]> {
  return page.evaluate<ReadabilityProblem[]>(`(${MEASURE})(${minFontPx})`);
}
