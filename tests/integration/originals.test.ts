/**
 * Original files kept in the archive (schema 7, store/originals.ts), on real SQLite files: one
 * row per content however often a file comes, the bytes back after a reopen, the environment
 * switch that turns keeping off, an archive of schema 6 migrated, renaming a derived title, and
 * the web host's download. The files were made by LibreOffice and poppler (fixtures/originals).
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import Database from 'better-sqlite3';
import { Archive } from '../../electron/core/archive/archive';
import { articleId } from '../../electron/core/archive/ids';
import { createDispatch } from '../../electron/api/dispatch';
import { createHandlers } from '../../electron/api/handlers';
import { makeDraft, paragraphBlocks, type DraftItem } from '../../electron/core/importers/draft';
import type { ArticleDraft } from '../../electron/core/model';
import { migrations } from '../../electron/core/store/migrations';
import { startWebHost } from '../../electron/web/server';
import { UserError } from '../../electron/core/errors';

const FIXTURES = path.resolve(import.meta.dirname, '../fixtures/originals');
const TEXT = fs.readFileSync(path.join(FIXTURES, 'van-ban.txt'), 'utf8');
const MEDIA: Record<string, string> = {
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  odt: 'application/vnd.oasis.opendocument.text',
  pdf: 'application/pdf',
  png: 'image/png',
};

let dir: string;
before(() => (dir = fs.mkdtempSync(path.join(os.tmpdir(), 'archive-originals-'))));
after(() => fs.rmSync(dir, { recursive: true, force: true }));

/** The draft a reader makes of a fixture file, with the file's bytes (as office readers give). */
function fileItem(file: string, options: { name?: string; title?: string } = {}): DraftItem {
  const ext = path.extname(file).slice(1);
  const [title, ...rest] = TEXT.split('\n');
  const draft: ArticleDraft = makeDraft({
    title: options.title ?? `${title} (${ext})`,
    blocks: paragraphBlocks(rest.join('\n')),
    sourceId: path.basename(file),
  });
  if (ext === 'png') {
    draft.pageCount = 1;
    draft.recognition = { engine: 'tesseract', confidence: 92, pages: [1] };
  }
  return {
    ok: true,
    draft,
    where: file,
    original: {
      bytes: fs.readFileSync(path.join(FIXTURES, file)),
      name: options.name ?? file,
      mediaType: MEDIA[ext],
    },
  };
}

async function* items(...list: DraftItem[]): AsyncGenerator<DraftItem> {
  yield* list;
}

const originalsCount = (archive: Archive) =>
  (archive.db.prepare('SELECT count(*) AS n FROM originals').get() as { n: number }).n;
const sha256 = (file: string) =>
  createHash('sha256')
    .update(fs.readFileSync(path.join(FIXTURES, file)))
    .digest('hex');

describe('original files', () => {
  test('one row per content: the same file twice, and under another name, is kept once', async () => {
    const file = path.join(dir, 'dedup.db');
    const archive = Archive.open(file);
    try {
      const docx = fileItem('van-ban.docx');
      const first = await archive.importItems([{ from: 'van-ban.docx', items: items(docx) }]);
      assert.equal(first.imported, 1);
      assert.equal(originalsCount(archive), 1);
      // The same file again: the article is a duplicate, nothing more is stored.
      const again = await archive.importItems([
        { from: 'van-ban.docx', items: items(fileItem('van-ban.docx')) },
      ]);
      assert.equal(again.duplicates, 1);
      // The same bytes under another name, read as another article: one row still.
      const renamed = fileItem('van-ban.docx', { name: 'bản sao.docx', title: 'Bản sao' });
      await archive.importItems([{ from: 'bản sao.docx', items: items(renamed) }]);
      assert.equal(originalsCount(archive), 1);
      assert.ok(docx.ok && renamed.ok);
      const [a, b] = [docx.draft, renamed.draft].map((d) => archive.getArticle(articleId(d)));
      assert.equal(a.original?.sha256, sha256('van-ban.docx'));
      assert.equal(b.original?.sha256, a.original?.sha256);
      assert.equal(a.original?.size, fs.statSync(path.join(FIXTURES, 'van-ban.docx')).size);
      // Each other file is one more row.
      await archive.importItems(
        ['van-ban.odt', 'van-ban.pdf', 'van-ban-trang-1.png'].map((f) => ({
          from: f,
          items: items(fileItem(f)),
        })),
      );
      assert.equal(originalsCount(archive), 4);
    } finally {
      archive.close();
    }
  });

  test('kept files, page counts and OCR facts survive closing and reopening the archive', async () => {
    const file = path.join(dir, 'reopen.db');
    const png = fileItem('van-ban-trang-1.png');
    let archive = Archive.open(file);
    await archive.importItems([{ from: 'scan', items: items(png) }]);
    archive.close();
    archive = Archive.open(file);
    try {
      assert.ok(png.ok);
      const id = articleId(png.draft);
      const article = archive.getArticle(id);
      assert.equal(article.pageCount, 1);
      assert.deepEqual(article.recognition, { engine: 'tesseract', confidence: 92, pages: [1] });
      const original = archive.getOriginal(id);
      assert.equal(original.name, 'van-ban-trang-1.png');
      assert.equal(original.mediaType, 'image/png');
      assert.ok(original.bytes.equals(fs.readFileSync(path.join(FIXTURES, 'van-ban-trang-1.png'))));
      // Through the contract: the same bytes, base64.
      const api = createHandlers(archive);
      const download = await api.getOriginal({ id });
      assert.equal(download.sha256, sha256('van-ban-trang-1.png'));
      assert.equal(Buffer.from(download.base64, 'base64').length, original.size);
    } finally {
      archive.close();
    }
  });

  test('ARCHIVE_READER_KEEP_ORIGINALS=0 imports the article without its file', async () => {
    const file = path.join(dir, 'off.db');
    const archive = Archive.open(file);
    const saved = process.env.ARCHIVE_READER_KEEP_ORIGINALS;
    process.env.ARCHIVE_READER_KEEP_ORIGINALS = '0';
    try {
      const pdf = fileItem('van-ban.pdf');
      const summary = await archive.importItems([{ from: 'van-ban.pdf', items: items(pdf) }]);
      assert.equal(summary.imported, 1);
      assert.equal(originalsCount(archive), 0);
      assert.ok(pdf.ok);
      const id = articleId(pdf.draft);
      assert.equal(archive.getArticle(id).original, null);
      assert.throws(
        () => archive.getOriginal(id),
        (e: unknown) => e instanceof UserError && e.code === 'original.not-kept',
      );
      // Turned on again, the next import keeps its file.
      process.env.ARCHIVE_READER_KEEP_ORIGINALS = '1';
      await archive.importItems([{ from: 'van-ban.odt', items: items(fileItem('van-ban.odt')) }]);
      assert.equal(originalsCount(archive), 1);
    } finally {
      if (saved === undefined) delete process.env.ARCHIVE_READER_KEEP_ORIGINALS;
      else process.env.ARCHIVE_READER_KEEP_ORIGINALS = saved;
      archive.close();
    }
  });

  test('an archive of schema 6 is migrated: its articles read as before, new ones keep files', async () => {
    const file = path.join(dir, 'schema6.db');
    const raw = new Database(file);
    for (const sql of migrations.slice(0, 6)) raw.exec(sql);
    raw.pragma('user_version = 6');
    raw
      .prepare(
        `INSERT INTO articles (id, title, blocks, source_id, imported_at)
         VALUES ('0123456789abcdef', 'Bài cũ', '[{"type":"p","text":"Nội dung cũ."}]', 'cu', '2025-01-01')`,
      )
      .run();
    raw.close();

    const archive = Archive.open(file);
    try {
      assert.equal(archive.db.pragma('user_version', { simple: true }), migrations.length);
      const old = archive.getArticle('0123456789abcdef');
      assert.equal(old.title, 'Bài cũ');
      assert.equal(old.titleOrigin, null);
      assert.equal(old.original, null);
      assert.throws(() => archive.getOriginal(old.id), /gốc|original/i);
      await archive.importItems([{ from: 'x', items: items(fileItem('van-ban.docx')) }]);
      assert.equal(originalsCount(archive), 1);
    } finally {
      archive.close();
    }
  });

  test('a derived title is renamed: no longer marked, and found by search under its new name', async () => {
    const file = path.join(dir, 'rename.db');
    const jsonl = path.join(dir, 'untitled.jsonl');
    fs.writeFileSync(
      jsonl,
      JSON.stringify({
        id: 'r1',
        url: 'https://baolangson.vn/xa-hoi/nghi-quyet-dan-van-5012345.html',
        body: 'Sáng nay, Ban Dân vận Tỉnh ủy tổ chức hội nghị triển khai nghị quyết về công tác dân vận.',
      }) + '\n',
    );
    const archive = Archive.open(file);
    try {
      const summary = await archive.importPaths([jsonl]);
      const [id] = summary.articleIds;
      assert.equal(archive.getArticle(id).title, 'Nghi quyet dan van');
      assert.equal(archive.getArticle(id).titleOrigin, 'slug');
      const renamed = archive.renameArticle(id, '  Nghị quyết   dân vận  ');
      assert.equal(renamed.title, 'Nghị quyết dân vận');
      assert.equal(renamed.titleOrigin, null);
      assert.equal(renamed.id, id);
      assert.deepEqual(
        archive.search({ query: 'nghị quyết dân vận' }).hits.map((h) => h.title),
        ['Nghị quyết dân vận'],
      );
      assert.throws(
        () => archive.renameArticle(id, '   '),
        (e: unknown) => e instanceof UserError && e.code === 'article.empty-title',
      );
    } finally {
      archive.close();
    }
  });

  test('bundles carry kept files; one changed on the way refuses its article', async () => {
    const source = Archive.open(path.join(dir, 'bundle-source.db'));
    const pdf = fileItem('van-ban.pdf');
    const png = fileItem('van-ban-trang-1.png');
    const bundle = path.join(dir, 'van-ban.arbundle');
    try {
      await source.importItems([{ from: 'files', items: items(pdf, png) }]);
      await source.exportBundle({}, bundle);
    } finally {
      source.close();
    }
    assert.ok(pdf.ok && png.ok);
    const target = Archive.open(path.join(dir, 'bundle-target.db'));
    try {
      const report = await target.importBundle({ path: bundle });
      assert.equal(report.articles.added, 2);
      const got = target.getOriginal(articleId(png.draft));
      assert.ok(got.bytes.equals(fs.readFileSync(path.join(FIXTURES, 'van-ban-trang-1.png'))));
      assert.deepEqual(target.getArticle(articleId(png.draft)).recognition, {
        engine: 'tesseract',
        confidence: 92,
        pages: [1],
      });
      assert.equal(originalsCount(target), 2);
    } finally {
      target.close();
    }

    // The PDF's bytes changed inside the bundle (its text untouched): that article is refused.
    const lines = zlib.gunzipSync(fs.readFileSync(bundle)).toString('utf8').split('\n');
    const changed = lines.map((line) => {
      if (!line.includes('"van-ban.pdf"')) return line;
      const record = JSON.parse(line);
      const bytes = Buffer.from(record.original.base64, 'base64');
      bytes[bytes.length - 10] ^= 0xff;
      record.original.base64 = bytes.toString('base64');
      return JSON.stringify(record);
    });
    const tampered = path.join(dir, 'tampered.arbundle');
    fs.writeFileSync(tampered, zlib.gzipSync(changed.join('\n')));
    const other = Archive.open(path.join(dir, 'bundle-tampered.db'));
    try {
      const report = await other.importBundle({ path: tampered });
      assert.equal(report.articles.added, 1);
      assert.equal(report.refused.length, 1);
      assert.equal(report.refused[0].id, articleId(pdf.draft));
      assert.match(report.refused[0].reason, /tệp gốc van-ban\.pdf đi kèm không khớp/);
    } finally {
      other.close();
    }
  });

  test('the web host serves the original as a download named in UTF-8', async () => {
    const file = path.join(dir, 'web.db');
    const archive = Archive.open(file);
    const item = fileItem('van-ban.odt', { name: 'Văn bản số 103.odt' });
    await archive.importItems([{ from: 'odt', items: items(item) }]);
    fs.mkdirSync(path.join(dir, 'static'), { recursive: true });
    const host = await startWebHost({
      dispatch: createDispatch(createHandlers(archive)),
      subscribe: () => () => undefined,
      staticDir: path.join(dir, 'static'),
      port: 0,
    });
    try {
      assert.ok(item.ok);
      const port = Number(new URL(host.url).port);
      const get = (id: string) =>
        new Promise<{ status: number; headers: http.IncomingHttpHeaders; body: Buffer }>(
          (resolve, reject) => {
            http
              .get(
                { host: '127.0.0.1', port, path: `/api/original?id=${encodeURIComponent(id)}` },
                (res) => {
                  const chunks: Buffer[] = [];
                  res.on('data', (c: Buffer) => chunks.push(c));
                  res.on('end', () =>
                    resolve({
                      status: res.statusCode ?? 0,
                      headers: res.headers,
                      body: Buffer.concat(chunks),
                    }),
                  );
                },
              )
              .on('error', reject);
          },
        );
      const reply = await get(articleId(item.draft));
      assert.equal(reply.status, 200);
      assert.equal(reply.headers['content-type'], MEDIA.odt);
      assert.equal(
        reply.headers['content-disposition'],
        `attachment; filename="Van ban so 103.odt"; filename*=UTF-8''V%C4%83n%20b%E1%BA%A3n%20s%E1%BB%91%20103.odt`,
      );
      assert.ok(reply.body.equals(fs.readFileSync(path.join(FIXTURES, 'van-ban.odt'))));
      const missing = await get('ffffffffffffffff');
      assert.equal(missing.status, 404);
      assert.match(missing.body.toString('utf8'), /Không tìm thấy bài viết/);
    } finally {
      await host.close();
      archive.close();
    }
  });
});
