import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';

interface Props {
  title: string;
  inputLabel: string;
  values: string[];
  /** Existing values across the archive, offered as completions. */
  suggestions: string[];
  onChange(values: string[]): Promise<boolean>;
}

/** Chips with a remove button each, and a field to add one (tags, collections). */
export function ListEditor({ title, inputLabel, values, suggestions, onChange }: Props) {
  const { t } = useTranslation();
  const [draft, setDraft] = useState('');
  const [busy, setBusy] = useState(false);
  const inputId = useId();
  const listId = useId();
  const headingId = useId();

  const commit = async (next: string[]) => {
    setBusy(true);
    const ok = await onChange(next);
    setBusy(false);
    return ok;
  };

  const add = async () => {
    const value = draft.trim().normalize('NFC');
    if (!value) return;
    if (values.includes(value)) {
      setDraft('');
      return;
    }
    if (await commit([...values, value])) setDraft('');
  };

  return (
    <section className="list-editor" aria-labelledby={headingId}>
      <h3 id={headingId}>{title}</h3>
      {values.length > 0 && (
        <ul className="chip-list">
          {values.map((v) => (
            <li key={v} className="chip static">
              <span>{v}</span>
              <button
                type="button"
                className="chip-remove"
                aria-label={t('common.removeNamed', { name: v })}
                title={t('common.removeNamed', { name: v })}
                disabled={busy}
                onClick={() => void commit(values.filter((x) => x !== v))}
              >
                ×
              </button>
            </li>
          ))}
        </ul>
      )}
      <form
        className="inline-form"
        onSubmit={(e) => {
          e.preventDefault();
          void add();
        }}
      >
        <label htmlFor={inputId} className="visually-hidden">
          {inputLabel}
        </label>
        <input
          id={inputId}
          type="text"
          list={listId}
          placeholder={inputLabel}
          value={draft}
          maxLength={100}
          onChange={(e) => setDraft(e.target.value)}
        />
        <datalist id={listId}>
          {suggestions
            .filter((s) => !values.includes(s))
            .map((s) => (
              <option key={s} value={s} />
            ))}
        </datalist>
        <button type="submit" className="button" disabled={busy || !draft.trim()}>
          {t('common.add')}
        </button>
      </form>
    </section>
  );
}
