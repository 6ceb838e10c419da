import { Fragment, forwardRef, useMemo, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { ArticleView } from '../../../electron/api/contract';
import type { FindRange, HighlightRange } from '../annotations/segments';
import { BlockText } from './BlockText';

interface Props {
  view: ArticleView;
  highlights: HighlightRange[];
  finds: FindRange[];
  currentFind: number;
  notes: Map<string, { number: number; note: string }>;
  onHighlightClick(id: string): void;
  /** A body block's element id (a law's anchor, "dieu-12") and what goes before it (a button). */
  decorate?: (block: number) => { id: string; before?: ReactNode } | null;
}

const NONE: never[] = [];

/** The ranges touching [start, end); the same empty array when none, so memoised blocks skip. */
function within<T extends { start: number; end: number }>(ranges: T[], start: number, end: number) {
  const hits = ranges.filter((r) => r.start < end && r.end > start);
  return hits.length > 0 ? hits : (NONE as T[]);
}

/**
 * The summary and body blocks, each rendered from its range of the canonical text and tagged
 * with `data-start`/`data-end`, so a DOM selection maps back to text offsets.
 */
export const ArticleBody = forwardRef<HTMLDivElement, Props>(function ArticleBody(props, ref) {
  const { view, highlights, finds, currentFind, notes, onHighlightClick, decorate } = props;
  const { t } = useTranslation();
  const text = view.text;

  const blocks = useMemo(() => {
    const list: {
      key: string;
      kind: 'lead' | 'p' | 'figure';
      index: number;
      start: number;
      end: number;
      credit: string | null;
    }[] = [];
    if (view.summaryRange) {
      list.push({ key: 'lead', kind: 'lead', index: -1, ...view.summaryRange, credit: null });
    }
    view.blocks.forEach((b, i) => {
      list.push({
        key: `b${i}`,
        kind: b.type === 'figure' ? 'figure' : 'p',
        index: i,
        start: b.start,
        end: b.end,
        credit: b.type === 'figure' ? b.credit : null,
      });
    });
    return list;
  }, [view]);

  const perBlockHighlights = useMemo(
    () => blocks.map((b) => within(highlights, b.start, b.end)),
    [blocks, highlights],
  );
  const perBlockFinds = useMemo(
    () => blocks.map((b) => within(finds, b.start, b.end)),
    [blocks, finds],
  );

  const content = (b: (typeof blocks)[number], i: number) => (
    <BlockText
      text={text}
      start={b.start}
      end={b.end}
      highlights={perBlockHighlights[i]}
      finds={perBlockFinds[i]}
      currentFind={perBlockFinds[i].some((f) => f.index === currentFind) ? currentFind : -1}
      notes={notes}
      onHighlightClick={onHighlightClick}
    />
  );

  return (
    <div className="article-body" ref={ref}>
      {blocks.map((b, i) => {
        const range = { 'data-start': b.start, 'data-end': b.end };
        if (b.kind === 'lead') {
          return (
            <p key={b.key} className="lead" {...range}>
              {content(b, i)}
            </p>
          );
        }
        if (b.kind === 'figure') {
          const showCredit = b.credit && !text.slice(b.start, b.end).includes(b.credit);
          return (
            <figure key={b.key} className="figure">
              <figcaption>
                <span {...range}>{content(b, i)}</span>
                {showCredit && (
                  <span className="credit">{t('reader.photoCredit', { credit: b.credit })}</span>
                )}
              </figcaption>
            </figure>
          );
        }
        const decoration = decorate?.(b.index);
        if (decoration) {
          return (
            <Fragment key={b.key}>
              {decoration.before}
              <p id={decoration.id} tabIndex={-1} {...range}>
                {content(b, i)}
              </p>
            </Fragment>
          );
        }
        return (
          <p key={b.key} {...range}>
            {content(b, i)}
          </p>
        );
      })}
    </div>
  );
});
