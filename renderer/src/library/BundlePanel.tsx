import { useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { BundleImportReport, InboxState } from '../../../electron/api/contract';
import { api } from '../api/client';
import { useAlerts } from '../app/AlertContext';
import { archiveChanged } from '../app/changes';
import { Icon } from '../app/Icon';
import { downloadBlob } from '../annotations/download';
import { bytesToBase64 } from './batches';
import { BundleReportDialog } from './BundleReportDialog';
import { onBundleMenu, takeBundleMenuRequest } from './bundleMenu';
import { invalidateFacets, useFacets } from './useFacets';

/** Under Electron the page can learn a picked file's path and let the host read it directly. */
function pathOf(file: File): string | null {
  const bridge = window.archive as unknown as { pathForFile?: (f: File) => string } | undefined;
  try {
    return bridge?.pathForFile?.(file) || null;
  } catch {
    return null;
  }
}

function downloadBase64(filename: string, base64: string): void {
  const binary = atob(base64);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  downloadBlob(filename, new Blob([bytes], { type: 'application/gzip' }));
}

/** Archive bundles: export (whole archive, a collection, what changed since), import, inbox. */
export function BundlePanel() {
  const { t } = useTranslation();
  const { reportError, notify } = useAlerts();
  const { facets } = useFacets();
  const [collection, setCollection] = useState('');
  const [since, setSince] = useState('');
  const [busy, setBusy] = useState<'export' | 'import' | null>(null);
  const [report, setReport] = useState<BundleImportReport | null>(null);
  const [cancelling, setCancelling] = useState(false);
  /** Desktop: the path chosen in the menu's save dialog; the bundle is written there. */
  const [target, setTarget] = useState<string | null>(null);
  const ids = { collection: useId(), since: useId(), file: useId() };

  const exportBundle = async () => {
    setBusy('export');
    try {
      const selection = { collection: collection || undefined, since: since || undefined };
      const made = target
        ? await api.exportBundleToPath({ ...selection, path: target })
        : await api.exportBundle(selection);
      setTarget(null);
      if (made.base64) downloadBase64(made.filename, made.base64);
      notify(t('bundles.exported', { filename: made.filename, count: made.counts.articles }));
    } catch (error) {
      reportError(error);
    } finally {
      setBusy(null);
    }
  };

  const importBundle = async (source: File | string) => {
    setBusy('import');
    setCancelling(false);
    try {
      const path = typeof source === 'string' ? source : pathOf(source);
      const result = path
        ? await api.importBundlePath({ path })
        : await api.importBundle({
            name: (source as File).name.normalize('NFC'),
            base64: bytesToBase64(new Uint8Array(await (source as File).arrayBuffer())),
          });
      invalidateFacets();
      archiveChanged();
      setReport(result);
    } catch (error) {
      reportError(error);
    } finally {
      setBusy(null);
    }
  };

  // The desktop menu's "Export/Import archive bundle…" land here with the paths picked.
  const importRef = useRef(importBundle);
  useEffect(() => {
    importRef.current = importBundle;
  });
  useEffect(() => {
    const carryOut = () => {
      const request = takeBundleMenuRequest();
      if (request?.kind === 'export') setTarget(request.path);
      else if (request?.kind === 'import' && request.paths[0])
        void importRef.current(request.paths[0]);
    };
    carryOut();
    return onBundleMenu(carryOut);
  }, []);

  return (
    <section className="import-panel bundle-panel" aria-labelledby="bundle-title">
      <h2 id="bundle-title">{t('bundles.title')}</h2>
      <p className="muted">{t('bundles.help')}</p>
      <div className="bundle-form">
        <label htmlFor={ids.collection}>{t('bundles.collection')}</label>
        <select
          id={ids.collection}
          value={collection}
          onChange={(e) => setCollection(e.target.value)}
        >
          <option value="">{t('bundles.wholeArchive')}</option>
          {facets.collections.map((c) => (
            <option key={c.value} value={c.value}>
              {c.value}
            </option>
          ))}
        </select>
        <label htmlFor={ids.since}>{t('bundles.since')}</label>
        <input
          id={ids.since}
          type="date"
          value={since}
          onChange={(e) => setSince(e.target.value)}
        />
        <button
          type="button"
          className="button primary"
          disabled={busy !== null}
          onClick={() => void exportBundle()}
        >
          <Icon name="download" />
          {busy === 'export' ? t('bundles.exporting') : t('bundles.export')}
        </button>
        {target && (
          <>
            <span>{t('bundles.saveTo', { path: target })}</span>
            <button type="button" className="button" onClick={() => setTarget(null)}>
              {t('common.cancel')}
            </button>
          </>
        )}
      </div>
      <div className="import-actions">
        <label htmlFor={ids.file} className="button file-button">
          <Icon name="upload" />
          {busy === 'import' ? t('bundles.importing') : t('bundles.import')}
        </label>
        <input
          id={ids.file}
          className="visually-hidden-input"
          type="file"
          accept=".arbundle,.gz"
          disabled={busy !== null}
          onChange={(e) => {
            const file = e.target.files?.[0];
            e.target.value = '';
            if (file) void importBundle(file);
          }}
        />
        {busy === 'import' && (
          // Stops at the next record: what was written is kept, and the report says so.
          <button
            type="button"
            className="button"
            disabled={cancelling}
            onClick={() => {
              setCancelling(true);
              api.cancelImport({}).catch(reportError);
            }}
          >
            {t('library.cancelImport')}
          </button>
        )}
      </div>
      <InboxSetting />
      {report && <BundleReportDialog report={report} onClose={() => setReport(null)} />}
    </section>
  );
}

/** The watched inbox folder; hidden on a host that does not offer it (one serving other machines). */
function InboxSetting() {
  const { t } = useTranslation();
  const { reportError } = useAlerts();
  const [state, setState] = useState<InboxState | null>(null);
  const [dir, setDir] = useState('');
  const id = useId();

  useEffect(() => {
    let live = true;
    api.getInbox({}).then(
      (s) => {
        if (!live) return;
        setState(s);
        setDir(s.dir ?? '');
      },
      () => undefined, // not offered here: the section stays hidden
    );
    return () => {
      live = false;
    };
  }, []);

  if (!state) return null;
  const save = (value: string | null) =>
    api.setInbox({ dir: value }).then((s) => {
      setState(s);
      setDir(s.dir ?? '');
    }, reportError);

  return (
    <div className="inbox-setting">
      <h3>{t('bundles.inboxTitle')}</h3>
      <p className="muted">{t('bundles.inboxHelp')}</p>
      <div className="bundle-form">
        <label htmlFor={id}>{t('bundles.inboxFolder')}</label>
        <input id={id} type="text" value={dir} onChange={(e) => setDir(e.target.value)} />
        <button
          type="button"
          className="button"
          disabled={!dir.trim()}
          onClick={() => void save(dir.trim())}
        >
          {t('bundles.inboxOn')}
        </button>
        {state.dir && (
          <button type="button" className="button" onClick={() => void save(null)}>
            {t('bundles.inboxOff')}
          </button>
        )}
      </div>
      <p role="status">
        {state.error ??
          (state.dir
            ? t(state.watching ? 'bundles.inboxWatching' : 'bundles.inboxSet', { dir: state.dir })
            : t('bundles.inboxOffState'))}
      </p>
      {state.recent.length > 0 && (
        <ul className="failure-list">
          {state.recent.map((r) => (
            <li key={`${r.at}-${r.name}`}>
              <strong>{r.name}</strong>: {r.message}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
