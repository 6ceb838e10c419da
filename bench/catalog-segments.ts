/**
 * The catalog's costs on a real archive, as the hosts pay them:
 *
 *   node --expose-gc --import tsx bench/catalog-segments.ts ARCHIVE [SEGMENT_SIZE]
 *
 * 1. a full build in its thread (heap-capped, as `Catalog` starts it): CPU of the whole process
 *    and its peak RSS (VmHWM);
 * 2. loading the built catalog (a fresh `Catalog`): CPU, and the heap and array buffers it holds;
 * 3. an import's rebuild: the last segment's file removed, the build rewrites that one alone.
 *
 * The archive is opened read-only and the catalog written to a temp folder, never beside it.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openDatabase } from '../electron/core/store/db';
import { Catalog } from '../electron/core/search/catalog';
import { segmentFile } from '../electron/core/search/catalog-segments';

const [archive, sizeArg] = process.argv.slice(2);
if (!archive) throw new Error('usage: bench/catalog-segments.ts ARCHIVE [SEGMENT_SIZE]');
const gc = (globalThis as { gc?: () => void }).gc;
if (!gc) throw new Error('run with node --expose-gc');
const segmentSize = sizeArg ? Number(sizeArg) : undefined;
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'catalog-bench-'));
const file = path.join(dir, 'archive.db.catalog.json');
const db = openDatabase(archive, { readOnly: true });

const cpu = () => {
  const c = process.cpuUsage();
  return (c.user + c.system) / 1e6;
};
const hwm = () =>
  Number(/VmHWM:\s+(\d+)/.exec(fs.readFileSync('/proc/self/status', 'utf8'))?.[1] ?? 0) / 1024;
const mb = (bytes: number) => (bytes / 1e6).toFixed(1);
const background = { dbPath: archive };

try {
  let t = cpu();
  const built = new Catalog(db, { file, segmentSize, background });
  await built.warm();
  console.log(
    `build: ${built.lastRebuilt.length} segments, ${(cpu() - t).toFixed(1)} s CPU, ` +
      `peak RSS ${hwm().toFixed(0)} MB, ${mb(built.bytes())} MB on disk`,
  );

  gc();
  const before = process.memoryUsage();
  t = cpu();
  const loaded = new Catalog(db, { file, segmentSize });
  await loaded.warm();
  const loadCpu = cpu() - t;
  gc();
  const after = process.memoryUsage();
  console.log(
    `load: ${(loadCpu * 1000).toFixed(0)} ms CPU, heap +${mb(after.heapUsed - before.heapUsed)} MB, ` +
      `array buffers +${mb(after.arrayBuffers - before.arrayBuffers)} MB (${loaded.state})`,
  );

  const manifest = JSON.parse(fs.readFileSync(file, 'utf8')) as {
    segments: Array<{ segment: number }>;
  };
  const last = manifest.segments.at(-1)?.segment;
  if (last !== undefined) {
    fs.rmSync(segmentFile(file, last));
    fs.rmSync(file);
    t = cpu();
    const again = new Catalog(db, { file, segmentSize, background });
    await again.warm();
    console.log(
      `rebuild after an import: segments [${again.lastRebuilt.join(', ')}], ` +
        `${(cpu() - t).toFixed(1)} s CPU`,
    );
  }
} finally {
  db.close();
  fs.rmSync(dir, { recursive: true, force: true });
}
