import { Fragment, forwardRef, useMemo, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { ArticleView } from '../../../electron/api/contract';
import type { FindRange, HighlightRange } from '../annotations/segments';
import { BlockText } from './BlockText';
import {
  groupBlocks,
  headingTag,
  listHasMarkers,
  topHeadingLevel,
  type ListGroup,
  type Range,
} from './blockGroups';

interface Props {
  view: ArticleView;
  /** The lead repeats the body's opening (repeatedLead.ts): it is left out. */
  hideLead?: boolean;
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
 * with `data-start`/`data-end`, so a DOM selection maps back to text offsets. Headings, lists,
 * tables (each cell its own range) and footnotes of office documents are real elements of their
 * kind; a paged source shows where each page starts.
 */
export const ArticleBody = forwardRef<HTMLDivElement, Props>(function ArticleBody(props, ref) {
  const { view, hideLead, highlights, finds, currentFind, notes, onHighlightClick, decorate } =
    props;
  const { t } = useTranslation();
  const text = view.text;
  const groups = useMemo(() => groupBlocks(view.blocks), [view]);
  const topLevel = useMemo(() => topHeadingLevel(view.blocks), [view]);

  /** One range of the text with its highlights and find matches. */
  const content = ({ start, end }: Range) => {
    const rangeFinds = within(finds, start, end);
    return (
      <BlockText
        text={text}
        start={start}
        end={end}
        highlights={within(highlights, start, end)}
        finds={rangeFinds}
        currentFind={rangeFinds.some((f) => f.index === currentFind) ? currentFind : -1}
        notes={notes}
        onHighlightClick={onHighlightClick}
      />
    );
  };
  const range = (r: Range) => ({ 'data-start': r.start, 'data-end': r.end });

  const list = (group: ListGroup, key: string): ReactNode => {
    const Tag = group.ordered ? 'ol' : 'ul';
    return (
      <Tag key={key} className={listHasMarkers(group) ? 'block-list own-markers' : 'block-list'}>
        {group.items.map((node, i) => (
          <li key={node.block.start}>
            <span {...range(node.block)}>{content(node.block)}</span>
            {node.children.map((child, j) => list(child, `${key}-${i}-${j}`))}
          </li>
        ))}
      </Tag>
    );
  };

  return (
    <div className="article-body" ref={ref}>
      {view.summaryRange && !hideLead && (
        <p className="lead" {...range(view.summaryRange)}>
          {content(view.summaryRange)}
        </p>
      )}
      {groups.map((g) => {
        switch (g.kind) {
          case 'page':
            return (
              <p key={g.key} className="page-marker" role="separator">
                {t('office.page', { page: g.page })}
              </p>
            );
          case 'list':
            return list(g.list, g.key);
          case 'table':
            return (
              <div
                key={g.key}
                className="table-scroll"
                role="region"
                aria-label={t('office.table')}
                tabIndex={0}
              >
                <table className="block-table">
                  <tbody>
                    {g.cells.map((row, r) => (
                      <tr key={r}>
                        {row.map((cell, c) => (
                          <td key={c}>
                            <span {...range(cell)}>{content(cell)}</span>
                          </td>
                        ))}
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            );
          case 'footnotes':
            return (
              <section key={g.key} className="footnotes" aria-label={t('office.footnotes')}>
                {g.items.map((f) => (
                  <p key={f.start} className="footnote">
                    <sup className="footnote-label">{f.label}</sup>{' '}
                    <span {...range(f)}>{content(f)}</span>
                  </p>
                ))}
              </section>
            );
        }
        const b = g.block;
        const decoration = b.type === 'figure' ? null : decorate?.(g.index);
        if (b.type === 'heading') {
          const Heading = headingTag(b.level, topLevel);
          const heading = (
            <Heading
              key={g.key}
              className="block-heading"
              id={decoration?.id}
              tabIndex={decoration ? -1 : undefined}
              {...range(b)}
            >
              {content(b)}
            </Heading>
          );
          return decoration ? (
            <Fragment key={g.key}>
              {decoration.before}
              {heading}
            </Fragment>
          ) : (
            heading
          );
        }
        if (b.type === 'figure') {
          const showCredit = b.credit && !text.slice(b.start, b.end).includes(b.credit);
          return (
            <figure key={g.key} className="figure">
              <figcaption>
                <span {...range(b)}>{content(b)}</span>
                {showCredit && (
                  <span className="credit">{t('reader.photoCredit', { credit: b.credit })}</span>
                )}
              </figcaption>
            </figure>
          );
        }
        if (decoration) {
          return (
            <Fragment key={g.key}>
              {decoration.before}
              <p id={decoration.id} tabIndex={-1} {...range(b)}>
                {content(b)}
              </p>
            </Fragment>
          );
        }
        return (
          <p key={g.key} {...range(b)}>
            {content(b)}
          </p>
        );
      })}
    </div>
  );
});
