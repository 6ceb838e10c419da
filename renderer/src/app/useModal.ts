import { useEffect, useRef } from 'react';

/**
 * A native <dialog> shown modal once mounted: the browser then traps focus in it, closes it on
 * Escape (its `cancel` and `close` events) and gives focus back when it closes.
 */
export function useModal() {
  const ref = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const dialog = ref.current;
    if (dialog && !dialog.open) dialog.showModal();
  }, []);
  return ref;
}
