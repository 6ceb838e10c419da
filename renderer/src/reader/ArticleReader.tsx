import { useCallback, useEffect, useMemo, useRef, useState, type CSSProperties } from 'react';
import { useTranslation } from 'react-i18next';
import type { ArticleView } from '../../../electron/api/contract';
import type { Annotation, Article, HighlightColor } from '../../../electron/core/model';
import { api } from '../api/client';
import { useAlerts } from '../app/AlertContext';
import { Icon } from '../app/Icon';
import { AnnotationPanel } from '../annotations/AnnotationPanel';
import { BookmarkButton } from '../annotations/BookmarkButton';
import { inReadingOrder, toHighlightRanges } from '../annotations/colors';
import { ListEditor } from '../annotations/ListEditor';
import { SelectionToolbar } from '../annotations/SelectionToolbar';
import { useAnnotations } from '../annotations/useAnnotations';
import { useTextSelection } from '../annotations/useTextSelection';
import { invalidateFacets, useFacets } from '../library/useFacets';
import { useDisplay } from '../settings/DisplayContext';
import { lineWidthCh } from '../settings/display';
import { ArticleBody } from './ArticleBody';
import { ArticleHeader } from './ArticleHeader';
import { Citation } from './Citation';
import { DisplayControls } from './DisplayControls';
import { FindBar } from './FindBar';
import { LawToc } from './LawToc';
import { useLawSections } from './useLawSections';
import { PrevNext } from './PrevNext';
import { RelationsBanner, RelationsPanel, useRelations } from './RelationsPanel';
import { useFind } from './useFind';
import { useReadingPosition } from './useReadingPosition';
import { blankRange, hiddenLead } from './repeatedLead';
import { openedHitFor } from '../search/openedHit';
import { SearchTermsBar, useOpenAtSection, useSearchTerms } from './searchTerms';

interface Props {
  view: ArticleView;
  focusAnnotation: string | null;
  /** A place in the document to open at: an element id such as `dieu-12-khoan-2`. */
  section?: string | null;
  onArticleChange(article: Article): void;
}

export function ArticleReader({ view, focusAnnotation, section = null, onArticleChange }: Props) {
  const { t } = useTranslation();
  const { display } = useDisplay();
  const { reportError } = useAlerts();
  const { facets } = useFacets();
  const article = view.article;
  const actions = useAnnotations(article.id, view.annotations);
  const bodyRef = useRef<HTMLDivElement>(null);
  const [noting, setNoting] = useState(false);
  const { pending, clear } = useTextSelection(bodyRef, view.text, noting);
  const [activeId, setActiveId] = useState<string | null>(focusAnnotation);
  // Opened at a place (a Điều) or not: that, not later moves in the table of contents, decides.
  const [openedAtSection] = useState(Boolean(section));
  useReadingPosition(article.id, true, !focusAnnotation && !openedAtSection);
  const relations = useRelations(article);
  const law = useLawSections(view, section);

  const highlights = useMemo(() => toHighlightRanges(actions.annotations), [actions.annotations]);
  // A lead that only repeats the body's opening is shown once, as the body.
  const lead = useMemo(() => hiddenLead(view, highlights), [view, highlights]);
  const shownText = useMemo(() => blankRange(view.text, lead), [view.text, lead]);
  const find = useFind(shownText);
  const opened = useMemo(() => openedHitFor(article.id), [article.id]);
  const terms = useSearchTerms(shownText, opened?.query ?? '');
  useOpenAtSection(bodyRef, view, section, opened);
  const notes = useMemo(() => {
    const map = new Map<string, { number: number; note: string }>();
    inReadingOrder(actions.annotations).forEach((a, i) => {
      if (a.note && a.note.trim()) map.set(a.id, { number: i + 1, note: a.note });
    });
    return map;
  }, [actions.annotations]);

  const jumpTo = useCallback((id: string) => {
    setActiveId(id);
    const mark = bodyRef.current?.querySelector<HTMLElement>(`[data-ann~="${CSS.escape(id)}"]`);
    if (!mark) return;
    mark.scrollIntoView({ block: 'center' });
    mark.focus({ preventScroll: true });
  }, []);

  // Keyboard and screen-reader users start at the article (or at the annotation asked for).
  useEffect(() => {
    if (focusAnnotation) requestAnimationFrame(() => jumpTo(focusAnnotation));
    else if (!section) document.getElementById('article-title')?.focus({ preventScroll: true });
  }, [focusAnnotation, jumpTo, section]);

  const { setOpen: setFindOpen } = find;
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if ((e.ctrlKey || e.metaKey) && !e.altKey && e.key.toLowerCase() === 'f') {
        e.preventDefault();
        setFindOpen(true);
        requestAnimationFrame(() =>
          document.querySelector<HTMLInputElement>('.find-bar input')?.focus(),
        );
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [setFindOpen]);

  const highlight = async (color: HighlightColor) => {
    if (!pending) return false;
    const created = await actions.create({ kind: 'highlight', color, selector: pending.selector });
    if (created) {
      clear();
      setActiveId(created.id);
    }
    return Boolean(created);
  };

  const addNote = async (note: string) => {
    if (!pending) return false;
    const created = await actions.create({
      kind: 'note',
      color: 'yellow',
      note,
      selector: pending.selector,
    });
    if (created) {
      setNoting(false);
      clear();
      setActiveId(created.id);
    }
    return Boolean(created);
  };

  const saveList = (kind: 'tags' | 'collections') => async (values: string[]) => {
    try {
      const updated =
        kind === 'tags'
          ? await api.setTags({ articleId: article.id, tags: values })
          : await api.setCollections({ articleId: article.id, collections: values });
      onArticleChange(updated);
      invalidateFacets();
      return true;
    } catch (error) {
      reportError(error);
      return false;
    }
  };

  const style = {
    '--reader-font-size': `${display.fontSize}px`,
    '--reader-width': lineWidthCh[display.lineWidth],
  } as CSSProperties;

  return (
    <div className="screen reader" style={style}>
      <div className="reader-bar">
        <PrevNext articleId={article.id} />
        <div className="reader-actions">
          <DisplayControls />
          <button
            type="button"
            className="button"
            aria-keyshortcuts="Control+F"
            onClick={() => find.setOpen(true)}
          >
            <Icon name="find" />
            {t('find.open')}
          </button>
          <BookmarkButton actions={actions} />
          <button type="button" className="button" onClick={() => window.print()}>
            <Icon name="print" />
            {t('reader.print')}
          </button>
        </div>
      </div>
      {!find.open && terms.shown && <SearchTermsBar query={terms.query} onClear={terms.clear} />}
      {find.open && (
        <FindBar
          query={find.query}
          count={find.matches.length}
          current={find.current}
          onQuery={find.setQuery}
          onStep={find.step}
          onClose={() => {
            find.setOpen(false);
            find.setQuery('');
          }}
        />
      )}
      <div className={law.toc ? 'reader-columns has-toc' : 'reader-columns'}>
        {law.toc && <LawToc articleId={article.id} structure={law.toc} onGo={law.goTo} />}
        <article className="article" aria-labelledby="article-title">
          <RelationsBanner relations={relations} />
          <ArticleHeader article={article} onArticleChange={onArticleChange} />
          <RelationsPanel relations={relations} />
          <ArticleBody
            ref={bodyRef}
            view={view}
            hideLead={lead !== null}
            highlights={highlights}
            finds={find.open ? find.matches : terms.marks}
            currentFind={find.current}
            notes={notes}
            onHighlightClick={setActiveId}
            decorate={law.decorate}
          />
          <Citation article={article} />
        </article>
        <AnnotationPanel
          actions={actions}
          activeId={activeId}
          onJump={(a: Annotation) => jumpTo(a.id)}
          selection={pending?.selector ?? null}
          onReattached={(a: Annotation) => {
            clear();
            setActiveId(a.id);
          }}
        >
          <div className="article-lists">
            <ListEditor
              title={t('reader.tags')}
              inputLabel={t('reader.addTag')}
              values={article.tags}
              suggestions={facets.tags.map((f) => f.value)}
              onChange={saveList('tags')}
            />
            <ListEditor
              title={t('reader.collections')}
              inputLabel={t('reader.addCollection')}
              values={article.collections}
              suggestions={facets.collections.map((f) => f.value)}
              onChange={saveList('collections')}
            />
          </div>
        </AnnotationPanel>
      </div>
      {pending && (
        <SelectionToolbar
          pending={pending}
          noting={noting}
          onNoting={setNoting}
          onHighlight={highlight}
          onNote={addNote}
          onCopy={async () => {
            const ok = await law.copyPassage(pending.selector.start, pending.selector.end);
            if (ok) clear();
            return ok;
          }}
          onDismiss={() => {
            setNoting(false);
            clear();
          }}
        />
      )}
    </div>
  );
}
