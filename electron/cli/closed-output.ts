/**
 * `archive-reader search … | head -n 1`: once the reader has what it wants it closes the pipe, and
 * the next write fails with EPIPE. A closed output is not an error: the command stops at its next
 * line and ends quietly, with exit status 0, as the standard tools do.
 */

/** Thrown by `writeLine` once the output is closed: the command stops, nothing is reported. */
export class OutputClosed extends Error {
  constructor() {
    super('output closed');
  }
}

/**
 * EPIPE on stdout or stderr ends the process instead of an unhandled 'error': with status 0, or
 * the status it already had (a failed command whose stderr went to a closed pipe still failed).
 */
export function endQuietlyOnClosedOutput(
  streams: NodeJS.WriteStream[] = [process.stdout, process.stderr],
  exit: (code: number) => void = (code) => process.exit(code),
): void {
  for (const stream of streams) {
    stream.on('error', (error: NodeJS.ErrnoException) => {
      if (error.code === 'EPIPE' || error.code === 'ERR_STREAM_DESTROYED')
        return exit(typeof process.exitCode === 'number' ? process.exitCode : 0);
      throw error; // any other failure to write stays what it was
    });
  }
}

/**
 * One line to `stream`. A write into a closed pipe fails at once and the stream is destroyed, but
 * the 'error' event waits for the event loop; a command writing in a loop (`search --queries`)
 * would go on searching until then, so the next line throws OutputClosed instead.
 */
export function writeLine(line: string, stream: NodeJS.WritableStream = process.stdout): void {
  if ((stream as NodeJS.WriteStream).destroyed) throw new OutputClosed();
  stream.write(`${line}\n`);
}

/**
 * Wait while `stream` holds more than it should: a command that writes in a loop awaits this
 * after each line, so its memory stays bounded and a closed reader is noticed at once (the EPIPE
 * is only reported once the loop gives the event loop a turn).
 */
export async function drained(stream: NodeJS.WriteStream = process.stdout): Promise<void> {
  if (stream.destroyed) throw new OutputClosed();
  if (!stream.writableNeedDrain) return;
  await new Promise<void>((resolve, reject) => {
    const settle = (closed: boolean) => () => {
      stream.off('drain', onDrain).off('close', onClose);
      if (closed) reject(new OutputClosed());
      else resolve();
    };
    const onDrain = settle(false);
    const onClose = settle(true);
    stream.once('drain', onDrain).once('close', onClose);
  });
}
