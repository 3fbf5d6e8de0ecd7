// node bench/statement-cost.mjs postgres://…/DB [--dist DIR] [--runs N] [--rounds R]: CPU per execution
// of each read-path statement (bench/lib/read-statements.mjs), as a prepared statement on one connection:
// the PostgreSQL backend's CPU (/proc/<pid>/stat, so PostgreSQL on this machine) and this process's CPU
// to send it and read the answer (pg's parsing included), median of R rounds of N runs. CPU time, not
// wall time, and interleaved rounds: on a shared VM this separates two SQL shapes that a load test cannot.
import { readFileSync } from 'node:fs';
import pg from 'pg';
import { databaseAndDist, readStatements } from './lib/read-statements.mjs';

const { url, dist, args } = databaseAndDist(
  process.argv,
  'usage: node bench/statement-cost.mjs postgres://…/DATABASE [--dist DIR] [--runs N] [--rounds R]',
);
const opt = (name, fallback) => (args.includes(name) ? Number(args[args.indexOf(name) + 1]) : fallback);
const runs = opt('--runs', 300);
const rounds = opt('--rounds', 5);
const client = new pg.Client({ connectionString: url, application_name: 'bench-statement-cost' });
await client.connect();
const { pid } = (await client.query('SELECT pg_backend_pid() AS pid')).rows[0];
const hz = 100; // USER_HZ: /proc/<pid>/stat counts in ticks of 10 ms
const backendMs = () => {
  const f = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
  return ((Number(f[11]) + Number(f[12])) * 1000) / hz;
};
const statements = (await readStatements(client, dist)).flatMap(([title, sent]) =>
  sent.map(([text, values], i) => ({ title: sent.length > 1 ? `${title} #${i + 1}` : title, text, values })),
);
statements.forEach((s, i) => (s.name = `cost_${i}`));
for (const s of statements) for (let i = 0; i < 20; i++) await client.query(s); // prepared, planned, cached
const samples = new Map(statements.map((s) => [s, { pg: [], node: [] }]));
for (let r = 0; r < rounds; r++) {
  for (const s of statements) {
    const pg0 = backendMs();
    const node0 = process.cpuUsage();
    for (let i = 0; i < runs; i++) await client.query(s);
    const node = process.cpuUsage(node0);
    samples.get(s).pg.push((backendMs() - pg0) / runs);
    samples.get(s).node.push((node.user + node.system) / 1000 / runs);
  }
}
const median = (a) => [...a].sort((x, y) => x - y)[a.length >> 1];
process.stdout.write(`| statement | PostgreSQL CPU ms | Node CPU ms |\n| --- | ---: | ---: |\n`);
for (const [s, v] of samples) process.stdout.write(`| ${s.title} | ${median(v.pg).toFixed(3)} | ${median(v.node).toFixed(3)} |\n`);
await client.end();
