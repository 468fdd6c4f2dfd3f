import { setPriority } from 'node:os';

/** Background work's priority: the lowest (Linux nice 19), so the loop that issues tickets is always served first. */
export const BACKGROUND_NICE = 19;

/**
 * Lowers the calling worker thread, and only it, to background priority: on Linux `setpriority(PRIO_PROCESS, 0)`
 * changes the calling thread (its own task), not the hub's loop, and programs it starts (espeak-ng) inherit it. On
 * two cores an export or a voice rendered beside the kiosks then takes only the CPU the hub's loop leaves over.
 * Other systems apply it to the whole process, so there it is left alone (as lowering is, if refused).
 */
export function runInBackground(): void {
  if (process.platform !== 'linux') return;
  try {
    setPriority(0, BACKGROUND_NICE);
  } catch {
    // Not allowed here (a sandbox without setpriority): the work still runs, at the hub's own priority.
  }
}
