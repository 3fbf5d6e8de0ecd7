// CPU and memory of processes, read from /proc (Linux): the server, its PostgreSQL backends, the bench itself.
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';

let ticksPerSecond;
function clockTicks() {
  if (ticksPerSecond === undefined) {
    try {
      ticksPerSecond = Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim()) || 100;
    } catch {
      ticksPerSecond = 100;
    }
  }
  return ticksPerSecond;
}

/** utime + stime of a process (all its threads) in ms, or undefined when it is gone. */
export function cpuMs(pid) {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // The command name (field 2) may hold spaces: count fields after its closing parenthesis.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / clockTicks(); // fields 14 and 15 of the full line
  } catch {
    return undefined;
  }
}

/** A process and its descendants (an API started with API_WORKERS > 1 is a primary and its workers). */
export function processTree(pid) {
  const out = [pid];
  for (let i = 0; i < out.length; i++) {
    try {
      for (const task of readdirSync(`/proc/${out[i]}/task`)) {
        const kids = readFileSync(`/proc/${out[i]}/task/${task}/children`, 'utf8').trim();
        if (kids) out.push(...kids.split(/\s+/).map(Number));
      }
    } catch {
      // gone meanwhile
    }
  }
  return out;
}

const treeCpuMs = (pids) => pids.reduce((sum, p) => sum + (cpuMs(p) ?? 0), 0);

/** VmRSS of a process in MiB, or undefined when it is gone. */
export function rssMiB(pid) {
  try {
    const m = /^VmRSS:\s+(\d+) kB/m.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return m ? Number(m[1]) / 1024 : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Watches the server process and the PostgreSQL backends serving the bench database while a scenario
 * runs: CPU deltas, and RSS sampled every 250 ms for the peak. Backends come and go with the pool, so
 * each one's last seen CPU time counts (a backend born during the window started from zero).
 */
export class ProcessWatch {
  constructor(serverPid, backendPids) {
    this.serverPid = serverPid;
    this.backendPids = backendPids; // async () => number[]
  }

  /** RSS of the largest server process, and of them all. */
  rss() {
    const each = this.serverPids.map((p) => rssMiB(p) ?? 0);
    return { max: Math.max(0, ...each), total: each.reduce((a, b) => a + b, 0) };
  }

  async start() {
    this.startedAt = performance.now();
    this.serverPids = processTree(this.serverPid);
    this.serverCpu0 = treeCpuMs(this.serverPids);
    this.selfCpu0 = process.cpuUsage();
    this.backends = new Map(); // pid -> { first, last }
    await this.sampleBackends(true);
    this.rssPeak = this.rss().max;
    this.rssTotalPeak = this.rss().total;
    this.timer = setInterval(() => {
      const r = this.rss();
      this.rssPeak = Math.max(this.rssPeak, r.max);
      this.rssTotalPeak = Math.max(this.rssTotalPeak, r.total);
      this.backendTick = (this.backendTick ?? 0) + 1;
      if (this.backendTick % 4 === 0) this.sampleBackends(false).catch(() => undefined);
    }, 250);
    this.timer.unref();
  }

  async sampleBackends(initial) {
    for (const pid of await this.backendPids()) {
      const now = cpuMs(pid);
      if (now === undefined) continue;
      const seen = this.backends.get(pid);
      if (seen) seen.last = now;
      else this.backends.set(pid, { first: initial ? now : 0, last: now });
    }
  }

  async stop() {
    clearInterval(this.timer);
    await this.sampleBackends(false);
    const wallMs = performance.now() - this.startedAt;
    const self = process.cpuUsage(this.selfCpu0);
    const serverCpuMs = treeCpuMs(this.serverPids) - this.serverCpu0;
    let pgCpuMs = 0;
    for (const b of this.backends.values()) pgCpuMs += b.last - b.first;
    const rssEnd = this.rss();
    return {
      wallMs: Math.round(wallMs),
      serverCpuMs: Math.round(serverCpuMs),
      pgCpuMs: Math.round(pgCpuMs),
      benchCpuMs: Math.round((self.user + self.system) / 1000),
      serverProcesses: this.serverPids.length,
      serverRssPeakMiB: Math.round(Math.max(this.rssPeak, rssEnd.max)),
      serverRssEndMiB: Math.round(rssEnd.max),
      serverRssTotalPeakMiB: Math.round(Math.max(this.rssTotalPeak, rssEnd.total)),
    };
  }
}

/**
 * RSS of the server processes while they sit idle after the load, sampled every second for up to
 * `seconds`: what they hold once V8 has collected the run's garbage. A busy process keeps that garbage
 * until its heap limit (the peak in the table); once allocation stops, V8's memory reducer runs full GCs
 * and gives the pages back, here 40-60 s after the load ended. The window ends early once every process
 * has been under 300 MiB and steady (within 2 MiB) for 10 s.
 */
export async function settledRss(serverPid, seconds) {
  const pids = processTree(serverPid);
  const sample = () => {
    const each = pids.map((p) => rssMiB(p) ?? 0);
    return { max: Math.max(0, ...each), total: each.reduce((a, b) => a + b, 0) };
  };
  const first = sample();
  let last = first;
  let under300At = first.max < 300 ? 0 : null;
  let steadySince = 0;
  let waited = 0;
  for (let s = 1; s <= seconds; s++) {
    await new Promise((r) => setTimeout(r, 1000));
    const now = sample();
    waited = s;
    if (under300At === null && now.max < 300) under300At = s;
    steadySince = now.max < 300 && Math.abs(now.total - last.total) <= 2 ? steadySince : s;
    last = now;
    if (s - steadySince >= 10) break;
  }
  return {
    seconds: waited,
    window: seconds,
    processes: pids.length,
    atEndMiB: Math.round(first.max),
    settledMiB: Math.round(last.max),
    settledTotalMiB: Math.round(last.total),
    under300At,
  };
}
