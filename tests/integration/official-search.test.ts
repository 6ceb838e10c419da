/**
 * Finding official documents by what their headers say, in a real archive: the corpus's laws and
 * its documents of 2025 (131 of 451, to keep the suite quick) imported with their number, type,
 * issuer and date removed, so every fact comes from the header recogniser; three provincial
 * documents as plain-text files; and news articles that mention document numbers in passing.
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { Archive } from '../../electron/core/archive/archive';
import type { SearchRequest } from '../../electron/core/model';
import { CORPUS, corpusLines, writeJsonl } from '../support/corpus';

function localDecision(issuer: string[], number: string, place: string, subject: string): string {
  return `${issuer.join('\n')}
CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc
Số: ${number}
${place}, ngày 12 tháng 5 năm 2025
QUYẾT ĐỊNH
${subject}
ỦY BAN NHÂN DÂN TỈNH
Căn cứ Luật Tổ chức chính quyền địa phương ngày 19 tháng 02 năm 2025;
QUYẾT ĐỊNH:
Điều 1. ${subject} theo quy định kèm theo Quyết định này.
Điều 2. Quyết định này có hiệu lực kể từ ngày ký.`;
}

let dir: string;
let input: string;
let archive: Archive;

before(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'official-search-'));
  input = path.join(dir, 'input');
  fs.mkdirSync(input);
  const docs = zlib
    .gunzipSync(fs.readFileSync(`${CORPUS}/official-documents-vn.jsonl.gz`))
    .toString('utf8')
    .split('\n')
    .filter((l) => l.trim())
    .filter((l) => l.startsWith('{"id": "vlc-') || /"number": "[^"]*2025/.test(l))
    .map((l) => {
      const {
        number: _n,
        type: _t,
        issuer: _i,
        date: _d,
        ...rest
      } = JSON.parse(l) as Record<string, unknown>;
      return JSON.stringify(rest);
    });
  fs.writeFileSync(path.join(input, 'documents.jsonl'), `${docs.join('\n')}\n`);
  writeJsonl(path.join(input, 'news.jsonl'), await corpusLines('baomoi-2017-35k.jsonl.gz', 500));
  fs.writeFileSync(
    path.join(input, 'lai-chau.txt'),
    localDecision(
      ['ỦY BAN NHÂN DÂN', 'TỈNH LAI CHÂU'],
      '89/2025/QĐ-UBND',
      'Lai Châu',
      'Về việc ban hành Quy định quản lý cụm công nghiệp trên địa bàn tỉnh',
    ),
  );
  fs.writeFileSync(
    path.join(input, 'dien-bien.txt'),
    localDecision(
      ['ỦY BAN NHÂN DÂN', 'TỈNH ĐIỆN BIÊN'],
      '12/2025/QĐ-UBND',
      'Điện Biên',
      'Về việc quy định giá dịch vụ thu gom rác thải sinh hoạt',
    ),
  );
  fs.writeFileSync(
    path.join(input, 'lao-cai.txt'),
    localDecision(
      ['UBND TỈNH LÀO CAI', 'SỞ TÀI CHÍNH'],
      '89/2024/QĐ-STC',
      'Lào Cai',
      'Về việc phân bổ dự toán ngân sách',
    ),
  );
  archive = Archive.open(path.join(dir, 'archive.db'));
  const summary = await archive.importPaths([input]);
  assert.deepEqual(summary.failed, []);
});

after(() => {
  archive?.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

const numbers = (query: string, extra: Partial<SearchRequest> = {}) =>
  archive.search({ query, limit: 10, ...extra }).hits.map((h) => h.docNumber);

test('the plain-text decisions were read as documents, their facts stored', () => {
  const hit = archive.search({ query: '89/2025/QĐ-UBND', limit: 1 }).hits[0];
  const article = archive.getArticle(hit.id);
  assert.equal(
    article.title,
    'Quyết định 89/2025/QĐ-UBND về việc ban hành Quy định quản lý cụm công nghiệp trên địa bàn tỉnh',
  );
  assert.deepEqual(
    [article.docNumber, article.docType, article.issuer, article.place, article.date],
    ['89/2025/QĐ-UBND', 'Quyết định', 'Ủy ban nhân dân tỉnh Lai Châu', 'Lai Châu', '2025-05-12'],
  );
  const stc = archive.getArticle(archive.search({ query: '89/2024', limit: 1 }).hits[0].id);
  assert.equal(stc.issuer, 'Sở Tài chính');
});

test('a number, whole or in part, finds its document first', () => {
  // Two documents are numbered 89/2025: the provincial decision and a Standing Committee resolution.
  assert.deepEqual(numbers('89/2025').slice(0, 2).sort(), ['89/2025/QĐ-UBND', '89/2025/UBTVQH15']);
  assert.equal(numbers('89/2025/QĐ')[0], '89/2025/QĐ-UBND');
  assert.equal(numbers('91/2015/QH13')[0], '91/2015/QH13');
  assert.equal(numbers('45/2019/QH14')[0], '45/2019/QH14');
  assert.equal(numbers('158/2025/NĐ-CP')[0], '158/2025/NĐ-CP');
  assert.equal(numbers('158/2025/nd-cp')[0], '158/2025/NĐ-CP');
  assert.equal(numbers('number:91/2015')[0], '91/2015/QH13');
  assert.equal(numbers('số:45/2019')[0], '45/2019/QH14');
});

test('a number’s code finds the documents that carry it, accents optional', () => {
  for (const query of ['QĐ-UBND', 'qd-ubnd', 'QD-UBND']) {
    assert.deepEqual(
      numbers(query).slice(0, 2).sort(),
      ['12/2025/QĐ-UBND', '89/2025/QĐ-UBND'],
      query,
    );
  }
});

test('filters by issuer, type and year', () => {
  const facets = archive.facets();
  const issuers = new Map(facets.issuers.map((f) => [f.value, f.count]));
  assert.ok((issuers.get('Quốc hội') ?? 0) > 50, JSON.stringify(facets.issuers.slice(0, 5)));
  assert.equal(issuers.get('Ủy ban nhân dân tỉnh Lai Châu'), 1);

  const finance = archive.list({ issuer: 'Bộ Tài chính', limit: 50 });
  assert.ok(finance.total >= 5, String(finance.total));
  const byIssuer = archive.search({ query: 'tài chính', issuer: 'Bộ Tài chính', limit: 50 });
  assert.ok(byIssuer.total > 0 && byIssuer.total <= finance.total, String(byIssuer.total));
  for (const hit of byIssuer.hits) assert.equal(archive.getArticle(hit.id).issuer, 'Bộ Tài chính');

  const circulars2025 = archive.search({
    query: 'lao động',
    type: 'Thông tư',
    from: '2025',
    to: '2025',
    limit: 50,
  });
  assert.ok(circulars2025.total > 0);
  for (const hit of circulars2025.hits) {
    assert.equal(hit.docType, 'Thông tư');
    assert.match(hit.date ?? '', /^2025-/);
  }
  const listed = archive.list({ issuer: 'Quốc hội', type: 'Bộ luật', limit: 50 });
  assert.ok(listed.total >= 5);
  assert.ok(listed.items.every((a) => a.docType === 'Bộ luật'));
});
