/**
 * A stream's chunks as an async iterable that delivers every chunk emitted before an error and
 * only then throws. Node's own stream iterator throws as soon as the stream is destroyed and
 * drops what is still buffered, which would lose the last good records of a truncated gzip.
 */
import type { Readable } from 'node:stream';

/** Chunks waiting to be consumed before the stream is paused: bounds memory on fast sources. */
const HIGH_WATER = 16;

export async function* drain(stream: Readable): AsyncGenerator<Buffer> {
  const queue: Buffer[] = [];
  let failure: { error: unknown } | null = null;
  let done = false;
  let wake: (() => void) | null = null;
  const notify = () => {
    wake?.();
    wake = null;
  };
  stream.on('data', (chunk: Buffer) => {
    queue.push(chunk);
    if (queue.length >= HIGH_WATER) stream.pause();
    notify();
  });
  stream.on('error', (error) => {
    failure ??= { error };
    notify();
  });
  stream.on('end', () => {
    done = true;
    notify();
  });
  stream.on('close', () => {
    done = true;
    notify();
  });
  try {
    for (;;) {
      const chunk = queue.shift();
      if (chunk) {
        if (queue.length < HIGH_WATER / 2 && stream.isPaused()) stream.resume();
        yield chunk;
        continue;
      }
      if (failure) throw (failure as { error: unknown }).error;
      if (done) return;
      await new Promise<void>((resolve) => (wake = resolve));
    }
  } finally {
    stream.destroy();
  }
}
