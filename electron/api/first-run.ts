/**
 * First run: when there is no archive yet, start from a copy of the bundled sample so the app
 * opens on something to read. Shared by the desktop app and the command line; plain Node.
 */
import fs from 'node:fs';
import path from 'node:path';

export function ensureArchive(targetPath: string, samplePath: string): { created: boolean } {
  if (fs.existsSync(targetPath)) return { created: false };
  fs.mkdirSync(path.dirname(path.resolve(targetPath)), { recursive: true });
  if (!fs.existsSync(samplePath)) return { created: false };
  // Copy beside the target, then rename: an interrupted copy never leaves half an archive that
  // the next start would take for a real one.
  const tmp = `${targetPath}.${process.pid}.tmp`;
  try {
    fs.copyFileSync(samplePath, tmp);
    // The bundled sample is read-only inside installed apps; the user's copy must be writable.
    fs.chmodSync(tmp, 0o644);
    fs.renameSync(tmp, targetPath);
  } catch (error) {
    fs.rmSync(tmp, { force: true });
    throw error;
  }
  return { created: true };
}
