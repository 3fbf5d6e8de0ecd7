// node bench/cpu-profile.mjs DIR [--by fn|package] [--top N] [--window S]: where the API's CPU went, from the
// .cpuprofile files a run wrote with `--server-node-options="--cpu-prof --cpu-prof-dir=DIR"` (one per
// process). Self time of the samples in the last S seconds before each profile ended (default 11: a 10 s
// timed scenario, not start-up), by function or by package. "(idle)" is the event loop waiting; "writev"
// includes the time the process was preempted while writing to PostgreSQL, which /proc does not count as its CPU.
import { readdirSync, readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    by: { type: 'string', default: 'package' },
    top: { type: 'string', default: '30' },
    window: { type: 'string', default: '11' },
  },
});
const dir = positionals[0];
if (!dir) {
  process.stderr.write('usage: node bench/cpu-profile.mjs DIR [--by fn|package] [--top N] [--window S]\n');
  process.exit(1);
}
const keyOf = (frame) => {
  const url = frame.url || '';
  if (!url) return frame.functionName || '(native)';
  if (values.by === 'fn') {
    const file = url.replace(/.*node_modules\//, '').replace(/.*\/dist\//, 'dist/');
    return `${frame.functionName || '(anonymous)'} ${file}:${frame.lineNumber + 1}`;
  }
  if (url.includes('node_modules/')) return url.replace(/.*node_modules\/((@[^/]+\/)?[^/]+).*/, '$1');
  if (url.includes('/dist/')) return url.replace(/.*\/dist\/((apps|libs)\/[^/]+).*/, '$1');
  return url.startsWith('node:') ? url : frame.functionName || url;
};
const totals = new Map();
let all = 0;
for (const file of readdirSync(dir).filter((f) => f.endsWith('.cpuprofile'))) {
  const profile = JSON.parse(readFileSync(`${dir}/${file}`, 'utf8'));
  const frames = new Map(profile.nodes.map((n) => [n.id, n.callFrame]));
  const from = profile.endTime - Number(values.window) * 1e6;
  let at = profile.startTime;
  profile.samples.forEach((id, i) => {
    const dt = profile.timeDeltas[i] ?? 0;
    at += dt;
    if (at < from) return;
    const key = keyOf(frames.get(id));
    totals.set(key, (totals.get(key) ?? 0) + dt);
    all += dt;
  });
}
for (const [key, t] of [...totals].sort((a, b) => b[1] - a[1]).slice(0, Number(values.top))) {
  process.stdout.write(`${((t / all) * 100).toFixed(1).padStart(5)}%  ${key}\n`);
}
