/**
 * Builds the catalog in its own thread, on its own read-only connection, and writes it beside the
 * archive; the archive's thread then loads the finished file. Searching goes on meanwhile (without
 * the catalog's fuzzy matches), and a large archive's build never blocks the interface.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { openDatabase } from '../store/db';
import { writeCatalog } from './catalog';

const { dbPath, file, nativeBinding } = workerData as {
  dbPath: string;
  file: string;
  nativeBinding?: string;
};
try {
  const db = openDatabase(dbPath, { readOnly: true, nativeBinding });
  try {
    writeCatalog(db, file);
  } finally {
    db.close();
  }
  parentPort!.postMessage({ ok: true });
} catch (error) {
  parentPort!.postMessage({
    ok: false,
    error: error instanceof Error ? error.message : String(error),
  });
}
