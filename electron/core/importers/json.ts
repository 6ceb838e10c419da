/**
 * JSON Lines (one record a line, the corpus format) and JSON documents (an array of records or
 * one record). Lines stream one at a time so a file of any size reads in bounded memory; a bad
 * record becomes an error item and the records after it still import.
 */
import { z } from 'zod';
import { UserError } from '../errors';
import type { ArticleDraft, Block } from '../model';
import { figureBlock } from './credit';
import { deriveTitle } from './derived-title';
import { cleanText, comparisonKey, makeDraft, paragraphBlocks, toIsoDate } from './draft';
import type { DraftItem } from './draft';
import { MAX_LINE_CHARS, splitLines } from './lines';
import { fillOfficialFacts } from './official-facts';
import { detectLegacy, fromLegacy, type LegacyEncoding } from '../text/legacy';

/** A JSON document parsed whole (an array, a pretty-printed object) must fit comfortably in memory. */
export const MAX_JSON_DOCUMENT = 200 * 1024 * 1024;

const text = z.string().nullish();
const scalar = z.union([z.string(), z.number()]).nullish();
const captionObject = z.object({
  caption: text,
  text: text,
  description: text,
  credit: text,
  author: text,
});

/** The fields we read; unknown fields (date_kind, split, signer…) are ignored. */
export const recordSchema = z.object({
  id: scalar,
  title: text,
  /** The title as a URL slug ("nghi-quyet-dan-van"), which crawls keep when they lose the title. */
  title_slug: text,
  slug: text,
  summary: text,
  body: z.union([z.string(), z.array(z.string())]).nullish(),
  captions: z.array(z.union([z.string(), captionObject])).nullish(),
  date: text,
  url: text,
  origin_url: text,
  source: text,
  source_repo: text,
  number: scalar,
  type: text,
  issuer: text,
  author: text,
  tags: z.union([z.array(z.string()), z.string()]).nullish(),
});

type JsonRecord = z.infer<typeof recordSchema>;

/** Fields that are addresses and identifiers, never text in a legacy font. */
const NOT_TEXT = new Set(['id', 'url', 'origin_url', 'source_repo', 'date']);

/** Every text field of a record converted from a legacy encoding (an old database's export). */
function fromLegacyRecord(record: JsonRecord, encoding: LegacyEncoding): JsonRecord {
  const convert = (value: unknown): unknown =>
    typeof value === 'string'
      ? fromLegacy(value, encoding)
      : Array.isArray(value)
        ? value.map(convert)
        : value && typeof value === 'object'
          ? Object.fromEntries(Object.entries(value).map(([k, v]) => [k, convert(v)]))
          : value;
  return Object.fromEntries(
    Object.entries(record).map(([k, v]) => [k, NOT_TEXT.has(k) ? v : convert(v)]),
  ) as JsonRecord;
}

function describeIssues(error: z.ZodError): string {
  return error.issues
    .slice(0, 3)
    .map((issue) => `${issue.path.join('.') || 'record'}: ${issue.message}`)
    .join('; ');
}

function captionBlocks(captions: JsonRecord['captions']): Block[] {
  const blocks: Block[] = [];
  for (const c of captions ?? []) {
    const caption = typeof c === 'string' ? c : (c.caption ?? c.text ?? c.description ?? '');
    const credit = typeof c === 'string' ? null : cleanText(c.credit ?? c.author);
    const block = figureBlock(caption, credit);
    if (block.type === 'figure' && (block.caption || block.credit)) blocks.push(block);
  }
  return blocks;
}

function tagList(tags: JsonRecord['tags']): string[] {
  const list = typeof tags === 'string' ? tags.split(/[,;]/) : (tags ?? []);
  return [...new Set(list.map((t) => cleanText(t)).filter((t): t is string => t !== null))];
}

/**
 * One record → a draft. `line` numbers the record in its file (a line, or an item of an array)
 * and names it in errors; `fallbackId` identifies records that carry no `id`.
 */
export function recordToDraft(value: unknown, line: number, fallbackId: string): ArticleDraft {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new UserError('import.bad-json', { line, reason: 'not an object' });
  }
  const parsed = recordSchema.safeParse(value);
  if (!parsed.success) {
    throw new UserError('import.bad-json', { line, reason: describeIssues(parsed.error) });
  }
  let r = parsed.data;
  const rawBody = Array.isArray(r.body) ? r.body.join('\n') : (r.body ?? '');
  const encoding = detectLegacy(`${r.title ?? ''}\n${r.summary ?? ''}\n${rawBody}`);
  if (encoding) r = fromLegacyRecord(r, encoding);
  const body = Array.isArray(r.body) ? r.body.join('\n') : (r.body ?? '');
  const paragraphs = paragraphBlocks(body);
  if (paragraphs.length === 0) throw new UserError('import.bad-record', { line });
  // A record with a body is never dropped for lacking a title: one is derived, and marked.
  const given = cleanText(r.title);
  const derived = given
    ? null
    : deriveTitle({
        slug: r.title_slug ?? r.slug,
        url: webAddress(r.url ?? r.origin_url),
        blocks: paragraphs,
      });
  const title = given ?? derived?.title;
  if (!title) throw new UserError('import.bad-record', { line });
  const summary = cleanText(r.summary);
  // Some sources print the lead again as the first paragraph; the reader shows it once.
  const first = paragraphs[0];
  if (summary && first.type === 'p' && comparisonKey(first.text) === comparisonKey(summary)) {
    paragraphs.shift();
  }
  const draft = makeDraft({
    title,
    ...(derived && { titleOrigin: derived.titleOrigin }),
    date: toIsoDate(r.date),
    author: cleanText(r.author),
    source:
      cleanText(r.source) ??
      sourceFromUrl(webAddress(r.url ?? r.origin_url)) ??
      cleanText(r.source_repo),
    url: webAddress(r.url ?? r.origin_url),
    summary,
    blocks: [...paragraphs, ...captionBlocks(r.captions)],
    docNumber: cleanText(r.number == null ? null : String(r.number)),
    docType: cleanText(r.type),
    issuer: cleanText(r.issuer),
    tags: tagList(r.tags),
    encoding,
    sourceId: r.id != null && String(r.id).trim() !== '' ? String(r.id).trim() : fallbackId,
  });
  // An official document whose record lacks its number, type, issuer or date: read its header.
  fillOfficialFacts(draft, body);
  return draft;
}

/** A web address, or null: data exports write a missing one as "None", "null" or "". */
function webAddress(value: string | null | undefined): string | null {
  const text = cleanText(value);
  return text && /^https?:\/\/[^\s/]+/i.test(text) ? text : null;
}

/** Publishers known by their address; any other address is named by its host. */
const PUBLISHERS: Record<string, string> = {
  'congbao.chinhphu.vn': 'Công báo Chính phủ',
  'vbpl.vn': 'Cơ sở dữ liệu quốc gia về văn bản pháp luật',
  'thuvienphapluat.vn': 'Thư viện Pháp luật',
};

function sourceFromUrl(url: string | null): string | null {
  if (!url) return null;
  try {
    const host = new URL(url).hostname.replace(/^www\./, '');
    return PUBLISHERS[host] ?? host;
  } catch {
    return null;
  }
}

function toItem(value: unknown, line: number, where: string): DraftItem {
  try {
    return { ok: true, draft: recordToDraft(value, line, where), where };
  } catch (error) {
    if (error instanceof UserError) return { ok: false, error, where };
    throw error;
  }
}

/** Text of a whole document, refusing to grow past the limit. */
async function slurp(chunks: AsyncIterable<string>): Promise<string> {
  const parts: string[] = [];
  let size = 0;
  for await (const chunk of chunks) {
    size += chunk.length;
    if (size > MAX_JSON_DOCUMENT) {
      throw new UserError('import.too-large', {
        size: `> ${MAX_JSON_DOCUMENT / 1024 / 1024} MB`,
        limit: `${MAX_JSON_DOCUMENT / 1024 / 1024} MB`,
      });
    }
    parts.push(chunk);
  }
  return parts.join('');
}

/** The whole text as one JSON value, or the syntax error that prevented it. */
async function parseWhole(
  open: () => AsyncIterable<string>,
): Promise<{ value: unknown } | { error: SyntaxError }> {
  const source = (await slurp(open())).replace(/^\uFEFF/, '');
  try {
    return { value: JSON.parse(source) };
  } catch (error) {
    if (error instanceof SyntaxError) return { error };
    throw error;
  }
}

function* itemsOf(value: unknown, where: string): Generator<DraftItem> {
  if (!Array.isArray(value)) {
    yield toItem(value, 1, where);
    return;
  }
  for (let i = 0; i < value.length; i++) yield toItem(value[i], i + 1, `${where}#item ${i + 1}`);
}

/** The first line of a pretty-printed object ("{", "{ \"id\": 1,"), not a damaged record. */
function opensPrettyObject(line: string): boolean {
  return line.length < 1000 && /^\{\s*$|^\{.*[,{[]$/.test(line);
}

async function firstSignificantChar(chunks: AsyncIterable<string>): Promise<string> {
  for await (const chunk of chunks) {
    const match = /[^\s\uFEFF]/.exec(chunk);
    if (match) return match[0];
  }
  return '';
}

/**
 * Records from JSON text. `open` returns the decoded (and decompressed) text from the start; it
 * may be called twice, once to peek at the first character. Stream errors propagate to the
 * caller after the items read so far, so a truncated gzip keeps its good records.
 */
export async function* readJsonRecords(
  open: () => AsyncIterable<string>,
  where: string,
): AsyncGenerator<DraftItem> {
  if ((await firstSignificantChar(open())) === '[') {
    const whole = await parseWhole(open);
    if ('value' in whole) yield* itemsOf(whole.value, where);
    else {
      const reason = whole.error.message;
      yield { ok: false, error: new UserError('import.bad-json', { line: 1, reason }), where };
    }
    return;
  }
  let seenRecord = false; // only the first non-empty line may open a pretty-printed document
  for await (const line of splitLines(open())) {
    const at = `${where}#line ${line.n}`;
    if ('tooLong' in line) {
      const size = `${Math.round(line.tooLong / 1024 / 1024)} MB`;
      yield {
        ok: false,
        error: new UserError('import.too-large', {
          size,
          limit: `${MAX_LINE_CHARS / 1024 / 1024} MB`,
        }),
        where: at,
      };
      continue;
    }
    const source = line.text.replace(/^\uFEFF/, '').trim();
    if (source === '') continue;
    const firstLine = !seenRecord;
    seenRecord = true;
    let value: unknown;
    try {
      value = JSON.parse(source);
    } catch (error) {
      // A pretty-printed object spans lines: its first line alone is not JSON. If the whole
      // text is no JSON either, it was a damaged first record: report it and read on.
      if (firstLine && opensPrettyObject(source)) {
        // Too large to be one document is also an answer: then it is JSON Lines after all.
        const whole = await parseWhole(open).catch((e: unknown) => ({ error: e }));
        if ('value' in whole) {
          yield* itemsOf(whole.value, where);
          return;
        }
      }
      const reason = error instanceof Error ? error.message : String(error);
      yield {
        ok: false,
        error: new UserError('import.bad-json', { line: line.n, reason }),
        where: at,
      };
      continue;
    }
    yield toItem(value, line.n, at);
  }
}
