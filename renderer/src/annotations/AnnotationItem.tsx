import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Annotation, HighlightColor } from '../../../electron/core/model';
import { COLORS } from './colors';
import { NoteEditor } from './NoteEditor';

interface Props {
  annotation: Annotation;
  number: number;
  active: boolean;
  onJump(): void;
  onUpdate(patch: { color?: HighlightColor; note?: string | null }): Promise<boolean>;
  onDelete(): void;
}

export function AnnotationItem({ annotation, number, active, onJump, onUpdate, onDelete }: Props) {
  const { t } = useTranslation();
  const [editing, setEditing] = useState(false);
  const colorId = useId();
  const quote = annotation.selector?.exact ?? '';
  const short = quote.length > 160 ? `${quote.slice(0, 160)}…` : quote;
  const color = annotation.color ?? 'yellow';

  return (
    <li className={`annotation-item${active ? ' active' : ''}`} data-annotation-id={annotation.id}>
      <button
        type="button"
        className={`annotation-quote hl-border-${color}`}
        onClick={onJump}
        aria-label={t('annotate.jumpTo', { quote: short })}
      >
        <span className="annotation-number" aria-hidden="true">
          {number}
        </span>
        <span className="annotation-quote-text">{short}</span>
      </button>
      {editing ? (
        <NoteEditor
          initial={annotation.note ?? ''}
          onCancel={() => setEditing(false)}
          onSave={async (note) => {
            const ok = await onUpdate({ note: note || null });
            if (ok) setEditing(false);
            return ok;
          }}
        />
      ) : annotation.note ? (
        <p className="annotation-note">{annotation.note}</p>
      ) : null}
      {!editing && (
        <div className="annotation-actions">
          <button type="button" className="button-link" onClick={() => setEditing(true)}>
            {annotation.note ? t('annotate.editNote') : t('annotate.addNoteShort')}
          </button>
          <label htmlFor={colorId} className="visually-hidden">
            {t('annotate.color')}
          </label>
          <select
            id={colorId}
            className={`color-select hl-border-${color}`}
            value={color}
            onChange={(e) => void onUpdate({ color: e.target.value as HighlightColor })}
          >
            {COLORS.map((c) => (
              <option key={c} value={c}>
                {t(`colors.${c}`)}
              </option>
            ))}
          </select>
          <button
            type="button"
            className="button-link danger"
            onClick={onDelete}
            aria-label={t('annotate.deleteNamed', { quote: short.slice(0, 40) })}
          >
            {t('common.delete')}
          </button>
        </div>
      )}
    </li>
  );
}
