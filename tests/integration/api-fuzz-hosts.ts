/**
 * The hosts the API fuzz tests attack, on one archive in a temporary folder: the dispatch guard in
 * process, the engine's worker thread (what IPC reaches), and the browser host on 127.0.0.1 with
 * the engine in its worker, as `serve` runs it. Also what the tests check with: a fingerprint of
 * the archive seen from another connection (data_version moves on any commit, by anyone), and the
 * shape of a refusal.
 */
import assert from 'node:assert/strict';
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { Archive } from '../../electron/core/archive/archive';
import type { Envelope } from '../../electron/api/contract';
import { createDispatch, type Dispatch } from '../../electron/api/dispatch';
import { createHandlers } from '../../electron/api/handlers';
import { WorkerHost } from '../../electron/api/worker-host';
import { startWebHost, type WebHost, type WebHostOptions } from '../../electron/web/server';
import { toJson } from './api-fuzz-inputs';

export const SEED = Number(process.env.FUZZ_SEED ?? 20_240_312);
const SEED_FILE = '/work/shared/seeds/000_6d5d4d6daf6b85b0.txt';
const VIETNAMESE = /[ăâđêôơưạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹ]/i;

export interface Hosts {
  dir: string;
  dispatch: Dispatch;
  worker: WorkerHost;
  host: WebHost;
  port: number;
  /** Another browser host on the same worker, with other options. */
  startAnother(options: Partial<WebHostOptions>): Promise<WebHost>;
  /** Row counts of every table, data_version, and the files in the folder. */
  fingerprint(): string;
  close(): Promise<void>;
}

export async function startHosts(): Promise<Hosts> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'api-fuzz-'));
  const dbPath = path.join(dir, 'archive.db');
  const staticDir = path.join(dir, 'static');
  fs.mkdirSync(staticDir);
  fs.writeFileSync(path.join(staticDir, 'index.html'), '<!doctype html><title>x</title>');
  const archive = Archive.open(dbPath);
  await archive.importPaths([SEED_FILE]);
  const articleId = archive.search({ query: 'dan van lang son' }).hits[0].id;
  archive.annotate({ articleId, kind: 'note', note: 'Ghi chú có sẵn' });
  archive.setTags(articleId, ['dân vận']);
  const dispatch = createDispatch(createHandlers(archive), {
    onInternalError: (error, method) => assert.fail(`${method}: internal error ${String(error)}`),
  });
  const worker = await WorkerHost.start({ dbPath });
  const hostOptions = (extra: Partial<WebHostOptions>): WebHostOptions => ({
    dispatch: (method, input) => worker.call(method, input),
    subscribe: (event, listener) => worker.on(event, listener),
    staticDir,
    ...extra,
  });
  const host = await startWebHost(hostOptions({}));
  // The worker settles (its catalog built and saved) before anything is measured.
  for (;;) {
    const stats = await worker.call('stats', {});
    if (stats.ok && (stats.result as { index: { state: string } }).index.state === 'ready') break;
    await new Promise((resolve) => setImmediate(resolve));
  }
  const observer = new Database(dbPath, { readonly: true });

  return {
    dir,
    dispatch,
    worker,
    host,
    port: Number(new URL(host.url).port),
    startAnother: (options) => startWebHost(hostOptions(options)),
    fingerprint() {
      const tables = observer
        .prepare("SELECT name FROM sqlite_schema WHERE type = 'table' ORDER BY name")
        .pluck()
        .all() as string[];
      const counts = tables.map(
        (t) => `${t}=${observer.prepare(`SELECT count(*) FROM "${t}"`).pluck().get()}`,
      );
      const files = fs
        .readdirSync(dir, { recursive: true })
        .map(String)
        .filter((f) => !/-(wal|shm)$/.test(f))
        .sort();
      const dataVersion = observer.pragma('data_version', { simple: true });
      return JSON.stringify({ dataVersion, counts, files });
    },
    async close() {
      await host.close();
      await worker.close();
      archive.close();
      observer.close();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** A refusal with one sentence; `what` names the input, and is only worked out on a failure. */
export function assertRefused(
  envelope: Envelope<unknown>,
  what: string | (() => string),
  code = 'api.invalid-input',
) {
  const fail = (problem: string) =>
    assert.fail(`${typeof what === 'string' ? what : what()}: ${problem}`);
  if (envelope.ok) return fail('accepted');
  const message = envelope.error.message;
  if (envelope.error.code !== code) fail(`${envelope.error.code} ${message}`);
  if (!VIETNAMESE.test(message)) fail(`not a Vietnamese sentence: ${message}`);
  if (message.length < 10 || message.length > 500) fail(`${message.length} characters`);
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u001f]|\n\s+at /.test(message)) fail(`control characters: ${message}`);
}

export interface Reply {
  status: number;
  body: string;
}

/** One raw HTTP request; the body goes out exactly as given. */
export function request(
  port: number,
  urlPath: string,
  body: string | Buffer,
  headers: Record<string, string> = { 'Content-Type': 'application/json' },
  method = 'POST',
): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const req = http.request(
      {
        host: '127.0.0.1',
        port,
        method,
        path: urlPath,
        headers: { Host: `127.0.0.1:${port}`, ...headers },
      },
      (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => (text += chunk));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body: text }));
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

export function envelopeOf(reply: Reply, what: string): Envelope<unknown> {
  try {
    return JSON.parse(reply.body) as Envelope<unknown>;
  } catch {
    assert.fail(`${what}: HTTP ${reply.status} with a body that is not an envelope`);
  }
}

export function hash(text: string): number {
  let h = 2166136261;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 16777619);
  return h >>> 0;
}

export function describeInput(input: unknown): string {
  try {
    return (toJson(input) || String(input)).slice(0, 120);
  } catch {
    return typeof input;
  }
}
