/**
 * Kill while saving an annotation: a process saves and edits annotations in a loop (highlights
 * with selectors, notes up to 30,000 characters so a save spans many pages) and is killed with
 * SIGKILL at 20 random moments (seeded). After each kill every annotation is whole — its note
 * carries its own checksum, its selector quotes the article's text exactly — and every save the
 * process reported as done is there, as saved (or as a later edit of it). This file is also the
 * saving process when started with SOAK_ANNOTATION_CHILD set.
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Archive } from '../../electron/core/archive/archive';
import type { Annotation, HighlightColor } from '../../electron/core/model';

const ROOT = path.resolve(import.meta.dirname, '../..');
const SAMPLE = path.join(ROOT, 'resources/sample/archive.db');
const KILLS = 20;
const SEED = Number(process.env.SOAK_SEED ?? 20260528);
const COLORS: HighlightColor[] = ['yellow', 'green', 'blue', 'pink'];
const FILLER = 'Ghi chú của cán bộ xã về nghị quyết dân vận, đợt kiểm tra thứ ';

function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const sha = (text: string) => createHash('sha256').update(text).digest('hex').slice(0, 16);

/** A note that proves itself whole: `#seq|length|text|checksum of what precedes`. */
function makeNote(seq: number, length: number): string {
  const body = FILLER.repeat(Math.ceil(length / FILLER.length) + 1).slice(0, length);
  const head = `#${seq}|${length}|${body}`;
  return `${head}|${sha(head)}`;
}

function noteIsWhole(note: string): boolean {
  const m = /^#(\d+)\|(\d+)\|([\s\S]*)\|([0-9a-f]{16})$/.exec(note);
  return !!m && m[3].length === Number(m[2]) && sha(note.slice(0, note.lastIndexOf('|'))) === m[4];
}

/** Every stored field of an annotation, in a fixed order. */
function fingerprint(a: Annotation): string {
  const s = a.selector;
  return sha(
    JSON.stringify([
      a.id,
      a.articleId,
      a.kind,
      a.color,
      a.note,
      s?.exact,
      s?.prefix,
      s?.suffix,
      s?.start,
      s?.end,
      a.created,
      a.updated,
    ]),
  );
}

// ── The saving process ────────────────────────────────────────────────────────────────────

function child(file: string, seed: number): void {
  const random = prng(seed);
  const archive = Archive.open(file);
  const articles = archive
    .list({ limit: 40 })
    .items.map((i) => ({ id: i.id, text: archive.view(i.id).text }))
    .filter((a) => a.text.length > 400);
  const saved: string[] = [];
  const report = (line: string) => fs.writeSync(1, `${line}\n`);
  for (let seq = seed * 1000; ; seq++) {
    if (saved.length && random() < 0.25) {
      const id = saved[Math.floor(random() * saved.length)];
      const a = archive.annotations.update(id, {
        note: makeNote(seq, Math.floor(random() * 30_000)),
      });
      report(`updated ${a.id} ${fingerprint(a)} ${a.updated}`);
      continue;
    }
    const article = articles[Math.floor(random() * articles.length)];
    const start = Math.floor(random() * (article.text.length - 300));
    const end = start + 1 + Math.floor(random() * 250);
    const a = archive.annotate({
      articleId: article.id,
      kind: 'note',
      color: COLORS[Math.floor(random() * COLORS.length)],
      note: makeNote(seq, Math.floor(random() * 30_000)),
      selector: { exact: article.text.slice(start, end), start, end },
    });
    saved.push(a.id);
    report(`saved ${a.id} ${fingerprint(a)} ${a.updated}`);
  }
}

if (process.env.SOAK_ANNOTATION_CHILD) {
  const [file, seed] = process.env.SOAK_ANNOTATION_CHILD.split('\n');
  child(file, Number(seed));
} else {
  let dir: string;
  let file: string;

  before(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'soak-kill-annotation-'));
    file = path.join(dir, 'archive.db');
    fs.copyFileSync(SAMPLE, file);
  });
  after(() => fs.rmSync(dir, { recursive: true, force: true }));

  /** Start the saving process, let it report `saves` saves, wait `pause` ms, kill it. */
  type Reported = Map<string, { print: string; updated: string }>;

  async function saveAndKill(seed: number, saves: number, pause: number): Promise<Reported> {
    const proc = spawn(process.execPath, ['--import', 'tsx', fileURLToPath(import.meta.url)], {
      cwd: ROOT,
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, SOAK_ANNOTATION_CHILD: `${file}\n${seed}` },
    });
    const reported: Reported = new Map();
    let stderr = '';
    let buffer = '';
    proc.stderr!.on('data', (d) => (stderr += d));
    await new Promise<void>((resolve, reject) => {
      proc.stdout!.on('data', (chunk: Buffer) => {
        buffer += chunk.toString('utf8');
        const lines = buffer.split('\n');
        buffer = lines.pop()!;
        for (const line of lines) {
          const [, id, print, updated] = line.split(' ');
          reported.set(id, { print, updated });
        }
        if (reported.size >= saves) resolve();
      });
      proc.once('exit', () => reject(new Error(`the saving process ended: ${stderr}`)));
    });
    await new Promise((r) => setTimeout(r, pause));
    proc.kill('SIGKILL');
    await new Promise<void>((resolve) =>
      proc.exitCode !== null || proc.signalCode !== null
        ? resolve()
        : proc.once('exit', () => resolve()),
    );
    assert.equal(proc.signalCode, 'SIGKILL', stderr);
    // Lines written before the kill may still be in the pipe.
    for (const line of buffer.split('\n').filter(Boolean)) {
      const [, id, print, updated] = line.split(' ');
      if (updated) reported.set(id, { print, updated });
    }
    return reported;
  }

  test(`annotations saved by a process killed ${KILLS} times are wholly there or wholly absent`, async (t) => {
    const random = prng(SEED);
    const known: Reported = new Map(); // id → what was last reported saved (or found after a kill)
    let unreported = 0;
    const texts = new Map<string, string>(); // articles never change: their text is read once
    for (let kill = 0; kill < KILLS; kill++) {
      const reported = await saveAndKill(
        kill + 1,
        3 + Math.floor(random() * 30),
        Math.floor(random() * 150),
      );
      const archive = Archive.open(file);
      try {
        assert.deepEqual(archive.db.pragma('integrity_check'), [{ integrity_check: 'ok' }]);
        const rows = archive.listAnnotations({ limit: 1_000_000 }).items;
        const byId = new Map(rows.map((a) => [a.id, a]));
        for (const a of rows) {
          // Whole: every field, the note's own checksum, the selector quoting the article.
          assert.ok(a.note && noteIsWhole(a.note), `annotation ${a.id} has a broken note`);
          assert.ok(COLORS.includes(a.color!), `annotation ${a.id} has no colour`);
          assert.ok(a.selector, `annotation ${a.id} lost its selector`);
          const text = texts.get(a.articleId) ?? archive.view(a.articleId).text;
          texts.set(a.articleId, text);
          assert.equal(text.slice(a.selector.start, a.selector.end), a.selector.exact);
          assert.equal(
            text.slice(Math.max(0, a.selector.start - a.selector.prefix.length), a.selector.start),
            a.selector.prefix,
          );
          assert.ok(a.created <= a.updated);
        }
        for (const [id, saved] of reported) known.set(id, saved);
        // Saved as reported; at most one save (new or an edit) was cut off before its report.
        let cutOff = 0;
        for (const [id, saved] of known) {
          const row = byId.get(id);
          assert.ok(row, `annotation ${id} was reported saved and is gone`);
          if (fingerprint(row) === saved.print) continue;
          cutOff++;
          assert.ok(row.updated >= saved.updated, `annotation ${id} differs from its last save`);
        }
        cutOff += rows.filter((a) => !known.has(a.id)).length;
        assert.ok(cutOff <= 1, `${cutOff} saves were in progress at once`);
        unreported += cutOff;
        for (const a of rows) known.set(a.id, { print: fingerprint(a), updated: a.updated });
      } finally {
        archive.close();
      }
    }
    t.diagnostic(
      `annotation kills survived: ${KILLS}/${KILLS}, annotations checked whole: ${known.size} ` +
        `(${unreported} saves were cut off by a kill before their report and found whole)`,
    );
  });
}
