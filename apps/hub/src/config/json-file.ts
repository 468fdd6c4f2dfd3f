import { readFileSync } from 'node:fs';

/** Notepad and other Windows editors start a UTF-8 file with a byte-order mark, which JSON.parse refuses. */
const BOM = '\uFEFF';

function lineAndColumn(text: string, position: number): { line: number; column: number } {
  const before = text.slice(0, position);
  const line = before.split('\n').length;
  return { line, column: position - before.lastIndexOf('\n') };
}

/** Where JSON.parse stopped: its "at position N", or the end of the text for a file cut short. */
function failurePosition(text: string, message: string): number {
  const position = /at position (\d+)/.exec(message)?.[1];
  return position === undefined ? text.trimEnd().length : Number(position);
}

/**
 * A JSON file read for a person to fix: an empty file or a syntax error (a file cut short by a full disk or a
 * half-finished copy) is reported with the file's name and the line and column where reading stopped.
 */
export function parseJsonText(text: string, source: string): unknown {
  const body = text.startsWith(BOM) ? text.slice(BOM.length) : text;
  if (body.trim() === '') throw new Error(`${source} is empty: expected a JSON object`);
  try {
    return JSON.parse(body) as unknown;
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const position = failurePosition(body, message);
    const { line, column } = lineAndColumn(body, position);
    const cut = position >= body.trimEnd().length ? ' (the file ends too early: is it complete?)' : '';
    throw new Error(`${source}:${line}:${column}: not valid JSON${cut}: ${message}`, { cause: error });
  }
}

export function readJsonFile(path: string): unknown {
  return parseJsonText(readFileSync(path, 'utf8'), path);
}
