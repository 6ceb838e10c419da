/**
 * A revision kept when two offices' edits met (annotation_revisions) outlives later local edits
 * of the annotation: saving one must update its row in place, never delete and re-insert it.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Archive } from '../../electron/core/archive/archive';

const SEEDS = path.resolve(import.meta.dirname, '../../../shared/seeds');

test('a kept revision survives editing the annotation afterwards', async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'revisions-'));
  const archive = Archive.open(path.join(dir, 'archive.db'));
  try {
    const seed = fs.readdirSync(SEEDS).find((f) => f.endsWith('.txt'))!;
    const { articleIds } = await archive.importPaths([path.join(SEEDS, seed)]);
    const note = archive.annotate({
      articleId: articleIds[0],
      kind: 'bookmark',
      color: null,
      note: 'bản của văn phòng A',
      selector: null,
    });
    archive.db
      .prepare(
        `INSERT INTO annotation_revisions (annotation_id, kind, note, updated, origin, kept_at)
         VALUES (?, 'bookmark', 'bản của văn phòng B', ?, 'may-B', ?)`,
      )
      .run(note.id, note.updated, new Date().toISOString());
    archive.annotations.update(note.id, { note: 'sửa lại sau khi gộp' });
    const kept = archive.db
      .prepare('SELECT note FROM annotation_revisions WHERE annotation_id = ?')
      .all(note.id) as Array<{ note: string }>;
    assert.deepEqual(kept, [{ note: 'bản của văn phòng B' }]);
    assert.equal(archive.annotations.get(note.id).note, 'sửa lại sau khi gộp');
  } finally {
    archive.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
