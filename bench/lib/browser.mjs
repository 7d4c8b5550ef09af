// The visitor's side, in headless chromium: how many bytes and how long from focusing the
// question box to the first answer on a cold page (also on a slow phone network, cold and on a
// return visit), how long and how many bytes each further question takes, and which pages come
// back for the question set.

import { chromium } from 'playwright-core';

/** Debian's chromium, or $CHROMIUM. */
export const CHROMIUM = process.env.CHROMIUM ?? '/usr/bin/chromium';

/** The flags every chromium of the benchmark starts with. */
export const CHROMIUM_ARGS = [
  '--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  // Without these chromium tries to reach Google's servers.
  '--disable-background-networking', '--disable-component-update', '--disable-sync',
];

/**
 * How to drive each search box. `answers`: the result links, best first. `done`: shown when a
 * question has been answered (a list, or the no-answer or urgent-help block). `box`: the whole
 * search box, whose text an error message quotes. `submit`: the box
 * answers at once on Enter (cjg) instead of after its typing pause; Pagefind's UI searches on
 * input, with its debounce set to 0 in bench/hugo. `assets`: the search's own files that the
 * page loads before the box gets focus.
 */
export const SITES = {
  cjg: {
    kind: 'cjg',
    box: 'cjg-vraag',
    input: 'cjg-vraag input[type="search"]',
    answers: 'cjg-vraag .cjg-vraag-lijst a[href]',
    done: 'cjg-vraag .cjg-vraag-lijst, cjg-vraag .cjg-vraag-geen-antwoord, cjg-vraag .cjg-vraag-urgent',
    submit: true,
    assets: /\/(cjg-vraag|cjg_widget|zoekindex)[.]/,
  },
  pagefind: {
    kind: 'pagefind',
    box: '.pagefind-ui',
    input: '.pagefind-ui__search-input',
    answers: '.pagefind-ui__result-link',
    done: '.pagefind-ui__message',
    submit: false,
    assets: /\/pagefind\//,
  },
};

/** Starts Debian's chromium. */
export function launch() {
  return chromium.launch({ executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS });
}

/**
 * Runs in the page: (optionally focuses the box,) types `question` in one go and waits until
 * its answers are in the DOM. An empty question waits until the answers are gone. Resolves to
 * { focusAt, answerAt } (epoch ms), { ms } and the answer links, or ms null after `timeout`.
 */
async function askInPage({ site, question, focus, timeout }) {
  // Before the component is defined its form is the plain HTML one, and a submit would leave
  // the page for the themes overview (what the box does without JavaScript).
  if (site.kind === 'cjg') await customElements.whenDefined(site.box);
  const input = document.querySelector(site.input);
  if (!input) throw new Error(`no ${site.input} on ${location.href}`);
  const settled = () => {
    const links = [...document.querySelectorAll(site.answers)].map((a) => a.href);
    if (question === '') {
      const gone = site.kind === 'cjg' ? !document.querySelector(site.done) : document.querySelectorAll('.pagefind-ui__result').length === 0;
      return gone ? [] : null;
    }
    if (site.kind === 'cjg') return document.querySelector(site.done) ? links : null;
    // Pagefind: the message names this question and is not "Zoeken naar …..." (every
    // translation of that ends in "..."), and every shown result has loaded its link.
    const message = document.querySelector(site.done)?.textContent.trim() ?? '';
    const shown = document.querySelectorAll('.pagefind-ui__result').length;
    return message.includes(question) && !message.endsWith('...') && shown === links.length ? links : null;
  };
  return new Promise((resolve) => {
    let observer;
    const t0 = performance.now();
    const finish = (links, ok = true) => {
      const t1 = performance.now();
      observer?.disconnect();
      clearTimeout(timer);
      resolve({ ms: ok ? t1 - t0 : null, focusAt: performance.timeOrigin + t0, answerAt: performance.timeOrigin + t1, links });
    };
    const check = () => {
      const links = settled();
      if (links) finish(links);
      return links;
    };
    const timer = setTimeout(() => finish([], false), timeout);
    observer = new MutationObserver(check);
    observer.observe(document.body, { subtree: true, childList: true, attributes: true, characterData: true });
    if (focus) input.focus();
    input.value = question;
    input.dispatchEvent(new Event('input', { bubbles: true }));
    if (site.submit) input.form?.requestSubmit();
    check();
  });
}

/**
 * The network of a slow phone: Lighthouse's "slow 4G" (its mobile preset), 1.6 Mbit/s down,
 * 750 kbit/s up, 150 ms from request to response, in the units of CDP's
 * `Network.emulateNetworkConditions` (bytes per second, ms).
 */
export const SLOW_4G = { latency: 150, downloadThroughput: 1_600_000 / 8, uploadThroughput: 750_000 / 8 };

/**
 * Opens `url` in a fresh context (empty cache) and records every finished request and error.
 * With `network`, the requests of the page and its dedicated workers go through Chromium's
 * network emulation, from the first load on. Service workers are blocked: cjg's worker fetches
 * the box's files ahead of use on its own target, outside the page's emulation and its request
 * count, so with it a first visit would look faster and lighter than it is. Its files are the
 * ones the page fetches, so the bytes are the same; a return visit then comes from the browser's
 * HTTP cache (content-hashed files may be kept a year), as it would from the worker's cache.
 */
async function openCold(browser, url, network) {
  const context = await browser.newContext({ serviceWorkers: 'block' });
  const page = await context.newPage();
  if (network) {
    const cdp = await context.newCDPSession(page);
    await cdp.send('Network.enable');
    await cdp.send('Network.emulateNetworkConditions', { offline: false, ...network });
  }
  const requests = [];
  const errors = [];
  page.on('pageerror', (error) => errors.push(error.message));
  page.on('console', (message) => message.type() === 'error' && errors.push(message.text()));
  context.on('requestfinished', (request) => {
    requests.push((async () => {
      const sizes = await request.sizes();
      const timing = request.timing();
      return { url: request.url(), start: timing.startTime, bytes: sizes.responseBodySize + sizes.responseHeadersSize };
    })());
  });
  await page.goto(url, { waitUntil: 'networkidle' });
  return { context, page, requests, errors };
}

/**
 * The finished requests that started between `start` and `end` (epoch ms; from 5 ms before
 * `start`, as the page's clock and the request timings round differently), and their bytes.
 */
async function requestsBetween(requests, start, end) {
  const list = (await Promise.all(requests)).filter((r) => r.start >= start - 5 && r.start <= end);
  return { list, bytes: sumBytes(list) };
}

function sumBytes(list) {
  return list.reduce((total, r) => total + r.bytes, 0);
}

/**
 * Throws, quoting what the box shows and the page's errors, when `question` got no reply in
 * time, or (with `links`) no answer links.
 */
async function expectAnswer(page, site, question, answer, errors, links = true) {
  if (answer.ms != null && (!links || answer.links.length > 0)) return;
  const shown = await page.evaluate((box) => document.querySelector(box)?.textContent.replace(/\s+/g, ' ').trim().slice(0, 300), site.box);
  throw new Error(`${site.kind}: no answer to "${question}" (${answer.ms == null ? 'timed out' : 'no links'}).\n  The box shows: ${shown}\n  Page errors: ${errors.join(' | ').slice(0, 600) || 'none'}`);
}

/**
 * On a loaded page: focuses the box, asks `question` and waits for the first answer (or throws).
 * Returns the time and what was requested from focus to answer.
 */
async function answerAfterFocus({ page, requests, errors }, site, question) {
  const answer = await page.evaluate(askInPage, { site: plain(site), question, focus: true, timeout: 60000 });
  await expectAnswer(page, site, question, answer, errors);
  await page.waitForTimeout(300); // let the last requestfinished events arrive
  const afterFocus = await requestsBetween(requests, answer.focusAt, answer.answerAt);
  return { ms: answer.ms, focusAt: answer.focusAt, bytesAfterFocus: afterFocus.bytes, afterFocus: afterFocus.list };
}

/**
 * A first-time visitor: loads the home page, focuses the box, asks `question` and waits for
 * the first answer. Counts the bytes over the wire (compressed, headers included) of the
 * search's own files loaded with the page plus everything requested after focus.
 */
export async function firstAnswer(browser, base, site, question) {
  const visit = await openCold(browser, `${base}/`);
  const { ms, focusAt, bytesAfterFocus, afterFocus } = await answerAfterFocus(visit, site, question);
  const withPage = (await Promise.all(visit.requests)).filter((r) => r.start < focusAt - 5 && site.assets.test(new URL(r.url).pathname));
  await visit.context.close();
  return {
    ms,
    bytesAfterFocus,
    bytes: bytesAfterFocus + sumBytes(withPage),
    files: [...withPage, ...afterFocus].map((r) => ({ path: new URL(r.url).pathname, bytes: r.bytes })),
  };
}

/**
 * A visitor on a slow phone network (`SLOW_4G`, for the whole visit): a cold visit (fresh
 * context) asks `first`; then the home page is loaded again in the same context, as a return
 * visit that the browser's HTTP cache (or a service worker) may serve, and asks `second`.
 * Each: focus → first answer, the bytes requested after focus, and how long those bytes alone
 * take at the emulated bandwidth (the sign that the throttling applied).
 */
export async function slowVisits(browser, base, site, first, second) {
  const visit = await openCold(browser, `${base}/`, SLOW_4G);
  const figures = ({ ms, bytesAfterFocus }) => ({ ms, bytesAfterFocus, transferMs: (bytesAfterFocus / SLOW_4G.downloadThroughput) * 1000 });
  const cold = figures(await answerAfterFocus(visit, site, first));
  await visit.page.goto(`${base}/`, { waitUntil: 'networkidle' });
  const warm = figures(await answerAfterFocus(visit, site, second));
  await visit.context.close();
  return { cold, warm };
}

/**
 * A visitor who keeps asking: after a first question has loaded the engine, asks every
 * question `passes` times (clearing the box in between) and times each from typing to answers.
 * Returns the timings (null when no reply came within 15 s), how many timed out, the first
 * pass's answers as paths, and the bytes each question of the first pass requested (the first
 * question's are near 0: it was asked once before, with focus, to load the engine).
 */
export async function askAll(browser, base, site, questions, passes) {
  const { context, page, requests, errors } = await openCold(browser, `${base}/`);
  const ask = (question, focus = false) => page.evaluate(askInPage, { site: plain(site), question, focus, timeout: 15000 });
  await expectAnswer(page, site, questions[0], await ask(questions[0], true), errors, false);
  const timings = [];
  const answers = [];
  const windows = [];
  for (let pass = 0; pass < passes; pass++) {
    for (const question of questions) {
      await ask('');
      const result = await ask(question);
      timings.push(result.ms);
      if (pass === 0) {
        answers.push(unique(result.links.map(toPath)));
        windows.push([result.focusAt, result.answerAt]);
      }
    }
  }
  await page.waitForTimeout(300); // let the last requestfinished events arrive
  const bytes = await Promise.all(windows.map(async ([start, end]) => (await requestsBetween(requests, start, end)).bytes));
  await context.close();
  return { timings: timings.filter((t) => t != null), timeouts: timings.filter((t) => t == null).length, answers, bytes };
}

/** "http://…/ouders/gedrag/pesten/#kop" → "ouders/gedrag/pesten". */
export function toPath(href) {
  return decodeURI(new URL(href, 'http://x').pathname).replace(/index\.html$/, '').replace(/^\/+|\/+$/g, '');
}

function unique(list) {
  return [...new Set(list)];
}

/** `site` without the RegExp, which page.evaluate cannot send. */
function plain(site) {
  const { assets, ...rest } = site;
  return rest;
}
