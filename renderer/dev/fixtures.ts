/* eslint-disable no-restricted-imports -- development-only mock host, never bundled */
import { readFileSync, existsSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { createHash } from 'node:crypto';
import type { Article, Block } from '../../electron/core/model';

const shared = new URL('../../../shared/', import.meta.url);

export function makeArticle(draft: Partial<Article> & { title: string; blocks: Block[] }): Article {
  const id = createHash('sha256')
    .update(draft.title + JSON.stringify(draft.blocks))
    .digest('hex')
    .slice(0, 16);
  return {
    id,
    date: null,
    author: null,
    source: null,
    url: null,
    summary: null,
    docNumber: null,
    docType: null,
    issuer: null,
    place: null,
    encoding: null,
    tags: [],
    sourceId: id,
    collections: [],
    importedAt: new Date().toISOString(),
    importedFrom: null,
    ...draft,
  };
}

/** Paragraphs of a plain-text body; "Ảnh: …" after a short line makes that line a figure. */
export function toBlocks(paragraphs: string[]): Block[] {
  const blocks: Block[] = [];
  for (let i = 0; i < paragraphs.length; i++) {
    const p = paragraphs[i];
    const next = paragraphs[i + 1];
    if (next && /^Ảnh:/.test(next) && p.length < 200) {
      blocks.push({ type: 'figure', caption: p, credit: next.replace(/^Ảnh:\s*/, '') });
      i++;
    } else blocks.push({ type: 'p', text: p });
  }
  return blocks;
}

function seedArticle(): Article[] {
  const file = new URL('seeds/000_6d5d4d6daf6b85b0.txt', shared);
  if (!existsSync(file)) return [];
  const lines = readFileSync(file, 'utf8')
    .replace(/^\uFEFF/, '')
    .split(/\n\s*\n/)
    .map((s) => s.replace(/\s+/g, ' ').trim())
    .filter(Boolean);
  const [, title, summary, ...rest] = lines;
  const author = rest.pop() ?? null;
  return [
    makeArticle({
      title,
      date: '2024-07-21',
      author,
      source: 'Báo Lạng Sơn',
      url: 'https://baolangson.vn/buoc-tien-moi-trong-cong-tac-dan-van-o-lang-son',
      summary: summary.replace(/;\.\.\.$/, ';…'),
      blocks: toBlocks(rest),
      tags: ['dân vận', 'Lạng Sơn'],
      collections: ['Công tác dân vận'],
      sourceId: '000_6d5d4d6daf6b85b0',
    }),
  ];
}

function officialDocuments(limit: number): Article[] {
  const file = new URL('corpus/official-documents-vn.jsonl.gz', shared);
  if (!existsSync(file)) return [];
  const lines = gunzipSync(readFileSync(file)).toString('utf8').split('\n').filter(Boolean);
  return lines.slice(0, limit).map((line) => {
    const r = JSON.parse(line) as Record<string, string>;
    const paragraphs = r.body
      .split(/\n\s*\n/)
      .map((s) => s.trim())
      .filter(Boolean)
      .slice(0, 80);
    return makeArticle({
      title: r.title,
      date: r.date ?? null,
      source: 'Công báo',
      docNumber: r.number ?? null,
      docType: r.type ?? null,
      issuer: r.issuer ?? null,
      blocks: toBlocks(paragraphs),
      sourceId: r.id,
      tags: r.type ? [r.type.toLowerCase()] : [],
    });
  });
}

/** An article as an office reader gives one: every block kind, pages, a derived title, OCR. */
function officeArticle(): Article {
  return makeArticle({
    title: 'Ke hoach dan van nam 2025',
    titleOrigin: 'slug',
    docType: 'Kế hoạch',
    pageCount: 2,
    recognition: { engine: 'tesseract', confidence: 91.6, pages: [2] },
    blocks: [
      { type: 'p', text: 'Ủy ban nhân dân xã ban hành kế hoạch dân vận năm 2025.', page: 1 },
      { type: 'heading', level: 1, text: 'Điều 1. Mục tiêu', page: 1 },
      { type: 'li', text: '1. Hoàn thành đường thôn Nà Lầu;', ordered: true, depth: 0, page: 1 },
      { type: 'li', text: 'a) đổ bê tông 2 km;', ordered: true, depth: 1, page: 1 },
      { type: 'li', text: '2. Xây nhà văn hóa thôn Khuổi Ma.', ordered: true, depth: 0, page: 1 },
      { type: 'heading', level: 2, text: 'Kinh phí thực hiện', page: 2 },
      {
        type: 'table',
        rows: [
          ['Hạng mục', 'Kinh phí'],
          ['Đường giao thông', '1.200 triệu đồng'],
          ['Nhà văn hóa', '850 triệu đồng'],
        ],
        page: 2,
      },
      { type: 'footnote', label: '1', text: 'Theo Nghị quyết số 12 của HĐND xã.', page: 2 },
    ],
  });
}

export function loadFixtures(): Article[] {
  const list = [...seedArticle(), officeArticle(), ...officialDocuments(120)];
  if (list.length > 0) return list;
  return [
    makeArticle({
      title: 'Bài mẫu về công tác dân vận',
      date: '2024-01-01',
      source: 'Mẫu',
      summary: 'Tóm tắt bài mẫu.',
      blocks: toBlocks(['Công tác dân vận ở cơ sở.', 'Đoàn kết toàn dân tộc.']),
    }),
  ];
}
