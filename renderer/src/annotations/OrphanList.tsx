import { useId, useState, type MouseEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Annotation, TextSelector } from '../../../electron/core/model';

interface Props {
  orphans: Annotation[];
  /** The passage selected in the article now, if any. */
  selection: TextSelector | null;
  onReattach(id: string, selector: TextSelector): Promise<unknown>;
  onDelete(id: string): void;
}

/**
 * Imported annotations whose passage is no longer in this article ("orphans"): each can be
 * attached to the passage the user selects in the article.
 */
export function OrphanList({ orphans, selection, onReattach, onDelete }: Props) {
  const { t } = useTranslation();
  const headingId = useId();
  const [busy, setBusy] = useState<string | null>(null);
  if (!orphans.length) return null;
  // Pressing the button must not clear the selection it attaches to.
  const keepSelection = (e: MouseEvent) => e.preventDefault();

  const attach = async (id: string) => {
    if (!selection) return;
    setBusy(id);
    await onReattach(id, selection);
    setBusy(null);
  };

  return (
    <section className="orphan-list" aria-labelledby={headingId}>
      <h3 id={headingId}>
        {t('orphans.title')} <span className="count-badge">{orphans.length}</span>
      </h3>
      <p className="muted small">{selection ? t('orphans.ready') : t('orphans.help')}</p>
      <ul>
        {orphans.map((a) => {
          const quote = a.selector!.exact;
          const short = quote.length > 160 ? `${quote.slice(0, 160)}…` : quote;
          return (
            <li key={a.id} className="orphan-item">
              <blockquote className="note-quote">{short}</blockquote>
              {a.note && <p className="annotation-note">{a.note}</p>}
              <button
                type="button"
                className="button"
                disabled={!selection || busy !== null}
                aria-label={t('orphans.attachNamed', { quote: short.slice(0, 40) })}
                onMouseDown={keepSelection}
                onClick={() => void attach(a.id)}
              >
                {busy === a.id ? t('common.saving') : t('orphans.attach')}
              </button>
              <button
                type="button"
                className="button-link danger"
                aria-label={t('annotate.deleteNamed', { quote: short.slice(0, 40) })}
                onClick={() => onDelete(a.id)}
              >
                {t('common.delete')}
              </button>
            </li>
          );
        })}
      </ul>
    </section>
  );
}
