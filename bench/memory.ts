/**
 * Memory of the current process: a 100 ms RSS sampler (shows the curve, misses short spikes) and
 * the kernel's high-water mark VmHWM from /proc/self/status (exact peak, Linux only).
 */
import fs from 'node:fs';
import { monitorEventLoopDelay } from 'node:perf_hooks';

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

/** Event-loop delay of this (main) thread while work runs on it, in milliseconds. */
export class LoopLag {
  private readonly histogram = monitorEventLoopDelay({ resolution: 10 });

  start(): this {
    this.histogram.enable();
    return this;
  }

  stop(): { maxMs: number; p99Ms: number; meanMs: number } {
    this.histogram.disable();
    const ms = (ns: number) => Math.round(ns / 1e4) / 100;
    return {
      maxMs: ms(this.histogram.max),
      p99Ms: ms(this.histogram.percentile(99)),
      meanMs: ms(this.histogram.mean),
    };
  }
}
