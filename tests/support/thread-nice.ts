import { readFileSync, readdirSync } from 'node:fs';

/** The nice value in a Linux /proc stat line: its 19th field, counted after the command name in parentheses. */
export function niceOf(stat: string): number {
  return Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[16]);
}

/** The nice value of every thread of this process (an in-process hub's worker threads are among them). */
export function threadNices(): number[] {
  return readdirSync('/proc/self/task').map((tid) =>
    niceOf(readFileSync(`/proc/self/task/${tid}/stat`, 'utf8')),
  );
}
