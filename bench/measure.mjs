// The measuring half of bench/run (which installs and builds first): build times of cjg
// against Hugo + Pagefind on the example site and the generated corpora, then the visitor's
// side in headless chromium on the example site (also on a slow phone network) and on the
// largest corpus, then Lighthouse on two pages, then one table on stdout and in
// bench/results.md.
//
//   node bench/measure.mjs --cjg target/release/cjg --qa ../shared/qa/vragen.tsv \
//     [--work bench/werk] [--pages 1000,10000] [--runs 5] [--large-runs 5] [--cold 5] [--passes 3] \
//     [--slow 3] [--lighthouse-runs 3] [--no-lighthouse]
//
// --slow N: cold + return visits on the slow phone network per tool (0: none); --lighthouse-runs N:
// Lighthouse runs per page and tool (medians); --no-lighthouse: no Lighthouse.

import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

import { compareBuilds, hugoPagefindBuild } from './lib/builds.mjs';
import { askAll, firstAnswer, launch, SITES, SLOW_4G, slowVisits, toPath } from './lib/browser.mjs';
import { lighthouse } from './lib/lighthouse.mjs';
import { serve } from './lib/serve.mjs';
import {
  browserTable, buildTable, cpuLines, filesTable, goals, goals14, growthLines, indexTable, largeTable, lighthouseTable, phaseTable, slowTable,
} from './lib/table.mjs';

const measureStarted = Date.now();
const bench = dirname(fileURLToPath(import.meta.url));
const repo = resolve(bench, '..');
const { values: opt } = parseArgs({
  options: {
    cjg: { type: 'string', default: join(repo, 'target/release/cjg') },
    qa: { type: 'string', default: resolve(repo, '../shared/qa/vragen.tsv') },
    work: { type: 'string', default: join(bench, 'werk') },
    pages: { type: 'string', default: '1000,10000' },
    runs: { type: 'string', default: '5' },
    'large-runs': { type: 'string', default: '5' },
    cold: { type: 'string', default: '5' },
    passes: { type: 'string', default: '3' },
    slow: { type: 'string', default: '3' },
    'lighthouse-runs': { type: 'string', default: '3' },
    'no-lighthouse': { type: 'boolean', default: false },
  },
});
const log = (line) => console.error(`[${new Date().toISOString().slice(11, 19)}] ${line}`);
const version = (command, args) => spawnSync(command, args, { encoding: 'utf8' }).stdout.trim().split('\n')[0];

const require = createRequire(import.meta.url);
const platform = process.platform === 'win32' ? 'windows' : process.platform;
const tools = {
  cjg: resolve(opt.cjg),
  hugo: 'hugo',
  hugoSite: join(bench, 'hugo'),
  // The binary the pagefind npm package runs, without its node wrapper in the timing.
  pagefind: require.resolve(`@pagefind/${platform}-${os.arch()}/bin/pagefind_extended`),
};

const work = resolve(opt.work);
const sizes = opt.pages.split(',').map(Number);
const sites = [
  { label: 'example site', root: repo, content: join(repo, 'content'), work: join(work, 'voorbeeld'), runs: Number(opt.runs) },
  ...sizes.map((size, i) => ({
    label: `generated ${size.toLocaleString('en-US')}`,
    root: join(work, `n${size}`),
    content: join(work, `n${size}`, 'content'),
    work: join(work, `n${size}`),
    runs: Number(i === sizes.length - 1 ? opt['large-runs'] : opt.runs),
  })),
];

// 1. Build times.
const builds = sites.map((site) => {
  mkdirSync(site.work, { recursive: true });
  return { site, build: compareBuilds(tools, site, site.runs, log) };
});
const [example] = builds;
const small = builds[1] ?? example;
const large = builds.at(-1);

// 2. The visitor's side, on the example site as built by the last round.
const questions = readFileSync(opt.qa, 'utf8')
  .split('\n')
  .filter((line) => line.trim() && !line.startsWith('#'))
  .map((line) => {
    const [vraag, pad] = line.split('\t');
    return { vraag: vraag.trim(), pad: pad.trim().replace(/^\/+|\/+$/g, '') };
  });

/** MRR@5 and recall@3 of answer lists (paths, best first) against the expected paths. */
function quality(answers) {
  const ranks = questions.map((q, i) => answers[i].slice(0, 5).indexOf(q.pad) + 1);
  return {
    mrr: ranks.reduce((sum, rank) => sum + (rank ? 1 / rank : 0), 0) / ranks.length,
    recall3: ranks.filter((rank) => rank >= 1 && rank <= 3).length / ranks.length,
    ranks,
  };
}

log('browser: Pagefind with vragen shown on each page (quality only)');
const vragenOut = join(example.site.work, 'hugo-vragen-public');
hugoPagefindBuild(tools, example.site, vragenOut, { HUGO_PARAMS_VRAGENTONEN: 'true' });

const servers = {
  cjg: await serve(example.build.cjgOut),
  pagefind: await serve(example.build.hugoOut),
  pagefindVragen: await serve(vragenOut),
};
const browser = await launch();
const vragen = questions.map((q) => q.vraag);
const measured = { cjg: { cold: [] }, pagefind: { cold: [] }, questions: questions.length };
for (const side of ['cjg', 'pagefind']) {
  log(`browser: ${side}: ${vragen.length} questions × ${opt.passes}`);
  const { timings, timeouts, answers } = await askAll(browser, servers[side].url, SITES[side], vragen, Number(opt.passes));
  Object.assign(measured[side], { timings, timeouts, answers, quality: quality(answers) });
}
const withVragen = await askAll(browser, servers.pagefindVragen.url, SITES.pagefind, vragen, 1);
measured.pagefindVragen = { quality: quality(withVragen.answers) };

// Cold loads ask questions that both answer, so both load what showing answers takes.
const answeredByBoth = vragen.filter((_, i) => measured.cjg.answers[i].length && measured.pagefind.answers[i].length);
if (answeredByBoth.length === 0) throw new Error('no question of the set gets an answer from both cjg and Pagefind');
const coldRuns = Number(opt.cold);
for (let i = 0; i < coldRuns; i++) {
  const question = answeredByBoth[i % answeredByBoth.length];
  const order = i % 2 ? ['pagefind', 'cjg'] : ['cjg', 'pagefind'];
  for (const side of order) {
    const run = await firstAnswer(browser, servers[side].url, SITES[side], question);
    measured[side].cold.push(run);
    log(`browser: cold ${i + 1}/${coldRuns} ${side}: ${Math.round(run.ms)} ms, ${(run.bytes / 1000).toFixed(1)} kB`);
  }
}
measured.answeredByBoth = answeredByBoth.length;

// The same on a slow phone network: a cold visit, then a return visit with another question.
const slowRuns = Number(opt.slow);
const slow = slowRuns > 0 ? { cjg: [], pagefind: [] } : null;
for (let i = 0; i < slowRuns; i++) {
  const [first, second] = [answeredByBoth[i % answeredByBoth.length], answeredByBoth[(i + 1) % answeredByBoth.length]];
  for (const side of i % 2 ? ['pagefind', 'cjg'] : ['cjg', 'pagefind']) {
    const run = await slowVisits(browser, servers[side].url, SITES[side], first, second);
    slow[side].push(run);
    log(`browser: slow network ${i + 1}/${slowRuns} ${side}: cold ${Math.round(run.cold.ms)} ms (${(run.cold.bytesAfterFocus / 1000).toFixed(1)} kB), return visit ${Math.round(run.warm.ms)} ms (${(run.warm.bytesAfterFocus / 1000).toFixed(1)} kB)`);
  }
}

// The largest corpus: bytes until the first answer, and for each further question.
let largeBrowser = null;
if (large !== example) {
  const largeServers = { cjg: await serve(large.build.cjgOut), pagefind: await serve(large.build.hugoOut) };
  largeBrowser = { label: large.site.label, questions: vragen.length };
  for (const side of ['cjg', 'pagefind']) {
    log(`browser: ${large.site.label}, ${side}: ${vragen.length} questions in one visit`);
    largeBrowser[side] = { ...(await askAll(browser, largeServers[side].url, SITES[side], vragen, 1)), cold: [] };
  }
  const answeredLarge = vragen.filter((_, i) => largeBrowser.cjg.answers[i].length && largeBrowser.pagefind.answers[i].length);
  if (answeredLarge.length === 0) throw new Error(`no question of the set gets an answer from both cjg and Pagefind on ${large.site.label}`);
  for (let i = 0; i < coldRuns; i++) {
    for (const side of i % 2 ? ['pagefind', 'cjg'] : ['cjg', 'pagefind']) {
      const run = await firstAnswer(browser, largeServers[side].url, SITES[side], answeredLarge[i % answeredLarge.length]);
      largeBrowser[side].cold.push(run);
      log(`browser: ${large.site.label} cold ${i + 1}/${coldRuns} ${side}: ${Math.round(run.ms)} ms, ${(run.bytes / 1000).toFixed(1)} kB`);
    }
  }
  await Promise.all(Object.values(largeServers).map((server) => server.close()));
}
const chromiumVersion = browser.version();
await browser.close();

// Lighthouse on the home page and an answer page, of both builds of the example site.
const LIGHTHOUSE_PAGES = ['/', '/ouders/gedrag/driftbuien/'];
const lighthouseResults = [];
if (!opt['no-lighthouse']) {
  for (const path of LIGHTHOUSE_PAGES) {
    for (const [side, tool] of [['cjg', 'cjg'], ['pagefind', 'Hugo + Pagefind UI']]) {
      lighthouseResults.push({ path, tool, ...(await lighthouse(`${servers[side].url}${path}`, Number(opt['lighthouse-runs']), log)) });
    }
  }
}
await Promise.all(Object.values(servers).map((server) => server.close()));

log('native: cjg ask --json');
const nativeAnswers = vragen.map((vraag) => {
  const run = spawnSync(tools.cjg, ['--root', repo, 'ask', '--json', vraag, '--output', example.build.cjgOut], { encoding: 'utf8' });
  if (run.status !== 0) throw new Error(`cjg ask failed: ${run.stderr}`);
  return JSON.parse(run.stdout).answers.map((a) => toPath(a.url));
});
measured.native = quality(nativeAnswers);

// 3. The table.
const cpu = os.cpus()[0]?.model ?? 'unknown CPU';
const git = (args) => spawnSync('git', ['-C', repo, ...args], { encoding: 'utf8' }).stdout.trim();
const commit = `${git(['rev-parse', '--short', 'HEAD'])}${git(['status', '--porcelain']) ? ' with uncommitted changes' : ''}`;
const minutes = (seconds) => `${Math.floor(seconds / 60)} min ${Math.round(seconds % 60)} s`;
const setup = process.env.BENCH_SETUP_SECONDS;
const duration = `${setup ? `setup (installs, builds, corpora) ${minutes(Number(setup))}, ` : ''}measuring ${minutes((Date.now() - measureStarted) / 1000)}`;
const misses = (side) => questions.filter((_, i) => measured[side].quality.ranks[i] === 0).map((q) => q.pad);
const report = `# cjg against Hugo + Pagefind

Measured ${new Date().toISOString().slice(0, 10)} by \`bench/run\` on ${os.cpus().length} cores (${cpu}), ${Math.round(os.totalmem() / 2 ** 30)} GiB memory, load average ${os.loadavg().map((l) => l.toFixed(1)).join(' ')} at the end; ${duration}.
cjg ${commit} (${version(tools.cjg, ['--version'])}), ${version('hugo', ['version']).split(' ').slice(0, 2).join(' ')}, Pagefind ${version(tools.pagefind, ['--version']).split(' ').pop()}, Chromium ${chromiumVersion}.

## Build time

Full builds from an empty output folder, alternating cjg and Hugo + Pagefind, medians; peak memory is the largest of the runs.
cjg's build includes its search index and widget; Hugo's is followed by \`pagefind --site\`.

${buildTable(builds)}

${cpuLines(builds)}

### Where cjg's time goes (\`cjg build --timings\`, medians)

${phaseTable(builds, small, large)}

${growthLines(small, large)}

### The search index on the server

${indexTable(builds)}

## In the browser

The example site built both ways, served by one static server with brotli (cjg's precompressed \`.br\` files; Hugo's and Pagefind's
files compressed at the same level; Pagefind's index files are gzip already). Files with a content hash in their name (cjg's
\`/assets/\`, Pagefind's index chunks and fragments) are sent as cacheable for a year, all others with \`no-cache\` and an ETag (a return
visit revalidates them). Cold: a fresh browser context (empty cache) per load of the home page, then focus and a question; each cold
load asks another of the ${measured.answeredByBoth} questions that both answer.
Questions are typed in one go: cjg answers on Enter, Pagefind's UI with its debounce at 0. Answers count when their links are in the DOM.

${browserTable(measured)}

Files until the first answer:

${filesTable(measured)}

Questions whose page was not in the top 5: cjg ${misses('cjg').length} (${misses('cjg').join(', ') || 'none'}); Pagefind ${misses('pagefind').length}.
${slow ? `
### On a slow phone network

Chromium's network emulation (CDP \`Network.emulateNetworkConditions\`: ${SLOW_4G.downloadThroughput * 8 / 1e6} Mbit/s down, ${SLOW_4G.uploadThroughput * 8 / 1000} kbit/s up,
${SLOW_4G.latency} ms added to every request; the figures of Lighthouse's "slow 4G") for the whole visit, the CPU not slowed. Cold: a fresh
context loads the home page, then focus and a question. Return visit: the same context loads the home page again, then focus and
another question; what the browser kept (HTTP cache, or a service worker's Cache Storage) may serve it. Bytes over the wire only.

${slowTable(slow)}
` : ''}${largeBrowser ? `
### On the largest corpus (${largeBrowser.label})

Both builds of the largest corpus, served as above. Cold loads as on the example site, with questions that both answer there. Further
questions: one visit asks the whole set of ${largeBrowser.questions} questions one after another (after a first that loads the engine); each
counts the bytes requested from typing to its answers, the cached files not counted.

${largeTable(largeBrowser)}
` : ''}
${lighthouseResults.length ? `## Lighthouse

Lighthouse ${lighthouseResults[0].version} (npm, pinned in \`bench/package-lock.json\`) in the same headless Chromium with its defaults: the ${lighthouseResults[0].formFactor}
form factor, simulated slow 4G and a 4× slower CPU. Both builds of the example site, served as above; medians of ${lighthouseResults[0].runs.length} runs per page.
Scores 0–100; CLS is the layout shift while the page loads.

${lighthouseTable(lighthouseResults)}

` : ''}## Layout shift when the question box starts (issue 14)

Also without Lighthouse: \`cargo test --release --test layout_shift -- --nocapture\` measures it in the same Chromium, at a
phone's width (390 × 844), on the home page and on an answer page (/ouders/gedrag/driftbuien/). The widget's script is blocked while
the page loads and paints, as on a slow phone connection, then runs; a \`PerformanceObserver\` (\`layout-shift\`, buffered) sums
every shift until the box has \`data-klaar\`. The issue's acceptance is at most 0.02 (Lighthouse's CLS). When the script built the
box's form, the sums were 0.14 (home page) and 0.20 (answer page); Lighthouse (mobile) had measured 0.16–0.18. With the form in the
page's HTML they are 0.

${readFileSync(join(bench, 'wasm.md'), 'utf8').replace(/^<!--.*-->\n/, '')}
## Goals of issue 6

${goals(builds, large, measured)}

## Goals of issue 14 that bench/run measures

${goals14(measured, largeBrowser, slow, lighthouseResults)}
`;
writeFileSync(join(bench, 'results.md'), report);
console.log(report);
