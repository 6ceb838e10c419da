/**
 * The contract's methods, implemented on an open Archive. Inputs arrive already validated by the
 * dispatch guard; this file only maps them onto the engine.
 */
import type { Archive } from '../core/archive/archive';
import type { ArchiveApi } from './contract';

export function createHandlers(archive: Archive): ArchiveApi {
  return {
    search: async (input) => ({ ...archive.search(input), goto: archive.citationGoto(input) }),
    suggest: async (input) => archive.suggest(input.prefix, input.limit),
    getArticle: async (input) => archive.view(input.id),
    listArticles: async (input) => archive.list(input),
    facets: async () => archive.facets(),
    stats: async () => archive.stats(),
    listAnnotations: async (input) => archive.listAnnotations(input),
    createAnnotation: async (input) =>
      archive.annotate({
        articleId: input.articleId,
        kind: input.kind,
        color: input.color ?? null,
        note: input.note ?? null,
        selector: input.selector ?? null,
      }),
    updateAnnotation: async (input) => archive.annotations.update(input.id, input),
    deleteAnnotation: async (input) => ({ deleted: archive.annotations.delete(input.id) }),
    restoreAnnotation: async (input) => archive.annotations.restore(input.annotation),
    reattachAnnotation: async (input) => archive.annotations.reattach(input.id, input.selector),
    setTags: async (input) => archive.setTags(input.articleId, input.tags),
    setCollections: async (input) => archive.setCollections(input.articleId, input.collections),
    importPaths: (input) => archive.importPaths(input.paths),
    importFiles: (input) =>
      archive.importUploads(
        input.files.map((f) => ({ name: f.name, bytes: Buffer.from(f.base64, 'base64') })),
      ),
    cancelImport: async () => ({ cancelled: archive.cancelImports() }),
    exportAnnotations: async (input) =>
      archive.exportAnnotations(input.format, {
        articleId: input.articleId,
        collection: input.collection,
      }),
    importAnnotations: async (input) => archive.importAnnotations(input.content),
    exportBundle: (input) => archive.exportBundle(input),
    exportBundleToPath: ({ path, ...selection }) => archive.exportBundle(selection, path),
    importBundle: (input) =>
      archive.importBundle({ name: input.name, bytes: Buffer.from(input.base64, 'base64') }),
    importBundlePath: (input) => archive.importBundle({ path: input.path }),
    getInbox: async () => archive.inbox.state(),
    setInbox: async (input) => archive.inbox.set(input.dir),
    getOriginal: async (input) => {
      const { bytes, ...file } = archive.getOriginal(input.id);
      return { ...file, base64: bytes.toString('base64') };
    },
    renameArticle: async (input) => archive.renameArticle(input.id, input.title),
    getRelations: async (input) => archive.relations(input.id),
  };
}
