import { useEffect, useId, useRef, useState, type MouseEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { HighlightColor } from '../../../electron/core/model';
import { Icon } from '../app/Icon';
import { COLORS } from './colors';
import type { PendingSelection } from './useTextSelection';

interface Props {
  pending: PendingSelection;
  noting: boolean;
  onNoting(noting: boolean): void;
  onHighlight(color: HighlightColor): Promise<boolean>;
  onNote(note: string): Promise<boolean>;
  /** Copy the passage with its citation (reader/useLawCopy.ts). */
  onCopy?(): Promise<boolean>;
  onDismiss(): void;
}

/** The small toolbar over a selection: four highlight colours and "add a note". */
export function SelectionToolbar({
  pending,
  noting,
  onNoting,
  onHighlight,
  onNote,
  onCopy,
  onDismiss,
}: Props) {
  const { t } = useTranslation();
  const [note, setNote] = useState('');
  const [saving, setSaving] = useState(false);
  const noteId = useId();
  const textareaRef = useRef<HTMLTextAreaElement>(null);

  useEffect(() => {
    if (noting) textareaRef.current?.focus();
  }, [noting]);

  const { rect } = pending;
  // Above the selection when there is room, else below it, else pinned inside the viewport.
  const room = window.innerHeight;
  const above = rect.top > 72 && rect.top < room;
  const below = !above && rect.bottom > 0 && rect.bottom + 72 < room;
  const style = {
    // Room for its width (the copy button makes it wider).
    left: Math.max(
      8,
      Math.min(window.innerWidth - (onCopy ? 460 : 340), rect.left + rect.width / 2 - 130),
    ),
    top: above ? rect.top - 8 : below ? rect.bottom + 8 : 96,
    transform: above ? 'translateY(-100%)' : undefined,
  };
  // Keep the text selection when a button is pressed with the mouse.
  const keepSelection = (e: MouseEvent) => e.preventDefault();

  const saveNote = async () => {
    if (!note.trim() || saving) return;
    setSaving(true);
    const ok = await onNote(note.trim());
    setSaving(false);
    if (ok) setNote('');
  };

  return (
    <div
      className="selection-toolbar"
      role="toolbar"
      aria-label={t('annotate.toolbar')}
      style={style}
      onKeyDown={(e) => {
        if (e.key === 'Escape') {
          e.preventDefault();
          onDismiss();
        }
      }}
    >
      {!noting ? (
        <>
          {COLORS.map((color) => (
            <button
              key={color}
              type="button"
              className={`swatch swatch-${color}`}
              aria-label={t(`colors.${color}`)}
              title={t('annotate.highlightIn', { color: t(`colors.${color}`) })}
              onMouseDown={keepSelection}
              onClick={() => void onHighlight(color)}
            />
          ))}
          <span className="toolbar-sep" aria-hidden="true" />
          <button
            type="button"
            className="toolbar-button"
            onMouseDown={keepSelection}
            onClick={() => onNoting(true)}
          >
            <Icon name="pen" />
            {t('annotate.addNote')}
          </button>
          {onCopy && (
            <button
              type="button"
              className="toolbar-button"
              onMouseDown={keepSelection}
              onClick={() => void onCopy()}
            >
              {t('law.copy')}
            </button>
          )}
        </>
      ) : (
        <form
          className="note-form"
          onSubmit={(e) => {
            e.preventDefault();
            void saveNote();
          }}
        >
          <label htmlFor={noteId}>{t('annotate.noteLabel')}</label>
          <blockquote className="note-quote">
            {pending.selector.exact.length > 140
              ? `${pending.selector.exact.slice(0, 140)}…`
              : pending.selector.exact}
          </blockquote>
          <textarea
            id={noteId}
            ref={textareaRef}
            rows={3}
            value={note}
            onChange={(e) => setNote(e.target.value)}
            onKeyDown={(e) => {
              if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
                e.preventDefault();
                void saveNote();
              }
            }}
          />
          <div className="form-actions">
            <button type="button" className="button" onClick={() => onNoting(false)}>
              {t('common.cancel')}
            </button>
            <button type="submit" className="button primary" disabled={!note.trim() || saving}>
              {saving ? t('common.saving') : t('annotate.saveNote')}
            </button>
          </div>
        </form>
      )}
    </div>
  );
}
