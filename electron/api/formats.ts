/**
 * The file names the import pickers offer (the desktop menu's dialog and the page's file input).
 * The importer recognises every format from the content, so this only narrows the picker's
 * default view; "All files" stays offered.
 */
export const IMPORT_EXTENSIONS = [
  'txt',
  'md',
  'html',
  'htm',
  'json',
  'jsonl',
  'gz',
  'xml',
  'csv',
  'arbundle',
  'docx',
  'doc',
  'odt',
  'pdf',
  'png',
  'jpg',
  'jpeg',
  'tif',
  'tiff',
] as const;
