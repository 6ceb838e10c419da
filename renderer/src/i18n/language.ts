export const supportedLanguages = ['vi', 'en'] as const;
export type Language = (typeof supportedLanguages)[number];

/** A stored choice wins; otherwise English for an English system, Vietnamese for everything else. */
export function pickLanguage(stored: unknown, systemLanguage: string | undefined): Language {
  if (stored === 'vi' || stored === 'en') return stored;
  return /^en\b/i.test(systemLanguage ?? '') ? 'en' : 'vi';
}
