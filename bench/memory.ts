/**
 * Memory of the current process: a 100 ms RSS sampler (shows the curve, misses short spikes) and
 * the kernel's high-water mark VmHWM from /proc/self/status (exact peak, Linux only).
 */
import fs from 'node:fs';
import { monitorEventLoopDelay, type Histogram } from 'node:perf_hooks';

function statusField(name: string): number | null {
  try {
    const m = new RegExp(`^${name}:\\s+(\\d+) kB`, 'm').exec(
      fs.readFileSync('/proc/self/status', 'utf8'),
    );
    return m ? Number(m[1]) * 1024 : null;
  } catch {
    return null;
  }
}

/** Peak resident set size of this process so far, in bytes (null off Linux). */
export function peakRssBytes(): number | null {
  return statusField('VmHWM');
}

export class RssSampler {
  private timer: NodeJS.Timeout | null = null;
  peak = 0;
  samples = 0;

  start(intervalMs = 100): this {
    const sample = () => {
      this.samples++;
      this.peak = Math.max(this.peak, process.memoryUsage.rss());
    };
    sample();
    this.timer = setInterval(sample, intervalMs);
    this.timer.unref();
    return this;
  }

  stop(): { peakBytes: number; samples: number } {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    this.peak = Math.max(this.peak, process.memoryUsage.rss());
    return { peakBytes: this.peak, samples: this.samples };
  }
}

export interface LagFigures {
  maxMs: number;
  p99Ms: number;
  meanMs: number;
}

/** The sampling interval of every lag histogram here. */
export const LAG_RESOLUTION_MS = 10;

/**
 * A delay histogram as lateness in milliseconds (two decimals): Node records the time between two
 * ticks of a timer set to LAG_RESOLUTION_MS, so the interval itself is taken off; what remains is
 * how long the thread could not run the timer (or answer anything else).
 */
export function lagOf(histogram: Histogram): LagFigures {
  const ms = (ns: number) => Math.max(0, Math.round((ns / 1e6 - LAG_RESOLUTION_MS) * 100) / 100);
  return {
    maxMs: ms(histogram.max),
    p99Ms: ms(histogram.percentile(99)),
    meanMs: ms(histogram.mean),
  };
}

/** Event-loop delay of this thread while work runs, in milliseconds. */
export class LoopLag {
  private readonly histogram = monitorEventLoopDelay({ resolution: LAG_RESOLUTION_MS });

  start(): this {
    this.histogram.enable();
    return this;
  }

  stop(): LagFigures {
    this.histogram.disable();
    return lagOf(this.histogram);
  }
}

/** The BroadcastChannel on which the engine's thread (engine-thread.ts) reports its own lag. */
export const LAG_CHANNEL = 'archive-reader-bench-engine-lag';
