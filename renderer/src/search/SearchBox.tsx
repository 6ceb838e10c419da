import { useEffect, useRef, type KeyboardEvent, type RefObject } from 'react';
import { useTranslation } from 'react-i18next';
import { Icon } from '../app/Icon';
import { articleHref, navigate } from '../app/route';
import { onSearchFocusRequest, takePendingSearchFocus } from '../app/shortcuts';
import { useSearch } from './SearchContext';
import { rememberSearch } from './recent';

interface Props {
  /** Move focus into the result list (↓ from the box). */
  onFocusResults(index: number): void;
  onRecentChange(list: string[]): void;
  inputRef: RefObject<HTMLInputElement | null>;
}

/** The search box: searches as you type, but never mid-way through an IME composition. */
export function SearchBox({ onFocusResults, onRecentChange, inputRef }: Props) {
  const { t } = useTranslation();
  const search = useSearch();
  const composing = useRef(false);

  useEffect(() => {
    const focus = () => {
      inputRef.current?.focus();
      inputRef.current?.select();
    };
    if (takePendingSearchFocus()) focus();
    return onSearchFocusRequest(() => {
      takePendingSearchFocus();
      focus();
    });
  }, [inputRef]);

  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    if (composing.current || e.nativeEvent.isComposing) return;
    if (e.key === 'ArrowDown') {
      e.preventDefault();
      onFocusResults(0);
    } else if (e.key === 'Enter') {
      e.preventDefault();
      // A citation ("dieu 12 luat cu tru") opens its place directly.
      if (search.goto && search.query.trim() === search.input.trim()) {
        onRecentChange(rememberSearch(search.input));
        navigate(articleHref(search.goto.articleId, undefined, search.goto.anchor));
        return;
      }
      search.setQuery(search.input, true);
      if (search.input.trim()) onRecentChange(rememberSearch(search.input));
      if (search.hits.length > 0) onFocusResults(0);
    } else if (e.key === 'Escape') {
      e.preventDefault();
      search.setQuery('', true);
    }
  };

  return (
    <div className="search-box">
      <span className="search-icon" aria-hidden="true">
        <Icon name="search" />
      </span>
      <input
        ref={inputRef}
        type="search"
        role="searchbox"
        aria-label={t('search.label')}
        placeholder={t('search.placeholder')}
        aria-keyshortcuts="/"
        autoComplete="off"
        spellCheck={false}
        value={search.input}
        onChange={(e) => {
          if (composing.current) search.setInput(e.target.value);
          else search.setQuery(e.target.value);
        }}
        onCompositionStart={() => {
          composing.current = true;
        }}
        onCompositionEnd={(e) => {
          composing.current = false;
          search.setQuery(e.currentTarget.value);
        }}
        onKeyDown={onKeyDown}
      />
      {!search.input && (
        <kbd className="search-hint" aria-hidden="true">
          /
        </kbd>
      )}
    </div>
  );
}
