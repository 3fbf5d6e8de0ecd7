// node bench/explain.mjs postgres://…/DB [--dist DIR]: EXPLAIN (ANALYZE, BUFFERS) of the read path's
// statements, as the built services send them (bench/lib/read-statements.mjs). Unnamed statements, so
// these are custom plans; the pool's prepared statements settle on generic plans after five runs.
import pg from 'pg';
import { databaseAndDist, readStatements } from './lib/read-statements.mjs';

const { url, dist } = databaseAndDist(process.argv, 'usage: node bench/explain.mjs postgres://…/DATABASE [--dist DIR]');
const client = new pg.Client({ connectionString: url, application_name: 'bench-explain' });
await client.connect();
for (const [title, statements] of await readStatements(client, dist)) {
  for (const [sql, params] of statements) {
    const { rows } = await client.query(`EXPLAIN (ANALYZE, BUFFERS) ${sql}`, params);
    process.stdout.write(`\n-- ${title}\n${rows.map((r) => r['QUERY PLAN']).join('\n')}\n`);
  }
}
await client.end();
