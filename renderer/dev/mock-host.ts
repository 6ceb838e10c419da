/* eslint-disable no-restricted-imports, @typescript-eslint/no-explicit-any -- development-only mock host, never bundled */
/**
 * A tiny stand-in for the web host, for developing and screenshotting the renderer:
 *   node --import tsx renderer/dev/mock-host.ts [port]
 * Serves dist/renderer and the API contract over HTTP from in-memory fixtures.
 */
import { createServer, type ServerResponse } from 'node:http';
import { readFile } from 'node:fs/promises';
import { extname, join, normalize } from 'node:path';
import { fileURLToPath } from 'node:url';
import { schemas, type MethodName } from '../../electron/api/contract';
import { loadFixtures, makeArticle, toBlocks } from './fixtures';
import { MockStore, summary } from './store';

const port = Number(process.argv[2] ?? process.env.PORT ?? 4319);
const root = fileURLToPath(new URL('../../dist/renderer/', import.meta.url));
const store = new MockStore(loadFixtures());
const clients = new Set<ServerResponse>();
const fail = (code: string, message: string) => ({ ok: false, error: { code, message } });

function emit(event: string, data: unknown): void {
  for (const res of clients) res.write(`event: ${event}\ndata: ${JSON.stringify(data)}\n\n`);
}

type Handler = (input: any) => unknown;
const handlers: Record<MethodName, Handler> = {
  search: (i) => {
    const { hits, suggestion } = store.search(i.query, i, i.sort ?? 'relevance');
    const offset = i.offset ?? 0;
    return {
      total: hits.length,
      hits: hits.slice(offset, offset + (i.limit ?? 20)),
      suggestion,
      tookMs: 1,
    };
  },
  suggest: () => ({ items: [] }),
  getArticle: (i) =>
    store.view(i.id) ??
    Promise.reject(['article.not-found', `Không tìm thấy bài viết có mã ${i.id}.`]),
  listArticles: (i) => {
    const all = store
      .filtered(i)
      .sort((a, b) =>
        i.sort === 'title'
          ? a.title.localeCompare(b.title, 'vi')
          : i.sort === 'imported'
            ? b.importedAt.localeCompare(a.importedAt)
            : (b.date ?? '').localeCompare(a.date ?? ''),
      );
    const offset = i.offset ?? 0;
    return { total: all.length, items: all.slice(offset, offset + (i.limit ?? 50)).map(summary) };
  },
  facets: () => store.facets(),
  stats: () => ({
    articles: store.articles.size,
    annotations: store.annotations.size,
    tags: store.facets().tags.length,
    collections: store.facets().collections.length,
    databaseBytes: 48_300_000,
    catalogBytes: 3_100_000,
    index: { state: 'ready', progress: 1, articles: store.articles.size },
    schemaVersion: 1,
    path: '/home/user/.config/archive-reader/archive.db',
  }),
  listAnnotations: (i) => {
    const q = i.query ? i.query.toLowerCase() : '';
    const all = [...store.annotations.values()]
      .filter((a) => !i.articleId || a.articleId === i.articleId)
      .filter((a) => !q || `${a.note ?? ''} ${a.selector?.exact ?? ''}`.toLowerCase().includes(q))
      .map((a) => ({ ...a, articleTitle: store.articles.get(a.articleId)?.title ?? '' }));
    return {
      total: all.length,
      items: all.slice(i.offset ?? 0, (i.offset ?? 0) + (i.limit ?? 100)),
    };
  },
  createAnnotation: (i) =>
    store.annotate({
      articleId: i.articleId,
      kind: i.kind,
      color: i.color ?? null,
      note: i.note ?? null,
      selector: i.selector ?? null,
    }),
  updateAnnotation: (i) => {
    const a = store.annotations.get(i.id);
    if (!a)
      return Promise.reject(['annotation.not-found', `Không tìm thấy ghi chú có mã ${i.id}.`]);
    const next = {
      ...a,
      ...('color' in i ? { color: i.color } : {}),
      ...('note' in i ? { note: i.note } : {}),
      updated: new Date().toISOString(),
    };
    store.annotations.set(a.id, next);
    return next;
  },
  deleteAnnotation: (i) => {
    const a = store.annotations.get(i.id);
    store.annotations.delete(i.id);
    return { deleted: a };
  },
  restoreAnnotation: (i) => {
    store.annotations.set(i.annotation.id, i.annotation);
    return i.annotation;
  },
  reattachAnnotation: (i) => {
    const a = store.annotations.get(i.id);
    if (!a)
      return Promise.reject(['annotation.not-found', `Không tìm thấy ghi chú có mã ${i.id}.`]);
    const next = {
      ...a,
      selector: i.selector,
      orphaned: undefined,
      updated: new Date().toISOString(),
    };
    store.annotations.set(a.id, next);
    return next;
  },
  setTags: (i) => Object.assign(store.articles.get(i.articleId)!, { tags: i.tags }),
  setCollections: (i) =>
    Object.assign(store.articles.get(i.articleId)!, { collections: i.collections }),
  importPaths: () => Promise.reject(['api.forbidden', 'Yêu cầu bị từ chối.']),
  cancelImport: () => ({ cancelled: 0 }),
  importFiles: async (i) => {
    const summaryOut = {
      imported: 0,
      duplicates: 0,
      failed: [] as { path: string; error: string }[],
      articleIds: [] as string[],
    };
    for (const [n, f] of (i.files as { name: string; base64: string }[]).entries()) {
      const text = Buffer.from(f.base64, 'base64').toString('utf8');
      const paras = text
        .split(/\n\s*\n/)
        .map((s) => s.trim())
        .filter(Boolean);
      if (paras.length < 2)
        summaryOut.failed.push({ path: f.name, error: 'Không tìm thấy nội dung bài báo.' });
      else {
        const a = makeArticle({
          title: paras[0],
          blocks: toBlocks(paras.slice(1)),
          importedFrom: f.name,
        });
        if (store.articles.has(a.id)) summaryOut.duplicates++;
        else {
          store.articles.set(a.id, a);
          summaryOut.imported++;
          summaryOut.articleIds.push(a.id);
        }
      }
      emit('importProgress', {
        files: i.files.length,
        filesDone: n + 1,
        imported: summaryOut.imported,
        duplicates: summaryOut.duplicates,
        failed: summaryOut.failed.length,
        current: f.name,
      });
      await new Promise((r) => setTimeout(r, 150));
    }
    return summaryOut;
  },
  exportAnnotations: (i) => ({
    filename: `ghi-chu.${i.format === 'markdown' ? 'md' : i.format === 'csv' ? 'csv' : 'jsonld'}`,
    mime:
      i.format === 'markdown'
        ? 'text/markdown'
        : i.format === 'csv'
          ? 'text/csv'
          : 'application/ld+json',
    content: JSON.stringify([...store.annotations.values()], null, 2),
  }),
  importAnnotations: () => ({
    added: 0,
    updated: 0,
    unchanged: 0,
    orphaned: 0,
    skipped: 0,
    skippedArticles: [],
    failed: [],
  }),
  exportBundle: () => mockBundle(null),
  exportBundleToPath: (i) => mockBundle(i.path),
  importBundle: (i) => mockBundleReport(i.name),
  importBundlePath: (i) => mockBundleReport(i.path),
  getInbox: () => inbox,
  setInbox: (i) => (inbox = { ...inbox, dir: i.dir, watching: i.dir !== null }),
  getOriginal: () =>
    Promise.reject(['original.not-kept', 'Kho lưu trữ không giữ tệp gốc của bài này.']),
  renameArticle: (i) =>
    Object.assign(store.articles.get(i.id)!, { title: i.title, titleOrigin: null }),
  getRelations: () => ({ effectiveDate: null, outgoing: [], incoming: [], supersededBy: null }),
};

let inbox = { dir: null as string | null, watching: false, error: null, recent: [] };
const mockBundle = (path: string | null) => ({
  filename: 'archive-mock-2025-01-01.arbundle',
  path,
  base64: path ? null : Buffer.from('mock bundle').toString('base64'),
  bytes: 11,
  machine: 'mock',
  created: new Date().toISOString(),
  counts: { articles: store.articles.size, annotations: 0, revisions: 0, tags: 0, collections: 0 },
});
const mockBundleReport = (file: string) => ({
  file,
  machine: 'may-xa-b',
  created: new Date().toISOString(),
  articles: { added: 2, present: 5, refused: 0 },
  annotations: { added: 3, updated: 1, kept: 1, unchanged: 4, skipped: 0 },
  revisions: 1,
  tags: 2,
  collections: 1,
  refused: [],
  articleIds: [],
});

const types: Record<string, string> = {
  '.html': 'text/html',
  '.js': 'text/javascript',
  '.css': 'text/css',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.svg': 'image/svg+xml',
};

createServer(async (req, res) => {
  const url = new URL(req.url ?? '/', 'http://localhost');
  if (url.pathname === '/api/events') {
    res.writeHead(200, { 'Content-Type': 'text/event-stream', 'Cache-Control': 'no-store' });
    res.write(': connected\n\n');
    clients.add(res);
    req.on('close', () => clients.delete(res));
    return;
  }
  if (url.pathname.startsWith('/api/') && req.method === 'POST') {
    const method = url.pathname.slice(5) as MethodName;
    let body = '';
    for await (const chunk of req) body += chunk;
    res.setHeader('Content-Type', 'application/json; charset=utf-8');
    if (!(method in schemas))
      return res.end(JSON.stringify(fail('api.unknown-method', `Không có chức năng ${method}.`)));
    const parsed = schemas[method].safeParse(JSON.parse(body || '{}'));
    if (!parsed.success)
      return res.end(JSON.stringify(fail('api.invalid-input', parsed.error.message)));
    try {
      res.end(JSON.stringify({ ok: true, result: await handlers[method](parsed.data) }));
    } catch (e) {
      const [code, message] = Array.isArray(e) ? e : ['internal', String(e)];
      res.end(JSON.stringify(fail(code, message)));
    }
    return;
  }
  const path = normalize(
    join(root, url.pathname === '/' ? 'index.html' : decodeURIComponent(url.pathname)),
  );
  if (!path.startsWith(root)) return res.writeHead(403).end();
  try {
    const data = await readFile(path);
    res
      .writeHead(200, { 'Content-Type': types[extname(path)] ?? 'application/octet-stream' })
      .end(data);
  } catch {
    res.writeHead(404).end('Not found');
  }
}).listen(port, '127.0.0.1', () => {
  console.log(`Mock host: http://127.0.0.1:${port}/ (${store.articles.size} articles)`);
});
