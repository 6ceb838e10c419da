/**
 * Builds the catalog in its own thread, on its own read-only connection, and writes the segments
 * that changed and the manifest beside the archive; the archive's thread then loads the finished
 * files. Searching goes on meanwhile (without the catalog's fuzzy matches, or with the previous
 * catalog's), and a large archive's build never blocks the interface.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { openDatabase } from '../store/db';
import { refreshCatalog } from './catalog-build';

const { dbPath, file, nativeBinding, segmentSize } = workerData as {
  dbPath: string;
  file: string;
  nativeBinding?: string;
  segmentSize?: number;
};
try {
  const db = openDatabase(dbPath, { readOnly: true, nativeBinding });
  try {
    const { rebuilt } = refreshCatalog(db, file, { segmentSize });
    parentPort!.postMessage({ ok: true, rebuilt });
  } finally {
    db.close();
  }
} catch (error) {
  parentPort!.postMessage({
    ok: false,
    error: error instanceof Error ? error.message : String(error),
  });
}
