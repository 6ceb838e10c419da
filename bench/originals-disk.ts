/**
 * What keeping original files costs on disk: the fixture files of tests/fixtures/originals
 * (Word, OpenDocument, PDF, a scanned page) imported into an archive that keeps them and one that
 * does not (ARCHIVE_READER_KEEP_ORIGINALS=0), the same drafts in both. Prints each file's size,
 * the pages the `originals` table takes for it (dbstat), and the difference of the two archive
 * files after a checkpoint.
 *   node --import tsx bench/originals-disk.ts
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Archive } from '../electron/core/archive/archive';
import { makeDraft, paragraphBlocks, type DraftItem } from '../electron/core/importers/draft';

const FIXTURES = path.resolve(import.meta.dirname, '../tests/fixtures/originals');
const FILES: Record<string, string> = {
  'van-ban.docx': 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  'van-ban.odt': 'application/vnd.oasis.opendocument.text',
  'van-ban.pdf': 'application/pdf',
  'van-ban-trang-1.png': 'image/png',
};
const text = fs.readFileSync(path.join(FIXTURES, 'van-ban.txt'), 'utf8');

function item(name: string): DraftItem {
  const [title, ...rest] = text.split('\n');
  return {
    ok: true,
    where: name,
    draft: makeDraft({
      title: `${title} (${name})`,
      blocks: paragraphBlocks(rest.join('\n')),
      sourceId: name,
    }),
    original: { bytes: fs.readFileSync(path.join(FIXTURES, name)), name, mediaType: FILES[name] },
  };
}

async function archiveSize(dir: string, keep: boolean, names: string[]) {
  process.env.ARCHIVE_READER_KEEP_ORIGINALS = keep ? '1' : '0';
  const file = path.join(dir, `${keep ? 'keep' : 'off'}-${names.join('+')}.db`);
  const archive = Archive.open(file);
  await archive.importItems(
    names.map((name) => ({
      from: name,
      items: (async function* () {
        yield item(name);
      })(),
    })),
  );
  const table = (
    archive.db
      .prepare("SELECT coalesce(sum(pgsize), 0) AS n FROM dbstat WHERE name = 'originals'")
      .get() as {
      n: number;
    }
  ).n;
  archive.db.pragma('wal_checkpoint(TRUNCATE)');
  archive.close();
  return { bytes: fs.statSync(file).size, table };
}

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'originals-disk-'));
try {
  const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;
  console.log('file                   size       originals table   archive growth');
  for (const name of Object.keys(FILES)) {
    const size = fs.statSync(path.join(FIXTURES, name)).size;
    const keep = await archiveSize(dir, true, [name]);
    const off = await archiveSize(dir, false, [name]);
    console.log(
      `${name.padEnd(22)} ${kb(size).padStart(9)}  ${kb(keep.table).padStart(14)}  ${kb(keep.bytes - off.bytes).padStart(14)}`,
    );
  }
  const all = Object.keys(FILES);
  const total = all.reduce((s, n) => s + fs.statSync(path.join(FIXTURES, n)).size, 0);
  const keep = await archiveSize(dir, true, all);
  const off = await archiveSize(dir, false, all);
  console.log(
    `${'all four'.padEnd(22)} ${kb(total).padStart(9)}  ${kb(keep.table).padStart(14)}  ${kb(keep.bytes - off.bytes).padStart(14)}  (ratio growth/size ${((keep.bytes - off.bytes) / total).toFixed(2)})`,
  );
} finally {
  fs.rmSync(dir, { recursive: true, force: true });
}
