/** What every bench child mode shares: its arguments, its one result line, and small helpers. */
import { RESULT_MARK } from './proc';

export interface ChildArgs {
  db: string;
  floorDb?: string;
  files?: string[];
  query?: string;
  floorQuery?: string;
  queriesFile?: string;
  warmup?: number;
  /** Per query class, ms of (ours + floor) time after which its remaining queries are skipped. */
  classBudgetMs?: number;
  /** … but never before this many queries of the class have run. */
  classMinimum?: number;
  /** How many searches are run again as a results page of 20 and without a page. */
  pageQueries?: number;
  /** The last record of the tier's input, searched for the moment the import returns. */
  last?: { id: string; title: string } | null;
}

export function emit(result: unknown): void {
  process.stdout.write(`${RESULT_MARK}${JSON.stringify(result)}\n`);
}

export const mb = (bytes: number) => Math.round((bytes / 1048576) * 10) / 10;

/**
 * Build or load the archive's in-memory catalog (Lunr: titles, numbers, notes) the way a host
 * does at start-up, if this engine has one. Seconds, or null.
 */
export async function warmCatalog(archive: object): Promise<number | null> {
  const warm = (archive as { warmCatalog?: () => unknown }).warmCatalog;
  if (typeof warm !== 'function') return null;
  const started = performance.now();
  await warm.call(archive);
  return (performance.now() - started) / 1000;
}
