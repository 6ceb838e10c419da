import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ArchiveStats } from '../../../electron/api/contract';
import { api, onApiEvent } from '../api/client';
import { useAlerts } from '../app/AlertContext';
import { useArchiveVersion } from '../app/changes';
import { formatBytes, formatNumber } from '../app/format';
import { useReadySignal } from '../app/ready';

/** Archive statistics: counts, sizes on disk, and the state of the search catalogue. */
export function StatsScreen() {
  const { t, i18n } = useTranslation();
  const { reportError } = useAlerts();
  const version = useArchiveVersion();
  const [stats, setStats] = useState<ArchiveStats | null>(null);
  const [failed, setFailed] = useState(false);
  useReadySignal(stats !== null || failed);

  useEffect(() => {
    let live = true;
    const load = () =>
      api.stats({}).then(
        (s) => live && setStats(s),
        (error) => {
          if (!live) return;
          reportError(error);
          setFailed(true);
        },
      );
    void load();
    const off = onApiEvent('indexProgress', (p) => {
      setStats((s) => (s ? { ...s, index: { ...s.index, ...p } } : s));
      if (p.state === 'ready') void load();
    });
    return () => {
      live = false;
      off();
    };
  }, [version, reportError]);

  const n = (v: number) => formatNumber(v, i18n.language);
  const rows: [string, string][] = stats
    ? [
        ['stats.articles', n(stats.articles)],
        ['stats.annotations', n(stats.annotations)],
        ['stats.tags', n(stats.tags)],
        ['stats.collections', n(stats.collections)],
        ['stats.databaseSize', formatBytes(stats.databaseBytes, i18n.language)],
        ['stats.catalogSize', formatBytes(stats.catalogBytes, i18n.language)],
        ['stats.schemaVersion', String(stats.schemaVersion)],
      ]
    : [];

  return (
    <div className="screen stats-screen">
      <h1>{t('stats.title')}</h1>
      {!stats ? (
        <p className="muted">{failed ? t('stats.unavailable') : t('common.loading')}</p>
      ) : (
        <>
          <dl className="stat-grid">
            {rows.map(([key, value]) => (
              <div key={key} className="stat">
                <dt>{t(key)}</dt>
                <dd>{value}</dd>
              </div>
            ))}
          </dl>
          <section aria-labelledby="index-title" className="index-state">
            <h2 id="index-title">{t('stats.indexTitle')}</h2>
            <p>
              {t(`stats.indexState.${stats.index.state}`, {
                articles: n(stats.index.articles),
                percent: Math.round(stats.index.progress * 100),
              })}
            </p>
            {stats.index.state === 'building' && (
              <progress max={1} value={stats.index.progress} aria-label={t('stats.indexTitle')} />
            )}
          </section>
          <section aria-labelledby="path-title">
            <h2 id="path-title">{t('stats.location')}</h2>
            <p>
              <code className="path">{stats.path}</code>
            </p>
          </section>
        </>
      )}
    </div>
  );
}
