import { useEffect } from 'react';
import { loadPosition, savePosition, scrollFraction } from './readingPosition';

/**
 * Restores the article's remembered scroll position once it is rendered (unless a specific
 * annotation was asked for), then remembers it as the reader scrolls.
 */
export function useReadingPosition(articleId: string, ready: boolean, restore: boolean): void {
  useEffect(() => {
    const scroller = document.getElementById('main');
    if (!ready || !scroller) return;
    if (restore) {
      const fraction = loadPosition(articleId);
      scroller.scrollTop = fraction * (scroller.scrollHeight - scroller.clientHeight);
    } else {
      scroller.scrollTop = 0;
    }
    let timer: ReturnType<typeof setTimeout> | null = null;
    const onScroll = () => {
      if (timer) clearTimeout(timer);
      timer = setTimeout(() => savePosition(articleId, scrollFraction(scroller)), 250);
    };
    scroller.addEventListener('scroll', onScroll, { passive: true });
    return () => {
      if (timer) {
        clearTimeout(timer);
        savePosition(articleId, scrollFraction(scroller));
      }
      scroller.removeEventListener('scroll', onScroll);
    };
  }, [articleId, ready, restore]);
}
