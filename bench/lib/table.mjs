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
