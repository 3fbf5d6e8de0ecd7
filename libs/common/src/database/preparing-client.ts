import { createHash } from 'node:crypto';
import pg from 'pg';
import { pgCode } from './transaction-host.js';

const MAX_PER_CONNECTION = 500;
// The statement's plan no longer fits the table (a migration changed it), or the server lost the statement.
const STALE = new Set(['0A000', '26000']);
const MAX_TEXT = 20_000;
const names = new Map<string, string>();

const nameOf = (text: string): string => {
  let name = names.get(text);
  if (!name) {
    name = `s_${createHash('sha1').update(text).digest('hex').slice(0, 24)}`;
    if (names.size >= 10 * MAX_PER_CONNECTION) names.clear();
    names.set(text, name);
  }
  return name;
};

/**
 * A pg client that sends every parameterised statement as a named prepared statement, so PostgreSQL
 * parses it once per connection and, after a few runs, stops planning it. Unnamed, each call is parsed
 * and planned again, which for the queries TypeORM writes (long select lists) costs more than running
 * them (docs/adr/0015-prepared-statements.md). Statements without
 * parameters (BEGIN, COMMIT) go as before. At most MAX_PER_CONNECTION names per connection, so SQL
 * that embeds values cannot grow a backend's memory without end; past that, statements go unnamed.
 * A statement that fails as stale (a migration changed its table under it, 0A000; or the server lost it,
 * 26000) fails that once and then goes unnamed on this connection. Needs a session per connection: not
 * PGlite (see dataSourceOptions), nor PgBouncer in transaction mode without its prepared-statement support.
 */
export class PreparingClient extends pg.Client {
  private readonly named = new Set<string>();
  private readonly unnamed = new Set<string>();

  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- overrides every overload of pg.Client's query() at once
  override query(config: unknown, values?: unknown, callback?: unknown): any {
    const run = super.query.bind(this) as (...a: unknown[]) => unknown;
    if (
      typeof config !== 'string' ||
      !Array.isArray(values) ||
      !values.length ||
      callback ||
      config.length > MAX_TEXT ||
      this.unnamed.has(config)
    ) {
      return run(config, values, callback);
    }
    const name = nameOf(config);
    if (!this.named.has(name) && this.named.size >= MAX_PER_CONNECTION) return run(config, values);
    this.named.add(name);
    return (run({ name, text: config, values }) as Promise<unknown>).catch((err: unknown) => {
      if (STALE.has(pgCode(err) ?? '')) {
        this.unnamed.add(config);
        this.named.delete(name);
        delete (this as unknown as { connection: { parsedStatements: Record<string, string> } }).connection.parsedStatements[name];
      }
      throw err;
    });
  }
}
