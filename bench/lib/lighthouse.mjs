// Lighthouse (from bench/node_modules, pinned in bench/package-lock.json) on Debian's chromium,
// headless, with its default settings: the mobile form factor and its simulated slow 4G and 4×
// slower CPU. Each run starts a chromium of its own with an empty profile. Lighthouse runs as a
// child process that is waited for asynchronously: the sites it loads are served by this process.

import { execFile } from 'node:child_process';
import { createRequire } from 'node:module';
import { promisify } from 'node:util';

import { CHROMIUM, CHROMIUM_ARGS } from './browser.mjs';
import { median } from './stats.mjs';

const require = createRequire(import.meta.url);
const CLI = require.resolve('lighthouse/cli/index.js');

/** The four categories Lighthouse scores, as its JSON names them. */
export const CATEGORIES = ['performance', 'accessibility', 'best-practices', 'seo'];

/** One Lighthouse run on `url`: each category's score (0–100) and the CLS. */
async function once(url) {
  const run = await promisify(execFile)(process.execPath, [
    CLI, url,
    `--chrome-path=${CHROMIUM}`,
    `--chrome-flags=${CHROMIUM_ARGS.join(' ')}`,
    `--only-categories=${CATEGORIES.join(',')}`,
    '--output=json', '--output-path=stdout', '--quiet', '--no-enable-error-reporting',
  ], { encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 }).catch((error) => {
    throw new Error(`lighthouse ${url} failed (${error.code}):\n${error.stderr?.slice(-2000)}`);
  });
  const report = JSON.parse(run.stdout);
  if (report.runtimeError) throw new Error(`lighthouse ${url}: ${report.runtimeError.code} ${report.runtimeError.message}`);
  const scores = Object.fromEntries(CATEGORIES.map((id) => [id, Math.round(report.categories[id].score * 100)]));
  return { ...scores, cls: report.audits['cumulative-layout-shift'].numericValue, version: report.lighthouseVersion, formFactor: report.configSettings.formFactor };
}

/** `runs` Lighthouse runs on `url`: the median of each score and of the CLS, and every run. */
export async function lighthouse(url, runs, log) {
  const all = [];
  for (let i = 0; i < runs; i++) {
    all.push(await once(url));
    const r = all.at(-1);
    log(`lighthouse ${i + 1}/${runs} ${url}: ${CATEGORIES.map((id) => r[id]).join(' / ')}, CLS ${r.cls.toFixed(3)}`);
  }
  const of = (key) => median(all.map((r) => r[key]));
  return { ...Object.fromEntries([...CATEGORIES, 'cls'].map((key) => [key, of(key)])), runs: all, version: all[0].version, formFactor: all[0].formFactor };
}
