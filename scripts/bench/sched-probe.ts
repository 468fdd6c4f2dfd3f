// A control for benches on a shared machine: a process at normal priority that only sleeps 10 ms at a time and
// measures how late it wakes (event-loop delay), in phases named on its stdin. Its p99 lateness in each phase is
// what the machine's other load does to any process of ours, the hub's loop included, whatever the hub does.
// Input lines: a phase name starts a new phase; `end` prints { phase: p99 ms } as JSON and exits.
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { createInterface } from 'node:readline';

const results: Record<string, number> = {};
let current: string | null = null;
let histogram = monitorEventLoopDelay({ resolution: 10 });

function close(): void {
  if (current !== null) {
    histogram.disable();
    results[current] = histogram.percentile(99) / 1e6;
  }
}

for await (const line of createInterface({ input: process.stdin })) {
  close();
  if (line === 'end') break;
  current = line;
  histogram = monitorEventLoopDelay({ resolution: 10 });
  histogram.enable();
}
process.stdout.write(JSON.stringify(results));
