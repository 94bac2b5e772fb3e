/**
 * SQL files: one relation per file, `sql/<stage>/<relation>.sql`, a chain of CTEs ending in
 * `select`. Relation names are templated as `{{name}}` and quoted by `quoteIdent` (Kysely's
 * `sql.id`); values are bound parameters (`$name`).
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';
import {
  Kysely,
  DummyDriver,
  PostgresAdapter,
  PostgresIntrospector,
  PostgresQueryCompiler,
  sql,
} from 'kysely';

/** The repository root (works from `src/` under vitest and from `dist/src/` once compiled). */
export const PROJECT_ROOT = ((): string => {
  const here = dirname(fileURLToPath(import.meta.url));
  return here.includes(`${join('dist', 'src')}`) ? join(here, '..', '..', '..') : join(here, '..', '..');
})();

export const SQL_DIR = join(PROJECT_ROOT, 'sql');

const compiler = new Kysely<unknown>({
  dialect: {
    createAdapter: () => new PostgresAdapter(),
    createDriver: () => new DummyDriver(),
    createIntrospector: (db) => new PostgresIntrospector(db),
    createQueryCompiler: () => new PostgresQueryCompiler(),
  },
});

/** Quotes a (possibly schema-qualified, dot-separated) identifier: the one templating function. */
export function quoteIdent(name: string): string {
  return sql`${sql.id(...name.split('.'))}`.compile(compiler).sql;
}

const cache = new Map<string, string>();

/** The text of `sql/<path>.sql`. */
export function sqlText(path: string): string {
  let text = cache.get(path);
  if (text === undefined) {
    text = readFileSync(join(SQL_DIR, `${path}.sql`), 'utf8');
    cache.set(path, text);
  }
  return text;
}

/** Replaces every `{{name}}` by the quoted relation it names; an unbound name is an error. */
export function renderSql(text: string, relations: Readonly<Record<string, string>> = {}): string {
  return text.replace(/\{\{\s*([a-z_][a-z0-9_]*)\s*\}\}/gi, (_m, name: string) => {
    const relation = relations[name] ?? name;
    return quoteIdent(relation);
  });
}
