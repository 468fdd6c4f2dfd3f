import { forecastCalls, type Forecast } from '@giliran/domain';
import type { QueueEngine } from '../commands/queue-engine.ts';

/**
 * The live queue's forecast, shared by every status page and service list asked about the same queue in the same
 * minute: a commit or the next minute makes a new one (pauses run on and desks move through their steps with time).
 */
export class ForecastCache {
  private key = '';
  private value: Forecast | null = null;

  constructor(private readonly engine: QueueEngine) {}

  current(): Forecast {
    const now = this.engine.nowIso();
    const key = `${String(this.engine.revision)}|${now.slice(0, 16)}`;
    if (this.value === null || key !== this.key) {
      this.value = forecastCalls(this.engine.state, this.engine.config, now);
      this.key = key;
    }
    return this.value;
  }
}
