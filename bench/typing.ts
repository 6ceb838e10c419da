/**
 * Typing a query in the interface, measured where the interface meets the engine: the browser
 * host over HTTP, with the engine in its worker thread exactly as `archive-reader serve` runs it.
 * Each keystroke's request (`search` with `typeAhead`, 20 hits with snippets, as the renderer asks
 * after its debounce) is timed from send to parsed reply. Conservative: the renderer skips the
 * keystrokes a fast typist makes within its 150 ms debounce; here every one is sent and waited for.
 * The caller ends its process afterwards (the engine's thread is not closed, see below).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { WorkerHost } from '../electron/api/worker-host';
import { startWebHost } from '../electron/web/server';
import { percentile } from './stats';

export interface TypingFigures {
  queries: number;
  requests: number;
  p50Ms: number;
  p95Ms: number;
  maxMs: number;
  /** Requests answered within 150 ms, the bar for "results as you type". */
  within150: number;
  catalogReadyMs: number | null;
}

/** Every prefix a person produces while typing `text`, from the second character on. */
export function keystrokes(text: string): string[] {
  const out: string[] = [];
  for (let i = 2; i <= text.length; i++) if (text[i - 1] !== ' ') out.push(text.slice(0, i));
  return out;
}

async function waitForCatalog(engine: WorkerHost, limitMs: number): Promise<number | null> {
  const started = performance.now();
  while (performance.now() - started < limitMs) {
    const stats = await engine.call('stats', {});
    if (stats.ok && (stats.result as { index: { state: string } }).index.state === 'ready') {
      return performance.now() - started;
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  return null;
}

export async function measureTyping(db: string, texts: string[]): Promise<TypingFigures> {
  const engine = await WorkerHost.start({ dbPath: db });
  const staticDir = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-static-'));
  fs.writeFileSync(path.join(staticDir, 'index.html'), '<!doctype html><title>bench</title>');
  const host = await startWebHost({
    dispatch: (method, input) => engine.call(method, input),
    subscribe: (event, listener) => engine.on(event, listener),
    staticDir,
  });
  try {
    const catalogReadyMs = await waitForCatalog(engine, 120_000);
    const url = new URL('/api/search', host.url).href;
    const times: number[] = [];
    for (const text of texts) {
      for (const typed of keystrokes(text)) {
        const started = performance.now();
        const response = await fetch(url, {
          method: 'POST',
          headers: { 'Content-Type': 'application/json' },
          body: JSON.stringify({ query: typed, typeAhead: true, limit: 20 }),
        });
        const envelope = (await response.json()) as { ok: boolean };
        times.push(performance.now() - started);
        if (!envelope.ok) throw new Error(`search failed for "${typed}"`);
      }
    }
    const sorted = [...times].sort((a, b) => a - b);
    return {
      queries: texts.length,
      requests: times.length,
      p50Ms: percentile(sorted, 50),
      p95Ms: percentile(sorted, 95),
      maxMs: Math.max(...times),
      within150: times.filter((t) => t <= 150).length / times.length,
      catalogReadyMs,
    };
  } finally {
    await host.close();
    // The engine is left to the process's exit: closing the host's engine makes its backup on
    // quit (a copy of the whole archive), which is no part of typing.
    fs.rmSync(staticDir, { recursive: true, force: true });
  }
}
