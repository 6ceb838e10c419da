import { useEffect, useState } from 'react';
import type { ArticleView } from '../../../electron/api/contract';
import { api } from '../api/client';
import { useAlerts } from '../app/AlertContext';

export type ArticleState =
  | { status: 'loading' }
  | { status: 'error'; message: string }
  | { status: 'ready'; view: ArticleView };

export function useArticle(id: string, errorText: (e: unknown) => string) {
  const { reportError } = useAlerts();
  const [state, setState] = useState<ArticleState>({ status: 'loading' });

  // The screen is remounted per article id, so the initial 'loading' state is always fresh.
  useEffect(() => {
    let live = true;
    api.getArticle({ id }).then(
      (view) => live && setState({ status: 'ready', view }),
      (error) => {
        if (!live) return;
        reportError(error);
        setState({ status: 'error', message: errorText(error) });
      },
    );
    return () => {
      live = false;
    };
  }, [id, reportError, errorText]);

  return [state, setState] as const;
}
