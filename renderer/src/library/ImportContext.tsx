import {
  createContext,
  useCallback,
  useContext,
  useEffect,
  useMemo,
  useRef,
  useState,
  type ReactNode,
} from 'react';
import { useTranslation } from 'react-i18next';
import type { ImportProgress, ImportSummary } from '../../../electron/api/contract';
import { api, onApiEvent } from '../api/client';
import { toApiError } from '../api/errors';
import { useAlerts } from '../app/AlertContext';
import { archiveChanged } from '../app/changes';
import { useDesktopMenu } from '../app/desktopMenu';
import { bytesToBase64, planBatches } from './batches';
import { ImportProgressBar } from './ImportProgressBar';
import { ImportSummaryDialog } from './ImportSummaryDialog';
import { invalidateFacets } from './useFacets';
import { useDropImport } from './useDropImport';

interface ImportState {
  running: boolean;
  /** Files sent so far / all files (client side), and the host's progress within a request. */
  sent: number;
  files: number;
  host: ImportProgress | null;
  summary: ImportSummary | null;
  /** "Cancel import" was pressed: no further request is sent, the running one stops. */
  cancelling: boolean;
  /** Paths on this machine the host reads itself: the host's progress counts the files. */
  byPath: boolean;
}

interface ImportContextValue extends ImportState {
  importFiles(files: File[]): Promise<void>;
  /** Files and folders of this machine (the desktop menu's native dialogs), read by the host. */
  importPaths(paths: string[]): Promise<void>;
  /** Stops the running import; what it committed is kept, and the summary says so. */
  cancel(): void;
}

const ImportContext = createContext<ImportContextValue | null>(null);
const idle: ImportState = {
  running: false,
  sent: 0,
  files: 0,
  host: null,
  summary: null,
  cancelling: false,
  byPath: false,
};

const isBundle = (file: File) => /\.arbundle$/i.test(file.name);

/** A bundle's import, told as an import summary (the bundle panel shows the full report). */
async function importBundleFile(file: File): Promise<ImportSummary> {
  const name = file.name.normalize('NFC');
  try {
    const base64 = bytesToBase64(new Uint8Array(await file.arrayBuffer()));
    const report = await api.importBundle({ name, base64 });
    return {
      imported: report.articles.added,
      duplicates: report.articles.present,
      failed: report.refused.map((r) => ({ path: name, error: r.reason })),
      articleIds: report.articleIds,
    };
  } catch (error) {
    return {
      imported: 0,
      duplicates: 0,
      failed: [{ path: name, error: toApiError(error).message }],
      articleIds: [],
    };
  }
}

function merge(a: ImportSummary, b: ImportSummary): ImportSummary {
  return {
    imported: a.imported + b.imported,
    duplicates: a.duplicates + b.duplicates,
    failed: [...a.failed, ...b.failed],
    articleIds: [...a.articleIds, ...b.articleIds].slice(0, 1000),
    ...((a.cancelled || b.cancelled) && { cancelled: true }),
  };
}

/**
 * Import from the file picker or a drop anywhere on the window, in batches, with progress; or the
 * paths picked in the desktop menu's native dialogs, read by the host itself.
 */
export function ImportProvider({ children }: { children: ReactNode }) {
  const { t } = useTranslation();
  const { reportError, notify } = useAlerts();
  const [state, setState] = useState<ImportState>(idle);
  const cancelled = useRef(false);

  useEffect(
    () =>
      onApiEvent('importProgress', (host) =>
        setState((s) => {
          if (!s.running) return s;
          // A folder counts its files once the host has listed them.
          return s.byPath && host.files > 0 ? { ...s, host, files: host.files } : { ...s, host };
        }),
      ),
    [],
  );

  const importFiles = useCallback(
    async (files: File[]) => {
      if (files.length === 0) return;
      setState({ ...idle, running: true, files: files.length });
      cancelled.current = false;
      let total: ImportSummary = { imported: 0, duplicates: 0, failed: [], articleIds: [] };
      try {
        // Archive bundles dropped or picked here are merged as bundles, not read as articles.
        for (const file of files.filter(isBundle)) {
          if (cancelled.current) break;
          total = merge(total, await importBundleFile(file));
          setState((s) => ({ ...s, sent: s.sent + 1, host: null }));
        }
        files = files.filter((f) => !isBundle(f));
        for (const batch of planBatches(files.map((f) => f.size))) {
          if (cancelled.current) break;
          const payload = await Promise.all(
            batch.map(async (i) => ({
              name: files[i].name.normalize('NFC'),
              base64: bytesToBase64(new Uint8Array(await files[i].arrayBuffer())),
            })),
          );
          total = merge(total, await api.importFiles({ files: payload }));
          setState((s) => ({ ...s, sent: s.sent + batch.length, host: null }));
        }
      } catch (error) {
        reportError(error);
      }
      // Cancelled between two requests: the files not sent are not imported either.
      if (cancelled.current) total = { ...total, cancelled: true };
      invalidateFacets();
      archiveChanged();
      setState((s) => ({ ...s, running: false, cancelling: false, summary: total }));
    },
    [reportError],
  );

  const importPaths = useCallback(
    async (paths: string[]) => {
      if (paths.length === 0) return;
      setState({ ...idle, running: true, files: paths.length, byPath: true });
      cancelled.current = false;
      let total: ImportSummary | null = null;
      try {
        total = await api.importPaths({ paths });
        if (cancelled.current) total = { ...total, cancelled: true };
      } catch (error) {
        // Refused as a whole (a host that does not read this machine's files): one sentence.
        reportError(error);
      }
      invalidateFacets();
      archiveChanged();
      setState((s) => ({ ...s, running: false, cancelling: false, summary: total }));
    },
    [reportError],
  );

  // File → Import files… / Import folder…: the paths picked in the native dialog.
  useDesktopMenu('import', ({ paths }) => {
    if (state.running) notify(t('library.importBusy'));
    else void importPaths(paths);
  });

  const cancel = useCallback(() => {
    if (cancelled.current) return;
    cancelled.current = true;
    setState((s) => (s.running ? { ...s, cancelling: true } : s));
    api.cancelImport({}).catch(reportError);
  }, [reportError]);

  const dragging = useDropImport(importFiles, state.running);
  const value = useMemo(
    () => ({ ...state, importFiles, importPaths, cancel }),
    [state, importFiles, importPaths, cancel],
  );

  return (
    <ImportContext.Provider value={value}>
      {children}
      {dragging && <DropOverlay />}
      {state.running && <ImportProgressBar state={state} onCancel={cancel} />}
      {state.summary && (
        <ImportSummaryDialog
          summary={state.summary}
          onClose={() => setState((s) => ({ ...s, summary: null }))}
        />
      )}
    </ImportContext.Provider>
  );
}

function DropOverlay() {
  const { t } = useTranslation();
  return (
    <div className="drop-overlay" aria-hidden="true">
      <p>{t('library.dropHere')}</p>
    </div>
  );
}

export function useImport(): ImportContextValue {
  const value = useContext(ImportContext);
  if (!value) throw new Error('useImport outside ImportProvider');
  return value;
}

export type { ImportState };
