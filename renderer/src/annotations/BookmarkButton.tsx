import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Icon } from '../app/Icon';
import type { AnnotationActions } from './useAnnotations';

/** Bookmarks the whole article (an annotation without selector); pressed when bookmarked. */
export function BookmarkButton({ actions }: { actions: AnnotationActions }) {
  const { t } = useTranslation();
  const [busy, setBusy] = useState(false);
  const bookmark = actions.annotations.find((a) => a.kind === 'bookmark');

  const toggle = async () => {
    setBusy(true);
    if (bookmark) await actions.remove(bookmark.id, false);
    else await actions.create({ kind: 'bookmark', selector: null, color: null, note: null });
    setBusy(false);
  };

  return (
    <button
      type="button"
      className={`button${bookmark ? ' pressed' : ''}`}
      aria-pressed={Boolean(bookmark)}
      disabled={busy}
      onClick={() => void toggle()}
    >
      <Icon name="bookmark" filled={Boolean(bookmark)} />
      {t('reader.bookmark')}
    </button>
  );
}
