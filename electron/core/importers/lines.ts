/**
 * Lines from a stream of text chunks, without ever holding more than one line. Unlike readline,
 * an error of the underlying stream (a truncated gzip) surfaces here as a thrown error after the
 * complete lines before it, which is what lets an importer keep the good records.
 */

/**
 * One line longer than this cannot be a sane record; it is reported and skipped, not buffered.
 * The longest record of the corpus is 1 M characters; JSON's \u escapes can make a line six times
 * its text. Held as a string, a line this long takes up to 32 MB.
 */
export const MAX_LINE_CHARS = 16 * 1024 * 1024;

export type Line = { n: number; text: string } | { n: number; tooLong: number };

export async function* splitLines(chunks: AsyncIterable<string>): AsyncGenerator<Line> {
  let pending = '';
  let n = 0;
  let skipped = 0; // > 0 while discarding the rest of an overlong line
  for await (const chunk of chunks) {
    let start = 0;
    for (let nl = chunk.indexOf('\n'); nl >= 0; nl = chunk.indexOf('\n', start)) {
      n++;
      if (skipped > 0) {
        yield { n, tooLong: skipped + nl - start };
        skipped = 0;
      } else {
        yield { n, text: stripCr(pending + chunk.slice(start, nl)) };
      }
      pending = '';
      start = nl + 1;
    }
    const rest = chunk.slice(start);
    if (skipped > 0) skipped += rest.length;
    else if (pending.length + rest.length > MAX_LINE_CHARS) {
      skipped = pending.length + rest.length;
      pending = '';
    } else pending += rest;
  }
  if (skipped > 0) yield { n: n + 1, tooLong: skipped };
  else if (pending !== '') yield { n: n + 1, text: stripCr(pending) };
}

function stripCr(line: string): string {
  return line.endsWith('\r') ? line.slice(0, -1) : line;
}
