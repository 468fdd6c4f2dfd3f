/** The hub's only source of time, so tests can drive SOP timers and deadlines without waiting. */
export interface Clock {
  now(): number;
  setTimer(callback: () => void, delayMs: number): () => void;
}

// setTimeout overflows past 2^31-1 ms (~24.8 days) and then fires at once.
const MAX_DELAY = 2 ** 31 - 1;

export const systemClock: Clock = {
  now: () => Date.now(),
  setTimer(callback, delayMs) {
    const handle = setTimeout(callback, Math.min(Math.max(0, delayMs), MAX_DELAY));
    handle.unref();
    return () => {
      clearTimeout(handle);
    };
  },
};
