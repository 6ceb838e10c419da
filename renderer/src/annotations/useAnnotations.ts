import { useCallback, useState } from 'react';
import type { Input } from '../../../electron/api/contract';
import type { Annotation, HighlightColor, TextSelector } from '../../../electron/core/model';
import { api } from '../api/client';
import { useAlerts } from '../app/AlertContext';

export interface AnnotationActions {
  annotations: Annotation[];
  lastDeleted: Annotation | null;
  create(input: {
    kind: Annotation['kind'];
    color?: HighlightColor | null;
    note?: string | null;
    selector?: TextSelector | null;
  }): Promise<Annotation | null>;
  update(id: string, patch: Omit<Input<'updateAnnotation'>, 'id'>): Promise<boolean>;
  /** Deletes; offers undo unless `undoable` is false (un-bookmarking). */
  remove(id: string, undoable?: boolean): Promise<boolean>;
  undoDelete(): Promise<boolean>;
  dismissUndo(): void;
  /** Attach an orphan to the passage now selected. */
  reattach(id: string, selector: TextSelector): Promise<Annotation | null>;
}

/**
 * The article's annotations (the reader is remounted per article, so `initial` is read once) and
 * the calls that change them. Every call reports its error and
 * resolves to a failure value, so an editor can keep what the user typed.
 */
export function useAnnotations(articleId: string, initial: Annotation[]): AnnotationActions {
  const { reportError } = useAlerts();
  const [annotations, setAnnotations] = useState(initial);
  const [lastDeleted, setLastDeleted] = useState<Annotation | null>(null);

  const create = useCallback<AnnotationActions['create']>(
    async (input) => {
      try {
        const created = await api.createAnnotation({ articleId, ...input });
        setAnnotations((list) => [...list, created]);
        return created;
      } catch (error) {
        reportError(error);
        return null;
      }
    },
    [articleId, reportError],
  );

  const update = useCallback<AnnotationActions['update']>(
    async (id, patch) => {
      try {
        const updated = await api.updateAnnotation({ id, ...patch });
        setAnnotations((list) => list.map((a) => (a.id === id ? updated : a)));
        return true;
      } catch (error) {
        reportError(error);
        return false;
      }
    },
    [reportError],
  );

  const remove = useCallback<AnnotationActions['remove']>(
    async (id, undoable = true) => {
      try {
        const { deleted } = await api.deleteAnnotation({ id });
        setAnnotations((list) => list.filter((a) => a.id !== id));
        if (undoable) setLastDeleted(deleted);
        return true;
      } catch (error) {
        reportError(error);
        return false;
      }
    },
    [reportError],
  );

  const undoDelete = useCallback(async () => {
    if (!lastDeleted) return false;
    try {
      const restored = await api.restoreAnnotation({ annotation: lastDeleted });
      setAnnotations((list) => [...list.filter((a) => a.id !== restored.id), restored]);
      setLastDeleted(null);
      return true;
    } catch (error) {
      reportError(error);
      return false;
    }
  }, [lastDeleted, reportError]);

  const reattach = useCallback<AnnotationActions['reattach']>(
    async (id, selector) => {
      try {
        const attached = await api.reattachAnnotation({ id, selector });
        setAnnotations((list) => list.map((a) => (a.id === id ? attached : a)));
        return attached;
      } catch (error) {
        reportError(error);
        return null;
      }
    },
    [reportError],
  );

  return {
    annotations,
    lastDeleted,
    reattach,
    create,
    update,
    remove,
    undoDelete,
    dismissUndo: () => setLastDeleted(null),
  };
}
