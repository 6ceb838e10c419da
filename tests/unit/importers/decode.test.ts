import { test } from 'node:test';
import assert from 'node:assert/strict';
import iconv from 'iconv-lite';
import { UserError } from '../../../electron/core/errors';
import { binaryKind, decodeText, sniffEncoding } from '../../../electron/core/text/decode';

const VI = 'Công tác dân vận ở Lạng Sơn đạt nhiều kết quả.\nNgười dân đồng thuận.';

function code(fn: () => unknown): string {
  try {
    fn();
  } catch (error) {
    assert.ok(error instanceof UserError, `expected a UserError, got ${String(error)}`);
    return error.code;
  }
  return 'no error';
}

test('UTF-8 without and with BOM decode to the same NFC text', () => {
  const plain = Buffer.from(VI, 'utf8');
  const bom = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), plain]);
  assert.equal(decodeText(plain), VI);
  assert.equal(decodeText(bom), VI);
  assert.ok(!decodeText(bom).includes('\uFEFF'));
});

test('UTF-16 LE/BE with BOM and UTF-16 LE without BOM', () => {
  const le = Buffer.concat([Buffer.from([0xff, 0xfe]), iconv.encode(VI, 'utf16le')]);
  const be = Buffer.concat([Buffer.from([0xfe, 0xff]), iconv.encode(VI, 'utf16be')]);
  const leNoBom = iconv.encode(VI, 'utf16le');
  assert.equal(decodeText(le), VI);
  assert.equal(decodeText(be), VI);
  assert.equal(sniffEncoding(leNoBom), 'utf-16le');
  assert.equal(decodeText(leNoBom), VI);
  assert.equal(decodeText(iconv.encode(VI, 'utf16be')), VI);
});

test('NFD input comes out NFC, CRLF becomes LF, NBSP becomes a space', () => {
  const nfd = 'Thứ hai,\u00a021/07/2024\r\nDân vận'.normalize('NFD');
  const out = decodeText(Buffer.from(nfd, 'utf8'));
  assert.equal(out, 'Thứ hai, 21/07/2024\nDân vận');
  assert.equal(out, out.normalize('NFC'));
});

test('a few stray bytes become U+FFFD; many invalid sequences are undecodable', () => {
  const few = Buffer.concat([Buffer.from(VI.repeat(20)), Buffer.from([0xff]), Buffer.from(VI)]);
  assert.ok(decodeText(few).includes('\uFFFD'));
  // Windows-1252-ish bytes throughout: every accented letter is an invalid sequence.
  const latin1 = Buffer.from(Array.from({ length: 400 }, (_, i) => (i % 3 ? 0x61 : 0xe9)));
  assert.equal(
    code(() => decodeText(latin1)),
    'import.undecodable',
  );
});

test('empty and whitespace-only input is import.empty', () => {
  assert.equal(
    code(() => decodeText(new Uint8Array())),
    'import.empty',
  );
  assert.equal(
    code(() => decodeText(Buffer.from('\ufeff  \n\n'))),
    'import.empty',
  );
});

test('binary files are named by their magic number', () => {
  const cases: [string, number[]][] = [
    ['PNG', [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d]],
    ['JPEG', [0xff, 0xd8, 0xff, 0xe0, 0, 0x10]],
    ['GIF', [...Buffer.from('GIF89a'), 1, 0]],
    ['PDF', [...Buffer.from('%PDF-1.7\n')]],
    ['ZIP', [0x50, 0x4b, 0x03, 0x04, 0x14, 0, 0x06, 0]],
    ['EXE', [0x4d, 0x5a, 0x90, 0, 3, 0, 0, 0, 4, 0]],
    ['ELF', [0x7f, 0x45, 0x4c, 0x46, 2, 1, 1, 0]],
  ];
  for (const [kind, bytes] of cases) {
    assert.equal(binaryKind(Buffer.from(bytes)), kind);
    const error = (() => {
      try {
        decodeText(Buffer.from(bytes));
      } catch (e) {
        return e as UserError;
      }
    })();
    assert.equal(error?.code, 'import.binary');
    assert.equal(error?.params.kind, kind);
  }
  assert.equal(binaryKind(Buffer.from('MZ là chữ viết tắt trong một dòng văn bản')), null);
  assert.ok(binaryKind(Buffer.from([0x41, 0x00, 0x00, 0x00, 0x42, 0x13, 0x00, 0x7f, 0x00, 0x00])));
});
