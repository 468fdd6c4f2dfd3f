import type { Page } from 'playwright-core';

/** A text on screen that is too small or too faint for the room it is read in. */
export interface ReadabilityProblem {
  readonly text: string;
  readonly fontSizePx: number;
  readonly contrast: number;
  readonly required: number;
}

/**
 * Every visible text in the page, with its computed font size and its WCAG 2 contrast ratio against what lies
 * behind it (semi-transparent layers composited, a gradient judged by its worst stop). WCAG AA: 4.5:1, or 3:1 for
 * large text (24 px, or 18.66 px bold). Returns the texts under `minFontPx` or under their contrast.
 */
export async function readabilityProblems(page: Page, minFontPx: number): Promise<ReadabilityProblem[]> {
  return page.evaluate((minPx) => {
    type Rgba = [number, number, number, number];
    const parse = (css: string): Rgba[] =>
      [...css.matchAll(/rgba?\(([^)]+)\)/g)].map((m) => {
        const [r = 0, g = 0, b = 0, a = 1] = (m[1] ?? '')
          .split(/[\s,/]+/)
          .filter(Boolean)
          .map(Number);
        return [r, g, b, a];
      });
    const over = (top: Rgba, under: Rgba): Rgba => {
      const a = top[3];
      return [
        top[0] * a + under[0] * (1 - a),
        top[1] * a + under[1] * (1 - a),
        top[2] * a + under[2] * (1 - a),
        1,
      ];
    };
    const luminance = ([r, g, b]: Rgba): number => {
      const lin = (c: number) => {
        const s = c / 255;
        return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
      };
      return 0.2126 * lin(r) + 0.7152 * lin(g) + 0.0722 * lin(b);
    };
    const ratio = (a: Rgba, b: Rgba): number => {
      const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
      return ((hi ?? 0) + 0.05) / ((lo ?? 0) + 0.05);
    };
    /** The colours that may lie behind an element: its layers and its ancestors', down to the first opaque one. */
    const backdrops = (element: Element): Rgba[] => {
      const layers: Rgba[][] = [];
      for (let el: Element | null = element; el; el = el.parentElement) {
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
      let candidates: Rgba[] = [[255, 255, 255, 1]];
      for (const layer of layers.reverse())
        candidates = layer.flatMap((c) => candidates.map((u) => over(c, u)));
      return candidates;
    };
    const problems: { text: string; fontSizePx: number; contrast: number; required: number }[] = [];
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const text = (node.textContent ?? '').trim();
      const element = node.parentElement;
      if (!text || !element) continue;
      const box = element.getBoundingClientRect();
      const style = getComputedStyle(element);
      if (box.width === 0 || box.height === 0 || style.visibility === 'hidden' || Number(style.opacity) === 0)
        continue;
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
  }, minFontPx);
}
