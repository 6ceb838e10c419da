/**
 * Migrations in order: migration N brings a database from user_version N-1 to N.
 * Add a file per schema version; never edit one that has shipped.
 */
import { sql as initial } from './001-initial';
import { sql as articleFacts } from './002-article-facts';
import { sql as provenance } from './003-provenance-and-revisions';
import { sql as ftsPairs } from './004-fts-pairs';
import { sql as ftsAscii } from './005-fts-ascii';
import { sql as ftsDates } from './006-fts-dates';
import { sql as officeFacts } from './007-office-facts';
import { sql as relations } from './008-relations';

export const migrations: readonly string[] = [
  initial,
  articleFacts,
  provenance,
  ftsPairs,
  ftsAscii,
  ftsDates,
  officeFacts,
  relations,
];

export const SCHEMA_VERSION = migrations.length;
