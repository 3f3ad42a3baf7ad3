/**
 * One waiter woken by a signal: the hand-off between a producer and a consumer that share a queue. A signal with
 * nobody waiting is dropped, so a waiter checks its condition again each time it wakes (and before it waits).
 */
export type Wakeup = { wait: () => Promise<void>; signal: () => void };

export function createWakeup(): Wakeup {
  let wake: (() => void) | null = null;
  return {
    wait: () => new Promise<void>((resolve) => (wake = resolve)),
    signal: () => {
      const waiting = wake;
      wake = null;
      waiting?.();
    },
  };
}
