/** An import progress bar on a terminal; silence when output goes to a pipe or a file. */
import { createRequire } from 'node:module';
import type CliProgress from 'cli-progress';
import type { ImportProgress } from '../api/contract';

export function progressReporter(enabled: boolean) {
  if (!enabled) return { update: (_p: ImportProgress) => {}, stop: () => {} };
  // Read only for a bar on a terminal: every other start of the command line skips its modules.
  const cliProgress = createRequire(import.meta.url)('cli-progress') as typeof CliProgress;
  const bar = new cliProgress.SingleBar(
    {
      format:
        '{bar} {percentage}% | {value}/{total} tệp{pages} | {imported} mới, {duplicates} trùng, {failed} lỗi',
      hideCursor: true,
      clearOnComplete: false,
      etaBuffer: 50,
    },
    cliProgress.Presets.shades_classic,
  );
  let started = false;
  return {
    update(p: ImportProgress) {
      const pages = p.pages ? ` (trang ${p.pages.done}/${p.pages.total})` : '';
      const payload = { imported: p.imported, duplicates: p.duplicates, failed: p.failed, pages };
      if (!started) {
        bar.start(Math.max(1, p.files), p.filesDone, payload);
        started = true;
      }
      bar.setTotal(Math.max(1, p.files));
      bar.update(p.filesDone, payload);
    },
    stop() {
      if (started) bar.stop();
    },
  };
}
