import { useEffect, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { Annotation, TextSelector } from '../../../electron/core/model';
import { AnnotationItem } from './AnnotationItem';
import { inReadingOrder, orphansOf } from './colors';
import { OrphanList } from './OrphanList';
import type { AnnotationActions } from './useAnnotations';

interface Props {
  actions: AnnotationActions;
  activeId: string | null;
  onJump(annotation: Annotation): void;
  /** The passage selected in the article now (an orphan can be attached to it). */
  selection: TextSelector | null;
  onReattached(annotation: Annotation): void;
  children?: ReactNode;
}

/** The article's annotations in reading order: jump to, edit, recolour, delete with undo. */
export function AnnotationPanel({
  actions,
  activeId,
  onJump,
  selection,
  onReattached,
  children,
}: Props) {
  const { t } = useTranslation();
  const list = inReadingOrder(actions.annotations);

  useEffect(() => {
    if (!activeId) return;
    document
      .querySelector(`[data-annotation-id="${CSS.escape(activeId)}"]`)
      ?.scrollIntoView({ block: 'nearest' });
  }, [activeId]);

  return (
    <aside className="annotation-panel" role="complementary" aria-label={t('annotate.panel')}>
      <h2>
        {t('annotate.panel')} <span className="count-badge">{list.length}</span>
      </h2>
      {actions.lastDeleted && (
        <div className="undo-bar" role="status">
          <span>{t('annotate.deleted')}</span>
          <button type="button" className="button" onClick={() => void actions.undoDelete()}>
            {t('annotate.undo')}
          </button>
          <button
            type="button"
            className="icon-button"
            aria-label={t('common.dismiss')}
            onClick={actions.dismissUndo}
          >
            ×
          </button>
        </div>
      )}
      {list.length === 0 ? (
        <p className="muted">{t('annotate.emptyPanel')}</p>
      ) : (
        <ol className="annotation-list">
          {list.map((a, i) => (
            <AnnotationItem
              key={a.id}
              annotation={a}
              number={i + 1}
              active={a.id === activeId}
              onJump={() => onJump(a)}
              onUpdate={(patch) => actions.update(a.id, patch)}
              onDelete={() => void actions.remove(a.id)}
            />
          ))}
        </ol>
      )}
      <OrphanList
        orphans={orphansOf(actions.annotations)}
        selection={selection}
        onReattach={async (id, selector) => {
          const attached = await actions.reattach(id, selector);
          if (attached) onReattached(attached);
        }}
        onDelete={(id) => void actions.remove(id)}
      />
      {children}
    </aside>
  );
}
