/**
 * The engine's thread exactly as the desktop and browser hosts start it (electron/api/
 * worker-entry.ts), plus one thing for the benchmark: the thread's own event-loop delay, reset and
 * read over a BroadcastChannel, so the bench can show how long the engine itself cannot answer
 * (a search waits that long behind an import batch) beside the main thread's lag.
 */
import { BroadcastChannel } from 'node:worker_threads';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { LAG_CHANNEL, LAG_RESOLUTION_MS, lagOf } from './memory';

const histogram = monitorEventLoopDelay({ resolution: LAG_RESOLUTION_MS });
histogram.enable();
const channel = new BroadcastChannel(LAG_CHANNEL);
channel.unref();
channel.onmessage = (message: unknown) => {
  const request = (message as { data?: unknown }).data;
  if (request === 'reset') {
    histogram.reset();
    channel.postMessage({ reset: true });
  } else if (request === 'read') {
    channel.postMessage({ lag: lagOf(histogram) });
  }
};

await import('../electron/api/worker-entry');
