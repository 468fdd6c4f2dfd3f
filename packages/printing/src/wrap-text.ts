const NO_BREAK_SPACE = '\u00a0';

/**
 * Word-wraps to `width` columns; a word longer than a line is split, so no line ever overflows.
 * A no-break space joins its neighbours and comes out as a plain space.
 */
export function wrapText(text: string, width: number): string[] {
  if (!Number.isInteger(width) || width < 1)
    throw new RangeError(`width must be a positive integer: ${width}`);
  const lines: string[] = [];
  for (const paragraph of text.split('\n')) {
    let line = '';
    for (const word of wordsOf(paragraph, width)) {
      let rest = word;
      while (rest.length > 0) {
        const room = line === '' ? width : width - line.length - 1;
        if (rest.length <= room) {
          line = line === '' ? rest : `${line} ${rest}`;
          rest = '';
        } else if (line !== '') {
          lines.push(line);
          line = '';
        } else {
          lines.push(rest.slice(0, width));
          rest = rest.slice(width);
        }
      }
    }
    if (line !== '') lines.push(line);
  }
  return lines.map((line) => line.replaceAll(NO_BREAK_SPACE, ' '));
}

/**
 * Words split at ordinary white space. A group joined by no-break spaces that is longer than a whole line
 * breaks at those spaces rather than mid-letter (which would leave a line that starts or is only a space).
 */
function wordsOf(paragraph: string, width: number): string[] {
  return paragraph
    .split(/[^\S\u00a0]+/)
    .flatMap((word) => (word.length > width ? word.split(NO_BREAK_SPACE) : [word]))
    .filter(Boolean);
}

/** Keeps a number with the word after it (`12 menit`, `09:12 WIB`, `+/- 12`): a unit alone on a line reads badly. */
export function keepNumbersWithUnits(text: string): string {
  return text.replace(/(?<=(?:^|\s)(?:\d+(?:[:.,]\d+)*|\+\/-|±)) (?=\S)/g, NO_BREAK_SPACE);
}
