/**
 * Official-document headers recovered from text alone: every document of the official-documents
 * corpus with its number, type, issuer and date removed goes through the importers as a JSON
 * record and as a plain-text file, and what they recover is compared with the removed fields.
 * News articles must not come out as documents.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import zlib from 'node:zlib';
import { recordToDraft } from '../../electron/core/importers/json';
import { parsePlainText } from '../../electron/core/importers/plaintext';
import type { ArticleDraft } from '../../electron/core/model';

const CORPUS = '/work/shared/corpus';
const FIELDS = ['number', 'type', 'issuer', 'date'] as const;
type Field = (typeof FIELDS)[number];

interface OfficialRecord {
  id: string;
  title: string;
  body: string;
  number: string | null;
  type: string | null;
  issuer: string | null;
  date: string | null;
  [key: string]: unknown;
}

function records(file: string, limit = Infinity): OfficialRecord[] {
  const text = zlib.gunzipSync(fs.readFileSync(`${CORPUS}/${file}`)).toString('utf8');
  const lines = text.split('\n').filter((l) => l.trim() !== '');
  return lines.slice(0, limit).map((l) => JSON.parse(l) as OfficialRecord);
}

/** Compared as a reader would: spacing, case and punctuation of a name do not matter. */
function normal(field: Field, value: string | null): string {
  const text = (value ?? '').normalize('NFC').toLowerCase();
  if (field === 'number') return text.replace(/\s+/g, '');
  if (field === 'issuer') return text.replace(/[^\p{L}\p{N}]+/gu, ' ').trim();
  return text.replace(/\s+/g, ' ').trim();
}

function recovered(draft: ArticleDraft, field: Field): string | null {
  return { number: draft.docNumber, type: draft.docType, issuer: draft.issuer, date: draft.date }[
    field
  ];
}

function score(label: string, docs: OfficialRecord[], read: (r: OfficialRecord) => ArticleDraft) {
  const hits = { number: 0, type: 0, issuer: 0, date: 0 };
  const totals = { number: 0, type: 0, issuer: 0, date: 0 };
  let all = 0;
  let allTotal = 0;
  const misses: string[] = [];
  for (const record of docs) {
    const draft = read(record);
    let every = true;
    let applicable = true;
    for (const field of FIELDS) {
      // A field the corpus itself leaves empty cannot be checked.
      if (record[field] == null) {
        applicable = false;
        continue;
      }
      totals[field]++;
      if (normal(field, recovered(draft, field)) === normal(field, record[field])) hits[field]++;
      else {
        every = false;
        misses.push(`${record.id} ${field}: ${record[field]} ≠ ${recovered(draft, field)}`);
      }
    }
    if (applicable) {
      allTotal++;
      if (every) all++;
    }
  }
  const pct = (a: number, b: number) => ((100 * a) / b).toFixed(1);
  const line = FIELDS.map((f) => `${f} ${pct(hits[f], totals[f])} %`).join(', ');
  console.log(
    `official headers (${label}): ${line}, all four ${pct(all, allTotal)} %  (${docs.length} documents)`,
  );
  if (misses.length) console.log(`  misses: ${misses.slice(0, 10).join('; ')}`);
  return FIELDS.map((f) => [f, hits[f] / totals[f]] as const);
}

function stripped(record: OfficialRecord): Record<string, unknown> {
  const copy: Record<string, unknown> = { ...record };
  for (const field of FIELDS) delete copy[field];
  return copy;
}

const documents = records('official-documents-vn.jsonl.gz');

test('the corpus is the one described (451 documents)', () => {
  assert.equal(documents.length, 451);
});

test('JSON records without number, type, issuer and date: at least 95 % recovered', () => {
  const results = score('JSON records', documents, (r, i = 0) =>
    recordToDraft(stripped(r), i + 1, r.id),
  );
  for (const [field, share] of results) assert.ok(share >= 0.95, `${field}: ${share}`);
});

test('the same documents as plain-text files: at least 95 % recovered, titled by their header', () => {
  const drafts = new Map<string, ArticleDraft>();
  const results = score('plain text', documents, (r) => {
    const draft = parsePlainText(r.body, `${r.id}.txt`);
    drafts.set(r.id, draft);
    return draft;
  });
  for (const [field, share] of results) assert.ok(share >= 0.95, `${field}: ${share}`);
  const civil = drafts.get('vlc-bo-luat-dan-su')!;
  assert.equal(civil.title, 'Bộ luật Dân sự số 91/2015/QH13');
  assert.equal(civil.place, 'Hà Nội');
  const decree = documents.find((d) => d.number === '158/2025/NĐ-CP')!;
  assert.match(drafts.get(decree.id)!.title, /^Nghị định 158\/2025\/NĐ-CP quy định chi tiết/);
});

test("a record's own fields win over its header", () => {
  const record = documents.find((d) => d.number === '158/2025/NĐ-CP')!;
  const draft = recordToDraft({ ...record, issuer: 'Văn phòng Chính phủ', date: null }, 1, 'x');
  assert.equal(draft.issuer, 'Văn phòng Chính phủ');
  assert.equal(draft.docNumber, '158/2025/NĐ-CP');
  assert.equal(draft.date, '2025-06-25'); // absent from the record: read from the header
});

test('news articles are never taken for official documents', () => {
  const news = [
    ...records('baomoi-2017-35k.jsonl.gz', 1000),
    ...records('vietnews-train-40k.jsonl.gz', 1000),
  ];
  const documentsFound = news
    .map((r, i) => recordToDraft(r, i + 1, String(r.id)))
    .filter((d) => d.docType || d.docNumber || d.issuer || d.place);
  assert.deepEqual(
    documentsFound.map((d) => d.title),
    [],
  );
  const asText = news
    .slice(0, 400)
    .map((r) => parsePlainText(`${r.title}\n\n${String(r.summary ?? '')}\n\n${r.body}`, 'x.txt'))
    .filter((d) => d.docType || d.docNumber);
  assert.deepEqual(
    asText.map((d) => d.title),
    [],
  );
});
