/**
 * The inbox folder: files arrive as a sync tool delivers them (written under a temporary name,
 * then renamed), are imported once complete and moved to done/ or failed/. Every check polls for
 * the outcome with a generous deadline; no test passes or fails on how long something took.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Archive } from '../../electron/core/archive/archive';
import { InboxWatcher, isTemporaryName, type InboxResult } from '../../electron/core/archive/inbox';
import { inboxHandler } from '../../electron/core/archive/inbox-import';
import { WorkerHost } from '../../electron/api/worker-host';
import type { InboxState } from '../../electron/api/contract';
import { UserError } from '../../electron/core/errors';

const SEED = '/work/shared/seeds/000_6d5d4d6daf6b85b0.txt';
const DEADLINE_MS = 60_000;

let dir: string;
let bundle: string;
let bundleArticles: number;

/** Wait until `check` holds (polling), or fail with `what` once the deadline has passed. */
async function eventually(what: string, check: () => boolean | Promise<boolean>): Promise<void> {
  const deadline = Date.now() + DEADLINE_MS;
  while (!(await check())) {
    if (Date.now() > deadline) assert.fail(`timed out waiting for: ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** Deliver a file as Syncthing does: written under `.syncthing.NAME.tmp`, then renamed. */
function deliver(inbox: string, name: string, content: Buffer | string): void {
  const tmp = path.join(inbox, `.syncthing.${name}.tmp`);
  fs.writeFileSync(tmp, content);
  fs.renameSync(tmp, path.join(inbox, name));
}

const count = (archive: Archive) =>
  (archive.db.prepare('SELECT count(*) AS n FROM articles').get() as { n: number }).n;

before(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'inbox-test-'));
  const records = [1, 2, 3].map((n) =>
    JSON.stringify({ id: `r${n}`, title: `Tin xã số ${n}`, body: `Nội dung tin thứ ${n}.` }),
  );
  fs.writeFileSync(path.join(dir, 'records.jsonl'), records.join('\n'));
  const source = Archive.open(path.join(dir, 'source.db'));
  try {
    await source.importPaths([path.join(dir, 'records.jsonl')]);
    bundle = path.join(dir, 'source.arbundle');
    bundleArticles = (await source.exportBundle({ machine: 'xa-a' }, bundle)).counts.articles;
  } finally {
    source.close();
  }
});
after(() => fs.rmSync(dir, { recursive: true, force: true }));

test('names a sync tool or an editor writes under are never taken', () => {
  for (const name of [
    '.syncthing.a.arbundle.tmp',
    '~syncthing~a.txt.tmp',
    'a.txt~',
    '~$bao-cao.docx',
    'tai-ve.crdownload',
    'a.part',
    '.DS_Store',
    'Thumbs.db',
  ])
    assert.equal(isTemporaryName(name), true, name);
  for (const name of ['bai-bao.txt', 'goi.arbundle', 'tin.jsonl.gz'])
    assert.equal(isTemporaryName(name), false, name);
});

describe('a watched inbox', () => {
  let archive: Archive;
  let inbox: string;
  let watcher: InboxWatcher;
  const results: InboxResult[] = [];

  before(() => {
    archive = Archive.open(path.join(dir, 'office.db'));
    inbox = path.join(dir, 'inbox');
    fs.mkdirSync(inbox);
    watcher = InboxWatcher.start({
      dir: inbox,
      handle: inboxHandler(archive, 'vi'),
      settleMs: 200,
      rescanMs: 300,
      onResult: (r) => results.push(r),
    });
  });
  after(() => {
    watcher.close();
    archive.close();
  });

  test('a bundle and an article file are imported once complete, then moved to done/', async () => {
    fs.writeFileSync(path.join(inbox, '.syncthing.later.txt.tmp'), 'Tiêu đề\n\nCòn đang chép.');
    deliver(inbox, 'xa-a.arbundle', fs.readFileSync(bundle));
    deliver(inbox, 'bai-bao.txt', fs.readFileSync(SEED));
    await eventually('both files in done/', () =>
      ['xa-a.arbundle', 'bai-bao.txt'].every((f) => fs.existsSync(path.join(inbox, 'done', f))),
    );
    assert.equal(count(archive), bundleArticles + 1);
    assert.equal(fs.existsSync(path.join(inbox, 'xa-a.arbundle')), false);
    assert.ok(results.every((r) => r.ok));
    assert.match(
      results.find((r) => r.name === 'xa-a.arbundle')!.message,
      /Gói từ xa-a: 3 bài mới/,
    );
    assert.ok(
      fs.existsSync(path.join(inbox, '.syncthing.later.txt.tmp')),
      'a temporary file stays where it is',
    );
  });

  test('a file that cannot be imported goes to failed/ with the reason beside it', async () => {
    deliver(inbox, 'hong.arbundle', fs.readFileSync(bundle).subarray(0, 200));
    deliver(inbox, 'anh.txt', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0]));
    const reason = (name: string) => path.join(inbox, 'failed', `${name}.reason.txt`);
    await eventually('both files in failed/', () =>
      ['hong.arbundle', 'anh.txt'].every((f) => fs.existsSync(reason(f))),
    );
    assert.ok(fs.existsSync(path.join(inbox, 'failed', 'hong.arbundle')));
    assert.match(fs.readFileSync(reason('hong.arbundle'), 'utf8'), /bị hỏng hoặc bị cắt cụt/);
    assert.match(fs.readFileSync(reason('anh.txt'), 'utf8'), /Không nhập được bài nào/);
    assert.equal(count(archive), bundleArticles + 1, 'nothing was written from them');
  });

  test('the same file dropped again is imported again without duplicates, kept apart in done/', async () => {
    deliver(inbox, 'bai-bao.txt', fs.readFileSync(SEED));
    await eventually('a second copy in done/', () =>
      fs.existsSync(path.join(inbox, 'done', 'bai-bao (2).txt')),
    );
    assert.equal(count(archive), bundleArticles + 1);
  });
});

describe('the inbox setting of an archive', () => {
  test('kept in the archive; a folder that does not exist is refused with a sentence', () => {
    const file = path.join(dir, 'setting.db');
    const inbox = fs.mkdtempSync(path.join(dir, 'setting-inbox-'));
    let archive = Archive.open(file);
    try {
      assert.deepEqual(archive.inbox.state(), {
        dir: null,
        watching: false,
        error: null,
        recent: [],
      });
      assert.equal(archive.inbox.set(inbox).dir, inbox);
      assert.equal(archive.inbox.state().watching, false, 'a one-shot command does not watch');
      assert.throws(
        () => archive.inbox.set(path.join(dir, 'khong-co')),
        (e: unknown) => e instanceof UserError && e.code === 'inbox.not-folder',
      );
      assert.throws(
        () => archive.inbox.set(dir),
        (e: unknown) => e instanceof UserError && e.code === 'inbox.archive-folder',
        'the folder of the archive itself is never an inbox',
      );
    } finally {
      archive.close();
    }
    archive = Archive.open(file);
    try {
      assert.equal(archive.inbox.state().dir, inbox);
      assert.equal(archive.inbox.set(null).dir, null);
    } finally {
      archive.close();
    }
  });

  test('a long-running host watches the folder set through the API', async () => {
    const inbox = fs.mkdtempSync(path.join(dir, 'host-inbox-'));
    const host = await WorkerHost.start({ dbPath: path.join(dir, 'host.db') });
    try {
      const set = await host.call('setInbox', { dir: inbox });
      assert.ok(set.ok, JSON.stringify(set));
      assert.equal((set.result as InboxState).watching, true);
      deliver(inbox, 'bai-bao.txt', fs.readFileSync(SEED));
      await eventually('the host reports the file imported', async () => {
        const state = await host.call('getInbox', {});
        return state.ok && (state.result as InboxState).recent.some((r) => r.ok);
      });
      assert.ok(fs.existsSync(path.join(inbox, 'done', 'bai-bao.txt')));
      const stats = await host.call('stats', {});
      assert.ok(stats.ok && (stats.result as { articles: number }).articles === 1);
    } finally {
      await host.close();
    }
  });
});
