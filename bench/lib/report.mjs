// The results: machine and versions, one row per scenario, written as markdown and JSON.
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';
import { join } from 'node:path';

const PACKAGES = [
  '@nestjs/core',
  '@nestjs/graphql',
  '@nestjs/apollo',
  '@apollo/server',
  'graphql',
  'typeorm',
  'pg',
  'ioredis',
  'autocannon',
];

function packageVersion(name) {
  try {
    return JSON.parse(readFileSync(join('node_modules', name, 'package.json'), 'utf8')).version;
  } catch {
    return undefined;
  }
}

function git(args) {
  try {
    return execFileSync('git', args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
  } catch {
    return undefined;
  }
}

/**
 * A fixed piece of JavaScript work (JSON round trips of a catalogue-sized page), timed: the same code takes
 * up to twice as long at some moments as at others on a shared VM, so a run's numbers are read against it.
 */
export function cpuProbeMs() {
  const page = {
    data: {
      products: {
        edges: Array.from({ length: 20 }, (_, i) => ({
          cursor: `c${i}`,
          node: {
            id: `p${i}`,
            name: `Product ${i}`,
            variants: Array.from({ length: 5 }, (_, j) => ({
              id: `v${i}-${j}`,
              sku: `SKU-${i}-${j}`,
              price: { amount: 12900, currency: 'EUR' },
              availableOnline: j,
            })),
          },
        })),
      },
    },
  };
  let best = Infinity;
  for (let round = 0; round < 7; round++) {
    // the fastest of 7: what the machine can do at that moment
    const t0 = performance.now();
    for (let i = 0; i < 500; i++) JSON.parse(JSON.stringify(page));
    best = Math.min(best, performance.now() - t0);
  }
  return Math.round(best);
}

export function machine() {
  return {
    cpuProbeMsAtStart: cpuProbeMs(),
    nproc: Number(execFileSync('nproc', { encoding: 'utf8' }).trim()),
    cpuModel: cpus()[0]?.model,
    memoryGiB: Math.round((totalmem() / 2 ** 30) * 10) / 10,
    loadAverageAtStart: loadavg().map((l) => Math.round(l * 100) / 100),
    node: process.version,
    packages: Object.fromEntries(PACKAGES.map((p) => [p, packageVersion(p)])),
    commit: git(['rev-parse', '--short', 'HEAD']),
    // Earlier results are the bench's own output, not a change to the code measured.
    dirty: Boolean(git(['status', '--porcelain', '--untracked-files=no', '--', '.', ':(exclude)bench/results'])),
  };
}

const pct = (ms, wallMs) => (wallMs ? `${Math.round((ms / wallMs) * 100)}%` : '');

function notesText(s) {
  const n = s.notes ?? {};
  switch (s.id) {
    case 'catalogue': {
      const c = s.metrics?.cache;
      const all = c ? Object.values(c).reduce((a, b) => a + b, 0) : 0;
      const lat = s.metrics?.cacheLatency ?? {};
      const share = (k) => `${Math.round((100 * (c[k] ?? 0)) / all)}% ${k}${lat[k] ? ` (p50/p99 ${lat[k].p50}/${lat[k].p99} ms)` : ''}`;
      const cache = all ? `; response cache ${share('hit')}, ${share('redis')}, ${share('shared')}, ${share('miss')}` : '';
      return `deepest page ${n.deepestPage}${cache}`;
    }
    case 'product-page':
      return n.productsNotFound ? `${n.productsNotFound} slugs not found` : '';
    case 'stores-near':
      return `${n.storesPerAnswer} stores per answer`;
    case 'cart-add':
      return (
        `${n.carts} carts, ${n.linesPerCart} lines each; ${n.userErrors} userErrors` + (n.firstUserError ? ` (${n.firstUserError})` : '')
      );
    case 'checkout':
    case 'hot-item': {
      const text = `${n.orders} orders, ${n.outOfStock} OUT_OF_STOCK, ${n.otherUserErrors + n.errors} other errors`;
      const warm = n.warmUpCheckouts ? `; after ${n.warmUpCheckouts} warm-up checkouts on other carts` : '';
      const extra =
        s.id === 'hot-item'
          ? `; all answered in ${(n.allAnsweredMs / 1000).toFixed(1)} s; ` +
            `stock after ${n.stockAfter?.onHand}/${n.stockAfter?.reserved}/${n.stockAfter?.available} (onHand/reserved/available)`
          : '';
      return text + warm + extra + (n.cartsRefusedAtAdd ? `; ${n.cartsRefusedAtAdd} carts refused at add (${n.firstRefusal})` : '');
    }
    case 'baseline':
      return `${n.responseBytes} bytes per answer`;
    default:
      return '';
  }
}

export function markdown(report) {
  const m = report.machine;
  const o = report.options;
  const serverEnv = Object.entries(o.serverEnv ?? {});
  const lines = [
    `# Benchmark ${report.startedAt}`,
    '',
    `Machine: ${m.nproc} cores (${m.cpuModel}), ${m.memoryGiB} GiB, ` +
      `load average (1/5/15 min) at start ${m.loadAverageAtStart.join(' / ')}` +
      (m.loadAverageAtEnd ? `, at end ${m.loadAverageAtEnd.join(' / ')}` : '') +
      '. ' +
      `Node ${m.node}, PostgreSQL ${report.postgres.version}, commit ${m.commit}${m.dirty ? ' (with local changes)' : ''}. ` +
      `CPU probe (a fixed JavaScript workload, fastest of 7 rounds, lower is faster): ${m.cpuProbeMsAtStart} ms at start` +
      (m.cpuProbeMsAtEnd ? `, ${m.cpuProbeMsAtEnd} ms at end` : '') +
      '.',
    `Packages: ${Object.entries(m.packages)
      .map(([k, v]) => `${k} ${v}`)
      .join(', ')}.`,
    `Options: ${o.connections} connections, ${o.duration} s per timed scenario after ${o.warmup} s of warm-up; ` +
      `API_WORKERS ${o.workers ?? 1} (API processes on one port); server pool ${o.poolSize ?? 'default (10)'} connections per process` +
      (o.serverNodeOptions ? `, server NODE_OPTIONS ${o.serverNodeOptions}` : '') +
      (o.dist && o.dist !== 'dist' ? `, server build ${o.dist}` : '') +
      (serverEnv.length ? `, server environment ${serverEnv.map(([k, v]) => `${k}=${v}`).join(' ')}` : '') +
      '.',
    '',
  ];
  for (const ds of report.dataSets) {
    lines.push(
      `Data set "${ds.label}": ${ds.size.products} products, ${ds.size.variants} variants, ${ds.size.locations} locations, ` +
        `${ds.size.stockLevels} stock levels (${ds.size.size})` +
        `${ds.seedSeconds ? `, seeded in ${ds.seedSeconds} s + VACUUM ANALYZE ${ds.vacuumSeconds} s` : ds.reused ? ', reused' : ''}.`,
    );
  }
  lines.push(
    '',
    '| # | scenario | data | req/s | p50 ms | p99 ms | requests | non-2xx | GraphQL errors | server CPU | server CPU ms/req | PG CPU | ' +
      'bench CPU | server RSS peak MiB | notes |',
    '| --- | --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- |',
  );
  for (const s of report.scenarios) {
    if (s.skipped) {
      lines.push(`| ${s.n} | ${s.title} | ${s.dataSet} | | | | | | | | | | | | skipped: ${s.skipped.replace(/\|/g, '/')} |`);
      continue;
    }
    const x = s.metrics;
    const cpuPerRequest = x.requests ? (x.serverCpuMs / x.requests).toFixed(2) : '';
    const rss = `${x.serverRssPeakMiB}${x.serverProcesses > 1 ? ` (all ${x.serverRssTotalPeakMiB})` : ''}`;
    lines.push(
      `| ${s.n} | ${s.title} | ${s.dataSet} | ${x.rps} | ${x.p50} | ${x.p99} | ${x.requests} | ` +
        `${x.non2xx + x.socketErrors + x.timeouts} | ${x.graphqlErrors} | ` +
        `${x.serverCpuMs} ms (${pct(x.serverCpuMs, x.wallMs)}) | ${cpuPerRequest} | ` +
        `${x.pgCpuMs} ms (${pct(x.pgCpuMs, x.wallMs)}) | ${pct(x.benchCpuMs, x.wallMs)} | ${rss} | ${notesText(s).replace(/\|/g, '/')} |`,
    );
  }
  lines.push(
    '',
    'CPU columns: CPU time used during the timed window, and as a share of one core (200% = both cores). ' +
      'Server = the API processes, summed (or the baseline server in row 7); ' +
      'RSS is the largest process, with all of them (primary and workers) in brackets; ' +
      'PG = the PostgreSQL backends serving the bench database; bench = the autocannon process. ' +
      'non-2xx counts socket errors and timeouts too.',
  );
  for (const ds of report.dataSets.filter((d) => d.settledRss)) {
    const r = ds.settledRss;
    lines.push(
      '',
      `### API memory after the run (data set "${ds.label}")`,
      '',
      `Largest of the ${r.processes} API processes (primary and workers) when the last scenario ended: ${r.atEndMiB} MiB RSS; ` +
        `after ${r.seconds} s idle: ${r.settledMiB} MiB (all ${r.settledTotalMiB}); under 300 MiB ` +
        (r.under300At === null ? `not within the ${r.window ?? r.seconds} s window` : `after ${r.under300At} s`) +
        '. The peak column above is RSS under load; ' +
        `the window (up to ${r.window ?? r.seconds} s) ends once every process has been under 300 MiB and steady for 10 s.`,
    );
  }
  if (report.comparison?.length) {
    lines.push(
      '',
      '### Large vs small data set (same scenarios, same options)',
      '',
      '| scenario | p50 large / small | p99 large / small | req/s large / small | p50 within 1.5x |',
      '| --- | --- | --- | --- | --- |',
    );
    for (const c of report.comparison) {
      lines.push(
        `| ${c.title} | ${c.p50Large} / ${c.p50Small} = ${c.p50Ratio}x | ${c.p99Large} / ${c.p99Small} = ${c.p99Ratio}x | ` +
          `${c.rpsLarge} / ${c.rpsSmall} | ${c.p50Ratio <= 1.5 ? 'yes' : 'no'} |`,
      );
    }
  }
  if (report.contractCheck?.checked) {
    lines.push(
      '',
      report.contractCheck.problems.length
        ? `Operations vs contract.graphql: ${report.contractCheck.problems.join('; ')}`
        : 'Every operation the bench sends validates against shared/acceptance/contract.graphql.',
    );
  }
  lines.push('', `Total run time ${Math.round(report.totalSeconds)} s.`, '');
  return lines.join('\n');
}

export function compare(scenarios) {
  const out = [];
  for (const large of scenarios.filter((s) => s.dataSet === 'large' && !s.skipped)) {
    const small = scenarios.find((s) => s.dataSet === 'small' && s.id === large.id && !s.skipped);
    if (!small) continue;
    const ratio = (a, b) => (b ? Math.round((a / b) * 100) / 100 : null);
    out.push({
      id: large.id,
      title: large.title,
      p50Large: large.metrics.p50,
      p50Small: small.metrics.p50,
      p50Ratio: ratio(large.metrics.p50, small.metrics.p50),
      p99Large: large.metrics.p99,
      p99Small: small.metrics.p99,
      p99Ratio: ratio(large.metrics.p99, small.metrics.p99),
      rpsLarge: large.metrics.rps,
      rpsSmall: small.metrics.rps,
    });
  }
  return out;
}

/** Writes latest.md / latest.json and a timestamped copy of each under `dir`. */
export function write(dir, report) {
  mkdirSync(dir, { recursive: true });
  const stamp = report.startedAt.replace(/[:.]/g, '-');
  const md = markdown(report);
  writeFileSync(join(dir, 'latest.md'), md);
  writeFileSync(join(dir, 'latest.json'), `${JSON.stringify(report, null, 2)}\n`);
  copyFileSync(join(dir, 'latest.md'), join(dir, `${stamp}.md`));
  copyFileSync(join(dir, 'latest.json'), join(dir, `${stamp}.json`));
  return { md, files: [join(dir, 'latest.md'), join(dir, 'latest.json'), join(dir, `${stamp}.md`), join(dir, `${stamp}.json`)] };
}
