import { useCallback, useEffect, useRef, useState, type RefObject } from 'react';
import type { TextSelector } from '../../../electron/core/model';
import { selectionToOffsets } from './domSelection';
import { buildSelector } from './selector';

export interface PendingSelection {
  selector: TextSelector;
  /** Viewport rectangle of the selection, to place the toolbar. */
  rect: { top: number; left: number; bottom: number; width: number };
}

/**
 * Follows the DOM selection inside the article body and turns it into a selector into the
 * canonical text. `hold` freezes the current one (while a note is being typed).
 */
export function useTextSelection(
  bodyRef: RefObject<HTMLElement | null>,
  text: string,
  hold: boolean,
) {
  const [pending, setPending] = useState<PendingSelection | null>(null);
  const rangeRef = useRef<Range | null>(null);
  const holdRef = useRef(hold);
  useEffect(() => {
    holdRef.current = hold;
  }, [hold]);

  const measure = useCallback(() => {
    if (holdRef.current) return;
    const body = bodyRef.current;
    const selection = window.getSelection();
    if (!body || !selection) return;
    const offsets = selectionToOffsets(body, selection);
    const selector = offsets ? buildSelector(text, offsets.start, offsets.end) : null;
    if (!selector || !selection.rangeCount) {
      rangeRef.current = null;
      setPending(null);
      return;
    }
    const range = selection.getRangeAt(0).cloneRange();
    rangeRef.current = range;
    const r = range.getBoundingClientRect();
    setPending({ selector, rect: { top: r.top, left: r.left, bottom: r.bottom, width: r.width } });
  }, [bodyRef, text]);

  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | null = null;
    const onChange = () => {
      if (timer) clearTimeout(timer);
      timer = setTimeout(measure, 120);
    };
    const onScroll = () => {
      const range = rangeRef.current;
      if (!range) return;
      const r = range.getBoundingClientRect();
      setPending((p) =>
        p ? { ...p, rect: { top: r.top, left: r.left, bottom: r.bottom, width: r.width } } : p,
      );
    };
    document.addEventListener('selectionchange', onChange);
    const scroller = document.getElementById('main');
    scroller?.addEventListener('scroll', onScroll, { passive: true });
    return () => {
      if (timer) clearTimeout(timer);
      document.removeEventListener('selectionchange', onChange);
      scroller?.removeEventListener('scroll', onScroll);
    };
  }, [measure]);

  const clear = useCallback(() => {
    rangeRef.current = null;
    setPending(null);
    window.getSelection()?.removeAllRanges();
  }, []);

  return { pending, clear };
}
