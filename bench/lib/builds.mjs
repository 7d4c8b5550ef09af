// Build times: cjg against Hugo followed by Pagefind, on the same content, run alternately
// (the order flips every round, so a slow moment of a shared machine hits both), after one
// untimed warm-up round that fills the file cache. Wall time from process start to exit; CPU
// time (user + system, which a busy shared machine disturbs less) and peak memory (maximum
// resident set) from GNU time.

import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const TIME = '/usr/bin/time';

/** Runs `command` once; returns { ms, cpuMs, rssMb, stderr }, or throws with its output. */
function timed(command, args, env = {}) {
  const rssFile = join(mkdtempSync(join(tmpdir(), 'cjg-bench-')), 'rss');
  const start = process.hrtime.bigint();
  const run = spawnSync(TIME, ['-f', '%U %S %M', '-o', rssFile, command, ...args], {
    env: { ...process.env, ...env },
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  if (run.status !== 0) {
    throw new Error(`${command} ${args.join(' ')} failed (${run.status}):\n${run.stderr}${run.stdout}`);
  }
  const [user, system, rssKb] = readFileSync(rssFile, 'utf8').trim().split('\n').pop().split(' ').map(Number);
  rmSync(rssFile, { force: true });
  return { ms, cpuMs: (user + system) * 1000, rssMb: rssKb / 1024, stderr: run.stderr };
}

/** The phases `cjg build --timings` prints: "      load      18.2 ms". */
function phases(stderr) {
  return Object.fromEntries([...stderr.matchAll(/^\s*(\w+)\s+([\d.]+) ms$/gm)].map((m) => [m[1], Number(m[2])]));
}

/** Builds `site` with cjg into `out`. */
export function cjgBuild(tools, site, out) {
  rmSync(out, { recursive: true, force: true });
  const run = timed(tools.cjg, ['--root', site.root, 'build', '--output', out, '--timings']);
  const pages = Number(run.stderr.match(/^(\d+) pages/m)?.[1]);
  return { ms: run.ms, cpuMs: run.cpuMs, rssMb: run.rssMb, phases: phases(run.stderr), pages };
}

/** Builds `site` with Hugo into `out`, then indexes it with Pagefind. */
export function hugoPagefindBuild(tools, site, out, env = {}) {
  rmSync(out, { recursive: true, force: true });
  const hugo = timed(tools.hugo, ['--quiet', '--source', tools.hugoSite, '--contentDir', site.content, '--destination', out], env);
  const pagefind = timed(tools.pagefind, ['--site', out, '--quiet']);
  const figures = ({ ms, cpuMs, rssMb }) => ({ ms, cpuMs, rssMb });
  return { hugo: figures(hugo), pagefind: figures(pagefind) };
}

/** Times `runs` alternating rounds on `site`; returns every run's figures. */
export function compareBuilds(tools, site, runs, log) {
  const cjgOut = join(site.work, 'cjg-public');
  const hugoOut = join(site.work, 'hugo-public');
  log(`${site.label}: warm-up`);
  cjgBuild(tools, site, cjgOut);
  hugoPagefindBuild(tools, site, hugoOut);
  const result = { cjg: [], hugo: [], pagefind: [] };
  for (let round = 0; round < runs; round++) {
    const steps = [
      () => result.cjg.push(cjgBuild(tools, site, cjgOut)),
      () => {
        const run = hugoPagefindBuild(tools, site, hugoOut);
        result.hugo.push(run.hugo);
        result.pagefind.push(run.pagefind);
      },
    ];
    if (round % 2) steps.reverse();
    steps.forEach((step) => step());
    const [c, h, p] = [result.cjg.at(-1), result.hugo.at(-1), result.pagefind.at(-1)];
    log(`${site.label}: round ${round + 1}/${runs}: cjg ${(c.ms / 1000).toFixed(2)} s, Hugo ${(h.ms / 1000).toFixed(2)} s + Pagefind ${(p.ms / 1000).toFixed(2)} s`);
  }
  return { ...result, cjgOut, hugoOut, index: indexSizes(cjgOut, hugoOut) };
}

/** Bytes and count of the files in `dir` whose names pass `keep`. */
function files(dir, keep = () => true) {
  const sizes = readdirSync(dir).filter(keep).map((name) => statSync(join(dir, name)).size);
  return { count: sizes.length, bytes: sizes.reduce((a, b) => a + b, 0) };
}

/**
 * What the search needs on the server: cjg's index (one file a visitor loads whole, brotli),
 * and Pagefind's bundle (index chunks and one fragment per page, gzip; a visitor loads the
 * chunks a query needs and the fragments of the shown results).
 */
function indexSizes(cjgOut, hugoOut) {
  const pagefind = join(hugoOut, 'pagefind');
  return {
    cjgBrotli: files(join(cjgOut, 'assets'), (name) => /^zoekindex\..*\.bin\.br$/.test(name)).bytes,
    pagefindChunks: files(join(pagefind, 'index')),
    pagefindFragments: files(join(pagefind, 'fragment')),
  };
}
