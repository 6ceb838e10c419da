/**
 * `archive-reader export annotations` and `archive-reader import annotations`, spawned as a user
 * runs them: W3C files written with --out and validated against the model's schemas, a
 * collection's export, the import into another archive, orphans listed and re-attached, errors
 * as one line with exit status 1.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Archive } from '../../electron/core/archive/archive';
import { loadValidators } from '../unit/annotations/w3c-schema';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const BIN = path.join(ROOT, 'bin/archive-reader.mjs');
const SEED = '/work/shared/seeds/000_6d5d4d6daf6b85b0.txt';
const schemas = loadValidators();

let dir: string;
let a: string; // the archive annotations are made in
let b: string; // a second archive with the same articles
let seedId: string;
let otherId: string;

function run(args: string[], lang = 'vi_VN.UTF-8') {
  const env: NodeJS.ProcessEnv = { ...process.env, LANG: lang, LC_ALL: '', LC_MESSAGES: '' };
  delete env.ARCHIVE_READER_DB;
  delete env.ARCHIVE_READER_DEBUG;
  const r = spawnSync(process.execPath, [BIN, ...args], { cwd: ROOT, encoding: 'utf8', env });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

function ok(args: string[]): string {
  const r = run(args);
  assert.equal(r.status, 0, r.stderr);
  return r.stdout;
}

function assertOneLineError(r: ReturnType<typeof run>, pattern: RegExp) {
  assert.equal(r.status, 1, r.stdout + r.stderr);
  const lines = r.stderr.split('\n').filter((l) => l.trim());
  assert.equal(lines.length, 1, r.stderr);
  assert.match(lines[0], pattern);
  assert.doesNotMatch(r.stderr, /^\s+at |Error:|\.ts:\d+/m);
}

before(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cli-annotations-'));
  a = path.join(dir, 'a.db');
  b = path.join(dir, 'b.db');
  const news = path.join(dir, 'news.jsonl');
  fs.writeFileSync(
    news,
    JSON.stringify({
      id: 'r1',
      title: 'Hội nghị dân vận khéo',
      body: 'Huyện biểu dương điển hình dân vận khéo.\n\nNăm nay có mười hai điển hình.',
      date: '2023-05-02',
      url: 'https://example.vn/dan-van-kheo',
    }),
  );
  // The archives are set up through the engine, on the same files the command then opens:
  // only the commands under test are spawned.
  for (const db of [b, a]) {
    const archive = Archive.open(db);
    const { articleIds } = await archive.importPaths([SEED, news]);
    archive.close();
    [seedId, otherId] = articleIds;
  }
  const archive = Archive.open(a);
  archive.annotate({
    articleId: seedId,
    kind: 'note',
    note: 'Điển hình',
    selector: { exact: 'dan van kheo' },
  });
  archive.annotate({
    articleId: seedId,
    kind: 'highlight',
    color: 'pink',
    selector: { exact: 'Lạng Sơn' },
  });
  archive.annotate({
    articleId: otherId,
    kind: 'highlight',
    selector: { exact: 'mười hai điển hình' },
  });
  archive.setTags(seedId, ['dân vận']);
  archive.setCollections(seedId, ['Báo cáo quý']);
  archive.close();
});
after(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('archive-reader export annotations', () => {
  test('--format w3c --out FILE writes a collection that validates', () => {
    const out = path.join(dir, 'all.jsonld');
    assert.equal(ok(['--db', a, 'export', 'annotations', '--format', 'w3c', '--out', out]), '');
    const doc = JSON.parse(fs.readFileSync(out, 'utf8'));
    assert.deepEqual(schemas.collection(doc), []);
    for (const item of doc.first.items)
      assert.deepEqual(schemas.annotation({ '@context': doc['@context'], ...item }), []);
    assert.equal(doc.total, 4); // three annotations and a tag
  });

  test('--collection exports only that collection’s articles (json: the earlier name of w3c)', () => {
    const coll = JSON.parse(
      ok(['--db', a, 'export', 'annotations', '--format', 'json', '--collection', 'Báo cáo quý']),
    );
    assert.deepEqual(schemas.collection(coll), []);
    assert.equal(coll.total, 3);
    assert.ok(JSON.stringify(coll).includes(`urn:archive-reader:article:${seedId}`));
    assert.ok(!JSON.stringify(coll).includes(`urn:archive-reader:article:${otherId}`));
  });

  test('--article exports one article; CSV for spreadsheets', () => {
    const one = ok(['--db', a, 'export', 'annotations', '--format', 'csv', '--article', otherId]);
    assert.ok(one.startsWith('\uFEFFarticle_id,'));
    const rows = one.trimEnd().split('\r\n');
    assert.equal(rows.length, 2);
    assert.ok(rows[1].includes(',mười hai điển hình,'), rows[1]);
  });

  test('mistakes are one line, exit status 1', () => {
    assertOneLineError(
      run(['--db', a, 'export', 'annotations', '--article', seedId, '--collection', 'Báo cáo quý']),
      /một bài viết hoặc của một bộ sưu tập/,
    );
    assertOneLineError(
      run(['--db', a, 'export', 'annotations', '--collection', 'Không có']),
      /Kho không có bộ sưu tập “Không có”/,
    );
    assertOneLineError(
      run(['--db', a, 'export', 'annotations', '--out', path.join(dir, 'no', 'such', 'x.md')]),
      /Không ghi được tệp .*x\.md/,
    );
  });
});

describe('archive-reader import annotations', () => {
  let file: string;
  before(() => {
    file = path.join(dir, 'from-a.jsonld');
    ok(['--db', a, 'export', 'annotations', '--format', 'w3c', '--out', file]);
  });

  test('into another archive: the same annotations, then nothing new the second time', () => {
    assert.match(
      ok(['--db', b, 'import', 'annotations', file]),
      /^Chú thích: thêm 4, cập nhật 0, không đổi 0, 0 chưa gắn được, bỏ qua 0 \(bài không có trong kho\), lỗi 0\.\n$/,
    );
    const all = (db: string) => {
      const archive = Archive.open(db, { readOnly: true });
      const { items } = archive.listAnnotations({ limit: 1000 });
      const tags = archive.getArticle(seedId).tags;
      archive.close();
      return { items: items.sort((x, y) => x.id.localeCompare(y.id)), tags };
    };
    assert.deepEqual(all(b), all(a));
    const again = JSON.parse(ok(['--db', b, 'import', 'annotations', file, '--json']));
    assert.deepEqual(again, {
      added: 0,
      updated: 0,
      unchanged: 4,
      orphaned: 0,
      skipped: 0,
      skippedArticles: [],
      failed: [],
    });
  });

  test('an edited quote becomes an orphan, listed; reattach brings it back', () => {
    const doc = JSON.parse(fs.readFileSync(file, 'utf8'));
    const pink = doc.first.items.find(
      (i: { target: { styleClass?: string } }) => i.target.styleClass === 'pink',
    );
    pink.target.selector[0].exact = 'Hà Giang';
    pink.modified = '2099-01-01T00:00:00.000Z';
    const edited = path.join(dir, 'edited.jsonld');
    fs.writeFileSync(edited, JSON.stringify(doc));
    const r = run(['--db', b, 'import', 'annotations', edited], 'en_US.UTF-8');
    assert.equal(r.status, 0, r.stderr);
    assert.match(r.stdout, /^Annotations: 0 added, 1 updated, 3 unchanged, 1 orphaned/);
    const orphans = ok(['--db', b, 'annotations', '--orphaned']);
    assert.match(orphans, /⚠ chưa gắn được\n {2}“Hà Giang”/);
    const id = orphans.split(/\s/)[0];
    assert.match(ok(['--db', b, 'reattach', id, '--quote', 'Lạng Sơn']), /“Lạng Sơn”/);
    const archive = Archive.open(b, { readOnly: true });
    assert.equal(archive.listAnnotations({ orphaned: true }).total, 0);
    archive.close();
  });

  test('a file that is not annotations is one line, exit status 1, nothing written', () => {
    const count = () => {
      const archive = Archive.open(b, { readOnly: true });
      const n = archive.stats().annotations;
      archive.close();
      return n;
    };
    const before = count();
    const bad = path.join(dir, 'bad.json');
    fs.writeFileSync(
      bad,
      JSON.stringify({
        type: 'AnnotationCollection',
        first: {
          type: 'AnnotationPage',
          items: [
            {
              id: 'urn:uuid:1',
              type: 'Annotation',
              target: `urn:archive-reader:article:${seedId}`,
            },
            { id: 5, type: 'Annotation', target: 'x' },
          ],
        },
      }),
    );
    assertOneLineError(run(['--db', b, 'import', 'annotations', bad]), /Chú thích thứ 2 .*“id”/);
    assertOneLineError(
      run(['--db', b, 'import', 'annotations', path.join(dir, 'missing.jsonld')]),
      /Không đọc được tệp/,
    );
    assert.equal(count(), before);
  });

  test('the plain article import still takes files', () => {
    const txt = path.join(dir, 'extra.txt');
    fs.writeFileSync(txt, 'Tiêu đề thêm\n\nNội dung bài thêm.');
    assert.match(ok(['--db', b, 'import', txt]), /Đã nhập 1 bài/);
  });
});
