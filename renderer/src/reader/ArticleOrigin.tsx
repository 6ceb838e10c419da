/**
 * What the reader says about where an article's text came from: a title the archive derived
 * (with the control to give it a real one), text recognised by OCR, and the original file when
 * the archive keeps it.
 */
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Article } from '../../../electron/core/model';
import { api, readToken } from '../api/client';
import { useAlerts } from '../app/AlertContext';
import { formatBytes } from '../app/format';
import { downloadBlob } from '../annotations/download';

/** "Tiêu đề tự đặt" beside a derived title, and the form that renames the article. */
export function DerivedTitle({
  article,
  onArticleChange,
}: {
  article: Article;
  onArticleChange(article: Article): void;
}) {
  const { t } = useTranslation();
  const { reportError } = useAlerts();
  const [editing, setEditing] = useState(false);
  const [title, setTitle] = useState(article.title);
  const [saving, setSaving] = useState(false);
  if (!article.titleOrigin) return null;

  const save = async (e: FormEvent) => {
    e.preventDefault();
    if (!title.trim()) return;
    setSaving(true);
    try {
      onArticleChange(await api.renameArticle({ id: article.id, title }));
      setEditing(false);
    } catch (error) {
      reportError(error);
    } finally {
      setSaving(false);
    }
  };

  const explanation = t(
    article.titleOrigin === 'slug' ? 'office.derivedFromSlug' : 'office.derivedFromBody',
  );
  return (
    <div className="derived-title">
      <span className="badge derived-mark" title={explanation}>
        {t('office.derivedTitle')}
      </span>
      <span className="visually-hidden">{explanation}</span>
      {editing ? (
        <form className="rename-form" onSubmit={save}>
          <input
            type="text"
            value={title}
            maxLength={1000}
            autoFocus
            onChange={(e) => setTitle(e.target.value)}
            onKeyDown={(e) => {
              if (e.key === 'Escape') setEditing(false);
            }}
            aria-label={t('office.renameLabel')}
          />
          <button type="submit" className="button primary" disabled={saving || !title.trim()}>
            {t('office.renameSave')}
          </button>
          <button type="button" className="button" onClick={() => setEditing(false)}>
            {t('office.renameCancel')}
          </button>
        </form>
      ) : (
        <button type="button" className="button small" onClick={() => setEditing(true)}>
          {t('office.rename')}
        </button>
      )}
    </div>
  );
}

/** The OCR note: the text was read from a scan, with the engine's mean confidence. */
export function RecognitionNote({ article }: { article: Article }) {
  const { t, i18n } = useTranslation();
  const recognition = article.recognition;
  if (!recognition) return null;
  const confidence = Math.round(recognition.confidence);
  const partial =
    article.pageCount && recognition.pages.length < article.pageCount
      ? t('office.ocrPages', { pages: recognition.pages.join(', ') })
      : null;
  return (
    <p className="ocr-note" role="note">
      {t('office.ocrNote', { confidence: confidence.toLocaleString(i18n.language) })}
      {partial && <> — {partial}</>}
    </p>
  );
}

/**
 * "Mở tệp gốc": a download link to the web host's `/api/original`, or under the desktop app (no
 * HTTP) the bytes through the API, saved by the page's own download.
 */
export function OpenOriginal({ article }: { article: Article }) {
  const { t, i18n } = useTranslation();
  const { reportError } = useAlerts();
  const original = article.original;
  if (!original) return null;
  const label = t('office.openOriginal');
  const file = t('office.originalFile', {
    name: original.name,
    size: formatBytes(original.size, i18n.language),
  });
  if (typeof window !== 'undefined' && window.archive) {
    const open = async () => {
      try {
        const got = await api.getOriginal({ id: article.id });
        const bytes = Uint8Array.from(atob(got.base64), (c) => c.charCodeAt(0));
        downloadBlob(got.name, new Blob([bytes], { type: got.mediaType }));
      } catch (error) {
        reportError(error);
      }
    };
    return (
      <p className="original-file">
        <button type="button" className="button" onClick={open}>
          {label}
        </button>{' '}
        <span className="original-name">{file}</span>
      </p>
    );
  }
  const token = readToken(window.location.search);
  const href = `/api/original?id=${encodeURIComponent(article.id)}${
    token ? `&token=${encodeURIComponent(token)}` : ''
  }`;
  return (
    <p className="original-file">
      <a className="button" href={href} download={original.name}>
        {label}
      </a>{' '}
      <span className="original-name">{file}</span>
    </p>
  );
}
