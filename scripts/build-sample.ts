/**
 * `npm run build:sample`: builds the bundled sample archive, `resources/sample/archive.db`, that
 * the app opens on first run. It holds the reference article of ../shared/seeds and a few dozen
 * official documents that matter to a commune office (thôn, tổ dân phố, cấp xã, hộ nghèo, cư
 * trú, hòa giải, dân chủ ở cơ sở…), chosen from ../shared/corpus/official-documents-vn.jsonl.gz
 * (legal documents are not protected by copyright: Law on Intellectual Property, Article 15).
 * The news files of the corpus are never bundled.
 *
 * The choice is deterministic: documents are scored by commune-office terms in the title and
 * their density in the body; very long codes are left out to keep the sample small.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import readline from 'node:readline';
import zlib from 'node:zlib';
import { Archive } from '../electron/core/archive/archive';

const root = path.resolve(import.meta.dirname, '..');
const shared = path.resolve(root, '..', 'shared');
const DOCUMENTS = path.join(shared, 'corpus', 'official-documents-vn.jsonl.gz');
const SEED = path.join(shared, 'seeds', '000_6d5d4d6daf6b85b0.txt');
const OUT_DIR = path.join(root, 'resources', 'sample');
const OUT = path.join(OUT_DIR, 'archive.db');
const COUNT = 32;
const MAX_BODY_CHARS = 150_000;
/** The laws a commune office consults most, kept whatever their length or score. */
const ESSENTIAL = new Set([
  '45/2019/QH14', // Bộ luật Lao động
  '68/2020/QH14', // Luật Cư trú
  '185/2026/NĐ-CP', // thôn, tổ dân phố
  '21/CT-TTg', // sắp xếp thôn, tổ dân phố
  '11/2003/QH11', // Tổ chức HĐND và UBND
  '09/1998/QH10', // Khiếu nại, tố cáo
  '36/2018/QH14', // Phòng, chống tham nhũng
  '15/2003/QH11', // Thi đua, khen thưởng
  '52/2026/TT-BTC', // Bộ tiêu chí quốc gia về xã nông thôn mới
]);
const MIN_SCORE = 6;

const TITLE_TERMS: Array<[RegExp, number]> = [
  [/thôn|tổ dân phố/i, 12],
  [/cấp xã|cấp cơ sở|ở cơ sở|xã, phường/i, 10],
  [/hộ nghèo|giảm nghèo|người có công|bảo trợ xã hội/i, 8],
  [/cư trú|hộ tịch|căn cước|chứng thực/i, 8],
  [/hòa giải|hoà giải|dân chủ|khiếu nại|tố cáo|tiếp công dân/i, 8],
  [/đất đai|bầu cử|Hội đồng nhân dân|Ủy ban nhân dân|chính quyền địa phương/i, 7],
  [/bảo hiểm y tế|Luật Lao động|Bộ luật Lao động|thi đua|khen thưởng/i, 4],
  [/thủ tục hành chính|phân cấp/i, 3],
  // Rules about a ministry's own staff and units matter little to a commune office.
  [
    /đơn vị sự nghiệp|viên chức|chức danh nghề nghiệp|giám định|Tập đoàn|kiểm định|Công an nhân dân/i,
    -10,
  ],
];
const BODY_TERMS = /cấp xã|thôn|tổ dân phố|Ủy ban nhân dân xã|UBND xã|Trưởng thôn/g;

interface Doc {
  id: string;
  title: string;
  body: string;
  number?: string;
  type?: string;
}

function score(doc: Doc): number {
  // The ministry's name ("Bộ Lao động - Thương binh và Xã hội") says nothing about the subject.
  const title = doc.title.replace(/Lao động\s*[-–]\s*Thương binh và Xã hội/gi, '');
  const titleScore = TITLE_TERMS.reduce((s, [re, w]) => s + (re.test(title) ? w : 0), 0);
  const density = ((doc.body.match(BODY_TERMS)?.length ?? 0) / doc.body.length) * 10_000;
  return titleScore + Math.min(density, 10);
}

async function chooseDocuments(): Promise<string[]> {
  const lines = readline.createInterface({
    input: fs.createReadStream(DOCUMENTS).pipe(zlib.createGunzip()),
    crlfDelay: Infinity,
  });
  const scored: Array<{ line: string; score: number; id: string }> = [];
  for await (const line of lines) {
    if (!line.trim()) continue;
    const doc = JSON.parse(line) as Doc;
    const essential = ESSENTIAL.has(doc.number ?? '');
    if (!essential && doc.body.length > MAX_BODY_CHARS) continue;
    const s = essential ? 1000 : score(doc);
    if (s >= MIN_SCORE) scored.push({ line, score: s, id: doc.id });
  }
  scored.sort((a, b) => b.score - a.score || a.id.localeCompare(b.id));
  return scored.slice(0, COUNT).map((s) => s.line);
}

async function main() {
  const chosen = await chooseDocuments();
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'archive-sample-'));
  const jsonl = path.join(tmp, 'official-documents.jsonl');
  fs.writeFileSync(jsonl, chosen.join('\n') + '\n');
  fs.mkdirSync(OUT_DIR, { recursive: true });
  for (const suffix of ['', '-wal', '-shm']) fs.rmSync(OUT + suffix, { force: true });

  const archive = Archive.open(OUT);
  const summary = await archive.importPaths([SEED, jsonl]);
  archive.setCollections(summary.articleIds[0], ['Bài mẫu']);
  for (const id of summary.articleIds.slice(1)) archive.setCollections(id, ['Văn bản cho cấp xã']);
  archive.db.pragma('wal_checkpoint(TRUNCATE)');
  archive.db.pragma('journal_mode = DELETE');
  archive.db.exec('VACUUM');
  archive.close();
  fs.rmSync(tmp, { recursive: true, force: true });

  const titles = chosen.map((l) => JSON.parse(l) as Doc);
  const list = titles.map((d) => `- ${d.number ?? ''} — ${d.title}`).join('\n');
  fs.writeFileSync(
    path.join(OUT_DIR, 'CONTENTS.md'),
    `# Kho mẫu / Sample archive\n\nBuilt by \`npm run build:sample\`: the reference article ` +
      `"Bước tiến mới trong công tác dân vận ở Lạng Sơn" and ${titles.length} official documents ` +
      `(source: \`origin_url\` of each, Công báo and the Vietnamese Law Corpus).\n\n${list}\n`,
  );
  const size = fs.statSync(OUT).size;
  console.log(
    `Sample archive: ${summary.imported} articles, ${summary.failed.length} failed, ${(size / 1e6).toFixed(1)} MB → ${path.relative(root, OUT)}`,
  );
  if (summary.failed.length) {
    for (const f of summary.failed) console.error(`${f.path}: ${f.error}`);
    process.exit(1);
  }
}

await main();
