/**
 * Errors a user can meet. Each has a code and parameters; `describe` turns it into one sentence
 * in the user's language. Anything that is not a UserError is a programmer error and fails loudly.
 */
import { messages, type Locale, type MessageCode } from './messages';

export class UserError extends Error {
  readonly code: MessageCode;
  readonly params: Record<string, string | number>;

  constructor(code: MessageCode, params: Record<string, string | number> = {}) {
    super(format(messages.vi[code], params));
    this.name = 'UserError';
    this.code = code;
    this.params = params;
  }

  describe(locale: Locale = 'vi'): string {
    return format(messages[locale][this.code], this.params);
  }
}

export function format(template: string, params: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (_, key: string) => String(params[key] ?? `{${key}}`));
}

/** One sentence for any thrown value: a UserError's own, else a generic one (details go to logs). */
export function describeError(error: unknown, locale: Locale = 'vi'): string {
  if (error instanceof UserError) return error.describe(locale);
  // SQLite's own faults met after the archive was opened: a damaged page read, a full disk.
  const code = (error as { code?: unknown } | null)?.code;
  if (typeof code === 'string' && code.startsWith('SQLITE_CORRUPT'))
    return messages[locale]['db.damaged-read'];
  if (typeof code === 'string' && code.startsWith('SQLITE_FULL'))
    return messages[locale]['db.disk-full'];
  return format(messages[locale]['internal'], {
    detail: error instanceof Error ? error.message : String(error),
  });
}

/** The locale of a terminal session, from LC_ALL / LC_MESSAGES / LANG; Vietnamese by default. */
export function localeFromEnv(env: NodeJS.ProcessEnv = process.env): Locale {
  const value = env.LC_ALL || env.LC_MESSAGES || env.LANG || '';
  return /^en/i.test(value) ? 'en' : 'vi';
}
