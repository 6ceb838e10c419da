import { useEffect, useMemo, useRef, useState, type MouseEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { LawStructure, Section } from '../../../electron/core/law/structure';
import { articleHref, navigate } from '../app/route';
import { readerBarHeight } from './useLawSections';

interface Props {
  articleId: string;
  structure: LawStructure;
  /** Move the reader to a section (scroll, focus) — also when the hash is already its own. */
  onGo(anchor: string): void;
}

/** Divisions and Điều are listed; khoản and điểm are reached from their Điều. */
const LISTED = new Set<Section['kind']>(['phan', 'chuong', 'muc', 'tieu-muc', 'dieu', 'phu-luc']);

function listed(sections: readonly Section[]): Section[] {
  return sections.filter((s) => LISTED.has(s.kind));
}

/** Every listed anchor in reading order, for following the scroll. */
function anchorsOf(sections: readonly Section[], out: string[] = []): string[] {
  for (const s of listed(sections)) {
    out.push(s.anchor);
    anchorsOf(s.children, out);
  }
  return out;
}

/**
 * The table of contents of a legal document beside its text: Phần, Chương, Mục, Điều, Phụ lục,
 * each a link to its place (`#/article/ID/dieu-12`). The section being read is marked
 * (`aria-current`) as the text scrolls, and kept in view in the list.
 */
export function LawToc({ articleId, structure, onGo }: Props) {
  const { t } = useTranslation();
  const [current, setCurrent] = useState<string | null>(null);
  const listRef = useRef<HTMLDivElement>(null);
  const anchors = useMemo(() => anchorsOf(structure.sections), [structure]);
  const [barHeight, setBarHeight] = useState(readerBarHeight);

  // The list stays below the reader's sticky bar, whose height changes with the window's width.
  useEffect(() => {
    const bar = document.querySelector<HTMLElement>('.reader-bar');
    if (!bar) return;
    const observer = new ResizeObserver(() => setBarHeight(bar.offsetHeight));
    observer.observe(bar);
    return () => observer.disconnect();
  }, []);

  // The current section: the last one whose heading has reached the band across the upper part
  // of the reading area (below the sticky bar). The observer says when headings cross the band;
  // the end of a scroll covers a jump that carried none across it.
  useEffect(() => {
    const root = document.getElementById('main');
    const elements = anchors
      .map((a) => document.getElementById(a))
      .filter((e): e is HTMLElement => e !== null);
    if (!root || elements.length === 0) return;
    const band = barHeight + 24;
    const update = () => {
      const limit = root.getBoundingClientRect().top + band;
      let lo = 0;
      let hi = elements.length - 1;
      let found = 0;
      while (lo <= hi) {
        const mid = (lo + hi) >> 1;
        if (elements[mid].getBoundingClientRect().top <= limit) {
          found = mid;
          lo = mid + 1;
        } else hi = mid - 1;
      }
      setCurrent(elements[found].id);
    };
    const observer = new IntersectionObserver(update, {
      root,
      rootMargin: `-${band}px 0px -60% 0px`,
      threshold: 0,
    });
    for (const e of elements) observer.observe(e);
    root.addEventListener('scrollend', update);
    update();
    return () => {
      observer.disconnect();
      root.removeEventListener('scrollend', update);
    };
  }, [anchors, barHeight]);

  // Keep the current entry visible in the list without moving the text.
  useEffect(() => {
    const list = listRef.current;
    const link = current
      ? list?.querySelector<HTMLElement>(`[data-anchor="${CSS.escape(current)}"]`)
      : null;
    if (!list || !link) return;
    const top = link.offsetTop - list.offsetTop;
    if (top < list.scrollTop || top > list.scrollTop + list.clientHeight - link.offsetHeight) {
      list.scrollTop = Math.max(0, top - list.clientHeight / 3);
    }
  }, [current]);

  const go = (e: MouseEvent<HTMLAnchorElement>, anchor: string) => {
    if (e.button !== 0 || e.ctrlKey || e.metaKey || e.shiftKey || e.altKey) return;
    e.preventDefault();
    navigate(articleHref(articleId, undefined, anchor));
    onGo(anchor);
  };

  const items = (sections: readonly Section[]) => (
    <ul>
      {listed(sections).map((s) => {
        const children = listed(s.children);
        return (
          <li key={s.anchor} className={`toc-${s.kind}`}>
            <a
              href={articleHref(articleId, undefined, s.anchor)}
              data-anchor={s.anchor}
              aria-current={current === s.anchor ? 'location' : undefined}
              onClick={(e) => go(e, s.anchor)}
            >
              <span className="toc-label">{s.label}</span>
              {s.heading && (
                <>
                  {' '}
                  <span className="toc-heading">{s.heading}</span>
                </>
              )}
            </a>
            {children.length > 0 && items(children)}
          </li>
        );
      })}
    </ul>
  );

  return (
    <nav
      className="law-toc"
      aria-label={t('law.toc')}
      style={{ top: barHeight + 8, maxHeight: `calc(100vh - ${barHeight + 96}px)` }}
    >
      <h2 className="law-toc-title">{t('law.toc')}</h2>
      <div className="law-toc-list" ref={listRef}>
        {items(structure.sections)}
      </div>
    </nav>
  );
}
