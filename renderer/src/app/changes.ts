import { useEffect, useState } from 'react';

/** A counter bumped whenever the archive changes (an import): screens reload what they show. */
let version = 0;
const listeners = new Set<(v: number) => void>();

export function archiveChanged(): void {
  version++;
  for (const l of listeners) l(version);
}

export function useArchiveVersion(): number {
  const [v, setV] = useState(version);
  useEffect(() => {
    listeners.add(setV);
    return () => {
      listeners.delete(setV);
    };
  }, []);
  return v;
}

/** Calls back after every archive change (for providers that refresh without re-rendering first). */
export function onArchiveChanged(callback: () => void): () => void {
  const listener = () => callback();
  listeners.add(listener);
  return () => {
    listeners.delete(listener);
  };
}
