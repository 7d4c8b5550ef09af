// The results as Markdown: one table per question the issue asks, and the goals.

import { median, percentile } from './stats.mjs';

const s = (ms) => (ms == null ? '–' : `${(ms / 1000).toFixed(2)} s`);
const ms = (v) => (v == null ? '–' : `${Math.round(v)} ms`);
const mb = (v) => `${Math.round(v)} MB`;
const kb = (bytes) => (bytes == null ? '–' : `${(bytes / 1000).toFixed(1)} kB`);
const x = (v) => (v == null ? '–' : `${v.toFixed(2)}`);
const n = (v) => v.toLocaleString('en-US');
const max = (list) => Math.max(...list);

/** Median total of Hugo + Pagefind, round by round. */
export function hugoPagefindMedian(build) {
  return median(build.hugo.map((h, i) => h.ms + build.pagefind[i].ms));
}

export function buildTable(builds) {
  const rows = [
    '| site | pages and sections | runs | cjg build | Hugo | Pagefind | Hugo + Pagefind | cjg ÷ (Hugo + Pagefind) | peak memory cjg / Hugo / Pagefind |',
    '|---|--:|--:|--:|--:|--:|--:|--:|--:|',
  ];
  for (const { site, build } of builds) {
    const cjg = median(build.cjg.map((r) => r.ms));
    const both = hugoPagefindMedian(build);
    rows.push(`| ${site.label} | ${n(build.cjg[0].pages)} | ${build.cjg.length} | ${s(cjg)} | ${s(median(build.hugo.map((r) => r.ms)))} | ${s(median(build.pagefind.map((r) => r.ms)))} | ${s(both)} | ${x(cjg / both)} | ${mb(max(build.cjg.map((r) => r.rssMb)))} / ${mb(max(build.hugo.map((r) => r.rssMb)))} / ${mb(max(build.pagefind.map((r) => r.rssMb)))} |`);
  }
  return rows.join('\n');
}

/** CPU time medians, less disturbed than wall time when others use the machine. */
export function cpuLines(builds) {
  const cpu = (runs) => s(median(runs.map((r) => r.cpuMs)));
  return builds
    .map(({ site, build }) => `- ${site.label}: cjg ${cpu(build.cjg)}, Hugo ${cpu(build.hugo)}, Pagefind ${cpu(build.pagefind)} CPU time (user + system).`)
    .join('\n');
}

const mbytes = (bytes) => `${(bytes / 1e6).toFixed(2)} MB`;

export function indexTable(builds) {
  const rows = [
    '| site | cjg index (brotli), loaded whole on the first focus | Pagefind index chunks (gzip), a query loads a few | Pagefind fragments (gzip), one per shown result |',
    '|---|--:|--:|--:|',
  ];
  for (const { site, build } of builds) {
    const { cjgBrotli, pagefindChunks: c, pagefindFragments: f } = build.index;
    rows.push(`| ${site.label} | ${mbytes(cjgBrotli)} | ${c.count} files, ${mbytes(c.bytes)} (${kb(c.bytes / c.count)} each) | ${n(f.count)} files, ${mbytes(f.bytes)} |`);
  }
  return rows.join('\n');
}

export function phaseTable(builds, small, large) {
  const names = [...new Set(builds.flatMap(({ build }) => build.cjg.flatMap((r) => Object.keys(r.phases))))];
  const phase = (build, name) => median(build.cjg.map((r) => r.phases[name] ?? 0));
  const total = (build) => median(build.cjg.map((r) => r.ms));
  const rows = [
    `| phase | ${builds.map(({ site }) => site.label).join(' | ')} | growth ${small.site.label} → ${large.site.label} |`,
    `|---|${builds.map(() => '--:').join('|')}|--:|`,
  ];
  const growth = (a, b) => (a > 0 ? `×${(b / a).toFixed(1)}` : '–');
  for (const name of names) {
    rows.push(`| ${name} | ${builds.map(({ build }) => ms(phase(build, name))).join(' | ')} | ${growth(phase(small.build, name), phase(large.build, name))} |`);
  }
  rows.push(`| whole process (wall) | ${builds.map(({ build }) => ms(total(build))).join(' | ')} | ${growth(total(small.build), total(large.build))} |`);
  return rows.join('\n');
}

/** How build time grows with the number of pages, against linear growth. */
export function growthLines(small, large) {
  const pages = large.build.cjg[0].pages / small.build.cjg[0].pages;
  const cjgSmall = median(small.build.cjg.map((r) => r.ms));
  const cjgLarge = median(large.build.cjg.map((r) => r.ms));
  const hpSmall = hugoPagefindMedian(small.build);
  const hpLarge = hugoPagefindMedian(large.build);
  const perPage = (a, b) => ((b - a) / (large.build.cjg[0].pages - small.build.cjg[0].pages)).toFixed(2);
  return [
    `- Pages ×${pages.toFixed(1)} (${n(small.build.cjg[0].pages)} → ${n(large.build.cjg[0].pages)}): cjg's build time ×${(cjgLarge / cjgSmall).toFixed(1)} (linear: ×${pages.toFixed(1)}); Hugo + Pagefind ×${(hpLarge / hpSmall).toFixed(1)}.`,
    `- Cost of each further page: cjg ${perPage(cjgSmall, cjgLarge)} ms, Hugo + Pagefind ${perPage(hpSmall, hpLarge)} ms.`,
  ].join('\n');
}

export function browserTable(browser) {
  const { cjg, pagefind, pagefindVragen, native, questions } = browser;
  const cold = (side, key) => median(side.cold.map((r) => r[key]));
  const pct = (side, p) => percentile(side.timings, p);
  const quality = (side) => side.quality;
  const rows = [
    '| in headless chromium, example site | cjg widget | Hugo + Pagefind UI |',
    '|---|--:|--:|',
    `| bytes until the first answer: search files with the page + everything after focus (compressed, median of ${cjg.cold.length} cold loads) | ${kb(cold(cjg, 'bytes'))} | ${kb(cold(pagefind, 'bytes'))} |`,
    `| … of which after focus | ${kb(cold(cjg, 'bytesAfterFocus'))} | ${kb(cold(pagefind, 'bytesAfterFocus'))} |`,
    `| focus → first answer (median of ${cjg.cold.length} cold loads) | ${ms(cold(cjg, 'ms'))} | ${ms(cold(pagefind, 'ms'))} |`,
    `| per question after that, p50 / p95 (${cjg.timings.length} asks) | ${ms(pct(cjg, 0.5))} / ${ms(pct(cjg, 0.95))} | ${ms(pct(pagefind, 0.5))} / ${ms(pct(pagefind, 0.95))} |`,
    `| MRR@5 on ${questions} questions | ${x(quality(cjg).mrr)} | ${x(quality(pagefind).mrr)} |`,
    `| recall@3 | ${x(quality(cjg).recall3)} | ${x(quality(pagefind).recall3)} |`,
  ];
  const empty = (side) => side.answers.filter((a) => a.length === 0).length;
  const notes = [
    `- Questions without any answer: cjg ${empty(cjg)}, Pagefind ${empty(pagefind)} of ${questions}. Pagefind combines the words of a query with AND (dropping words the site lacks), so a whole question rarely matches one page; its p50/p95 include those "Geen resultaten" replies.`,
    ...['cjg', 'pagefind'].filter((side) => browser[side].timeouts).map((side) => `- ${side}: ${browser[side].timeouts} asks got no reply within 15 s (left out of p50/p95, counted as no answer).`),
    `- The same questions natively (\`cjg ask --json\`): MRR@5 ${x(native.mrr)}, recall@3 ${x(native.recall3)}${native.mrr === cjg.quality.mrr ? ' (the same as in the browser)' : ''}.`,
    `- Pagefind when each page also shows its \`vragen\` (the questions cjg weighs most; \`HUGO_PARAMS_VRAGENTONEN=true\`): MRR@5 ${x(pagefindVragen.quality.mrr)}, recall@3 ${x(pagefindVragen.quality.recall3)}.`,
  ];
  return `${rows.join('\n')}\n\n${notes.join('\n')}`;
}

export function filesTable(browser) {
  const first = (side) => side.cold[0].files.map((f) => `\`${f.path.replace(/[.][0-9a-f]{16}[.]/, '.*.')}\` ${kb(f.bytes)}`).join(', ');
  return `- cjg (first cold load): ${first(browser.cjg)}\n- Pagefind (first cold load): ${first(browser.pagefind)}`;
}

/** The goals, each met or not, with the figure that decides it. */
export function goals(builds, large, browser) {
  const ratio = median(large.build.cjg.map((r) => r.ms)) / hugoPagefindMedian(large.build);
  const { cjg, pagefind } = browser;
  const mrrGap = cjg.quality.mrr - pagefind.quality.mrr;
  const recallGap = cjg.quality.recall3 - pagefind.quality.recall3;
  const cjgBytes = median(cjg.cold.map((r) => r.bytes));
  const pfBytes = median(pagefind.cold.map((r) => r.bytes));
  const mark = (ok) => (ok ? '**met**' : '**not met**');
  return [
    `- cjg's full build at ${n(large.build.cjg[0].pages)} pages at most half of Hugo + Pagefind: ${mark(ratio <= 0.5)} (cjg takes ${x(ratio)}× their time).`,
    `- cjg's answer quality clearly above Pagefind's (taken as: MRR@5 at least 0.10 higher and recall@3 at least 0.10 higher): ${mark(mrrGap >= 0.1 && recallGap >= 0.1)} (MRR@5 ${x(cjg.quality.mrr)} vs ${x(pagefind.quality.mrr)}, recall@3 ${x(cjg.quality.recall3)} vs ${x(pagefind.quality.recall3)}).`,
    `- The widget's bytes until the first answer within 4× Pagefind's: ${mark(cjgBytes <= 4 * pfBytes)} (${x(cjgBytes / pfBytes)}×); under 600 kB compressed: ${mark(cjgBytes < 600_000)} (${kb(cjgBytes)}).`,
  ].join('\n');
}

const SLOW = '1.6 Mbit/s down, 750 kbit/s up, 150 ms latency';

/** The slow phone network: focus → first answer cold and on a return visit, with its bytes. */
export function slowTable(slow) {
  const { cjg, pagefind } = slow;
  const m = (side, visit, key) => median(side.map((r) => r[visit][key]));
  const row = (label, visit, key, format) => `| ${label} | ${format(m(cjg, visit, key))} | ${format(m(pagefind, visit, key))} |`;
  const rows = [
    `| on a slow phone network (${SLOW}), example site, medians of ${cjg.length} | cjg widget | Hugo + Pagefind UI |`,
    '|---|--:|--:|',
    row('focus → first answer, cold', 'cold', 'ms', s),
    row('… bytes after focus (compressed, headers included)', 'cold', 'bytesAfterFocus', kb),
    row('… those bytes alone at 1.6 Mbit/s (the time above includes it: the throttle applied)', 'cold', 'transferMs', s),
    row('focus → first answer, return visit', 'warm', 'ms', s),
    row('… bytes after focus', 'warm', 'bytesAfterFocus', kb),
  ];
  const leaks = ['cjg', 'pagefind'].flatMap((name) => slow[name].filter((r) => r.cold.ms < r.cold.transferMs).map(() => name));
  const check = leaks.length
    ? `- **Throttle check failed** in ${leaks.length} cold runs (${leaks.join(', ')}): the answer came sooner than its bytes can arrive at 1.6 Mbit/s.`
    : `- Throttle check: in every cold run the answer came later than its bytes after focus can arrive at 1.6 Mbit/s.`;
  return `${rows.join('\n')}\n\n${check}`;
}

/** The large corpus: bytes until the first answer and for each further question. */
export function largeTable(large) {
  const { cjg, pagefind, questions } = large;
  const cold = (side, key) => median(side.cold.map((r) => r[key]));
  const further = (side) => side.bytes.slice(1);
  const loaded = (side) => further(side).filter((b) => b > 0);
  const pct = (side, p) => percentile(side.timings, p);
  const both = (label, f) => `| ${label} | ${f(cjg)} | ${f(pagefind)} |`;
  const rows = [
    `| in headless chromium, ${large.label} | cjg widget | Hugo + Pagefind UI |`,
    '|---|--:|--:|',
    both(`bytes until the first answer: search files with the page + everything after focus (compressed, median of ${cjg.cold.length} cold loads)`, (side) => kb(cold(side, 'bytes'))),
    both('… of which after focus', (side) => kb(cold(side, 'bytesAfterFocus'))),
    both('focus → first answer (cold, unthrottled)', (side) => ms(cold(side, 'ms'))),
    both(`bytes each further question loads, median / max (${further(cjg).length} other questions in one visit)`, (side) => `${kb(median(further(side)))} / ${kb(max(further(side)))}`),
    both('… further questions that loaded anything; their median', (side) => `${loaded(side).length} of ${further(side).length}; ${kb(median(loaded(side)))}`),
    both(`per question, p50 / p95 (${cjg.timings.length} asks)`, (side) => `${ms(pct(side, 0.5))} / ${ms(pct(side, 0.95))}`),
    both(`questions with any answer`, (side) => `${side.answers.filter((a) => a.length).length} of ${questions}`),
  ];
  return rows.join('\n');
}

const LIGHTHOUSE_COLUMNS = [['performance', 'performance'], ['accessibility', 'accessibility'], ['best-practices', 'best practices'], ['seo', 'SEO']];

/** Lighthouse's four scores and CLS per tool and page. */
export function lighthouseTable(results) {
  const rows = [
    `| page | site | ${LIGHTHOUSE_COLUMNS.map(([, label]) => label).join(' | ')} | CLS |`,
    `|---|---|${LIGHTHOUSE_COLUMNS.map(() => '--:').join('|')}|--:|`,
  ];
  for (const r of results) {
    rows.push(`| \`${r.path}\` | ${r.tool} | ${LIGHTHOUSE_COLUMNS.map(([id]) => r[id]).join(' | ')} | ${r.cls.toFixed(3)} |`);
  }
  return rows.join('\n');
}

/** The goals of issue 14 that bench/run measures, each met or not. */
export function goals14(browser, large, slow, lighthouse) {
  const mark = (ok) => (ok ? '**met**' : '**not met**');
  const exampleBytes = median(browser.cjg.cold.map((r) => r.bytes));
  const lines = [`- Example site: bytes until the first answer at most 350 kB compressed: ${mark(exampleBytes <= 350_000)} (${kb(exampleBytes)}).`];
  if (large) {
    const first = median(large.cjg.cold.map((r) => r.bytes));
    const further = max(large.cjg.bytes.slice(1));
    lines.push(`- ${large.label}: bytes until the first answer at most 700 kB: ${mark(first <= 700_000)} (${kb(first)}); at most 60 kB for each further question: ${mark(further <= 60_000)} (at most ${kb(further)}).`);
  }
  if (slow) {
    const cold = median(slow.cjg.map((r) => r.cold.ms));
    lines.push(`- Slow phone network, cold focus → first answer at most 2.5 s: ${mark(cold <= 2500)} (${s(cold)}); return visit ${s(median(slow.cjg.map((r) => r.warm.ms)))}.`);
  }
  for (const r of (lighthouse ?? []).filter((l) => l.tool === 'cjg')) {
    const others = ['accessibility', 'best-practices', 'seo'].every((id) => r[id] === 100);
    lines.push(`- Lighthouse mobile on \`${r.path}\`: CLS at most 0.02 ${mark(r.cls <= 0.02)} (${r.cls.toFixed(3)}), performance at least 97 ${mark(r.performance >= 97)} (${r.performance}), accessibility, best practices and SEO 100 ${mark(others)}.`);
  }
  return lines.join('\n');
}
