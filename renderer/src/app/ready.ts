import { useEffect } from 'react';

/** Tells tests (and nothing else) that the first screen has its data: `body[data-ready=true]`. */
export function useReadySignal(loaded: boolean): void {
  useEffect(() => {
    if (loaded) document.body.dataset.ready = 'true';
  }, [loaded]);
}
