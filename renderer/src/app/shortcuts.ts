/** `/` focuses the search box from anywhere: the box may not be mounted yet, so keep a flag. */
let pendingFocus = false;
const FOCUS_EVENT = 'archive:focus-search';

export function requestSearchFocus(): void {
  pendingFocus = true;
  window.dispatchEvent(new Event(FOCUS_EVENT));
}

export function takePendingSearchFocus(): boolean {
  const pending = pendingFocus;
  pendingFocus = false;
  return pending;
}

export function onSearchFocusRequest(callback: () => void): () => void {
  window.addEventListener(FOCUS_EVENT, callback);
  return () => window.removeEventListener(FOCUS_EVENT, callback);
}

/** True when a key press belongs to a text field and must not trigger a shortcut. */
export function isTypingTarget(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable) return true;
  const tag = target.tagName;
  if (tag === 'TEXTAREA' || tag === 'SELECT') return true;
  if (tag !== 'INPUT') return false;
  const type = (target as HTMLInputElement).type;
  return !['button', 'checkbox', 'radio', 'submit', 'reset', 'file', 'range', 'color'].includes(
    type,
  );
}
