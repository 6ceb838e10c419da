/** Annotations of every kind on one article, for the export and W3C tests. */
import type { AnnotatedArticle } from '../../../electron/core/annotations/w3c';
import type { Annotation } from '../../../electron/core/model';

export const TIME = '2024-07-21T08:00:00.000Z';
export const LATER = '2024-08-02T09:30:00.000Z';
const base = { articleId: 'a1', created: TIME, updated: LATER };

export const highlight: Annotation = {
  ...base,
  id: '0f8e2d52-8a1b-4f3e-9d61-3c2b7a4e5f01',
  kind: 'highlight',
  color: 'yellow',
  note: null,
  selector: {
    exact: 'công tác dân vận',
    prefix: 'Làm tốt ',
    suffix: ' ở cơ sở',
    start: 8,
    end: 24,
  },
};
export const note: Annotation = {
  ...base,
  id: '0f8e2d52-8a1b-4f3e-9d61-3c2b7a4e5f02',
  kind: 'note',
  color: 'green',
  note: 'Ghi chú: "quan trọng", xem lại\ndòng hai',
  selector: { exact: 'Lạng Sơn', prefix: '', suffix: '', start: 30, end: 38 },
};
export const highlightWithNote: Annotation = {
  ...highlight,
  id: '0f8e2d52-8a1b-4f3e-9d61-3c2b7a4e5f03',
  color: 'pink',
  note: '# không phải tiêu đề\n- không phải danh sách',
};
export const bookmark: Annotation = {
  ...base,
  id: '0f8e2d52-8a1b-4f3e-9d61-3c2b7a4e5f04',
  kind: 'bookmark',
  color: null,
  note: null,
  selector: null,
};
export const orphan: Annotation = {
  ...base,
  id: '0f8e2d52-8a1b-4f3e-9d61-3c2b7a4e5f05',
  kind: 'note',
  color: 'blue',
  note: 'Đoạn này đã bị sửa',
  selector: { exact: 'đoạn không còn', prefix: 'trước ', suffix: ' sau', start: 40, end: 54 },
  orphaned: true,
};

export const ARTICLE: AnnotatedArticle['article'] = {
  id: 'a1',
  title: 'Bước tiến mới trong công tác dân vận ở Lạng Sơn',
  source: 'Báo Lạng Sơn',
  date: '2024-07-21',
  docNumber: null,
  url: 'https://baolangson.vn/x',
  tags: ['dân vận', 'Lạng Sơn'],
};

export const ITEMS: AnnotatedArticle[] = [
  { article: ARTICLE, annotations: [highlight, note, highlightWithNote, bookmark, orphan] },
];
