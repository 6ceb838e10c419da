import { useTranslation } from 'react-i18next';
import { useErrorText } from '../app/AlertContext';
import { useReadySignal } from '../app/ready';
import { ArticleReader } from './ArticleReader';
import { useArticle } from './useArticle';

/** Loads the article, then hands it to the reader. */
export function ReaderScreen({
  id,
  annotation,
  section = null,
}: {
  id: string;
  annotation: string | null;
  section?: string | null;
}) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const [state, setState] = useArticle(id, errorText);
  useReadySignal(state.status !== 'loading');

  if (state.status === 'loading') {
    return (
      <div className="screen centered" role="status">
        <p className="muted">{t('common.loading')}</p>
      </div>
    );
  }
  if (state.status === 'error') {
    return (
      <div className="screen centered">
        <h1>{t('reader.notAvailable')}</h1>
        <p>{state.message}</p>
        <a href="#/" className="button">
          {t('reader.backToSearch')}
        </a>
      </div>
    );
  }
  return (
    <ArticleReader
      key={state.view.article.id}
      view={state.view}
      focusAnnotation={annotation}
      section={section}
      onArticleChange={(article) =>
        setState((s) => (s.status === 'ready' ? { ...s, view: { ...s.view, article } } : s))
      }
    />
  );
}
