/**
 * A closed output (the reader of a pipe gone): the next line throws OutputClosed, a loop waiting
 * for the pipe to drain stops, and EPIPE ends the process with the status it already had.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Writable } from 'node:stream';
import {
  drained,
  endQuietlyOnClosedOutput,
  OutputClosed,
  writeLine,
} from '../../../electron/cli/closed-output';

/** A pipe whose reader takes nothing until told: `highWaterMark` bytes fill it. */
function pipe() {
  const pending: Array<() => void> = [];
  const stream = new Writable({
    highWaterMark: 16,
    write(_chunk, _encoding, callback) {
      pending.push(() => callback());
    },
  }) as unknown as NodeJS.WriteStream;
  return { stream, read: () => pending.splice(0).forEach((done) => done()) };
}

test('writeLine writes a line, and throws OutputClosed once the stream is destroyed', () => {
  const chunks: string[] = [];
  const stream = new Writable({
    write(chunk, _encoding, callback) {
      chunks.push(String(chunk));
      callback();
    },
  }) as unknown as NodeJS.WriteStream;
  writeLine('một', stream);
  assert.deepEqual(chunks, ['một\n']);
  stream.destroy();
  assert.throws(() => writeLine('hai', stream), OutputClosed);
});

test('drained: at once while the pipe has room, after the reader reads when it is full', async () => {
  const { stream, read } = pipe();
  await drained(stream); // empty: resolves at once
  writeLine('x'.repeat(40), stream);
  let done = false;
  const waiting = drained(stream).then(() => (done = true));
  await new Promise((resolve) => setImmediate(resolve));
  assert.equal(done, false);
  read();
  await waiting;
  assert.equal(done, true);
});

test('drained: the reader goes away while the pipe is full → OutputClosed', async () => {
  const { stream } = pipe();
  writeLine('x'.repeat(40), stream);
  const waiting = drained(stream);
  stream.destroy();
  await assert.rejects(waiting, OutputClosed);
  await assert.rejects(drained(stream), OutputClosed);
});

test('EPIPE ends with the exit status already set; another write error is not swallowed', () => {
  const { stream } = pipe();
  const exits: number[] = [];
  const before = process.exitCode;
  try {
    endQuietlyOnClosedOutput([stream], (code) => exits.push(code));
    stream.emit('error', Object.assign(new Error('write EPIPE'), { code: 'EPIPE' }));
    process.exitCode = 1;
    stream.emit('error', Object.assign(new Error('write EPIPE'), { code: 'EPIPE' }));
    assert.deepEqual(exits, [0, 1]);
    assert.throws(
      () => stream.emit('error', Object.assign(new Error('no space'), { code: 'ENOSPC' })),
      /no space/,
    );
  } finally {
    process.exitCode = before;
  }
});
