// sw.js: the site's service worker. `cjg build` writes it at the site's root
// (crates/site/src/service_worker.rs puts the line with INSTELLINGEN in front of this code);
// widget/cjg-vraag.js registers it. It keeps the pages a visitor opened and the question box's
// files in the browser's Cache Storage, so that a later visit works without network.
//
// What it keeps, and what never:
// - Only GET requests of this site without a query string: the pages a visitor opens (from the
//   network first, the kept copy only without network, as a page keeps its address when it
//   changes) and files below INSTELLINGEN.assets (the kept copy first: their names carry a
//   content hash, so a kept copy is never stale). It does not touch any other request.
// - Never a question or an answer: the question box puts neither in any request, and nothing
//   with a query string, no POST, nothing of another site and nothing of the site's question
//   counter (INSTELLINGEN.registratie, also on this origin) is kept. The counter's events
//   (keepalive POSTs) are sent on unchanged by the worker, which keeps nothing of them.
// - When a page has loaded, it sends the worker a message: then the worker keeps that page and
//   the assets it used (they may have loaded before the worker ran; usually the browser's HTTP
//   cache still has them) and, ahead of use, the files of INSTELLINGEN.vooraf: the box's engine,
//   its index, the CSS and scripts. Not those when the browser asks to save data (Save-Data):
//   then only what a page used is kept.
// One cache per build: INSTELLINGEN.versie changes when any file of the site changes, and the
// worker of a new build deletes every other cache when it takes over, so no stale page stays.

const CACHE = `cjg-${INSTELLINGEN.versie}`;
/** The counter's address, ending in `/`, or null: its requests are never kept. */
const TELLER = INSTELLINGEN.registratie ? new URL(INSTELLINGEN.registratie).href.replace(/\/?$/, '/') : null;
/** Files on their way into the cache, by URL: the page and the fetch ahead share one download. */
const onderweg = new Map();

self.addEventListener('install', (event) => {
  // A new build takes over at once: its pages come from the network anyway.
  event.waitUntil(self.skipWaiting());
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    (async () => {
      for (const naam of await caches.keys()) {
        if (naam !== CACHE) await caches.delete(naam);
      }
      await self.clients.claim();
    })(),
  );
});

self.addEventListener('fetch', (event) => {
  const { request } = event;
  // A request that must outlive its page (the counter's, sent with keepalive when the visitor
  // leaves) is sent on by this worker itself: a page the worker controls may be gone before
  // the browser would send it past the worker. Nothing of it is kept.
  if (request.keepalive) {
    event.respondWith(fetch(request));
    return;
  }
  if (request.method !== 'GET' || !bewaarbaar(request.url)) return;
  if (isAsset(request.url)) event.respondWith(bewaardEerst(event));
  else if (request.mode === 'navigate') event.respondWith(netwerkEerst(event));
});

self.addEventListener('message', (event) => {
  if (!event.source?.url) return;
  const gebruikt = Array.isArray(event.data?.gebruikt) ? event.data.gebruikt.map(String) : [];
  event.waitUntil(bewaarBezoek(event.source.url, gebruikt, event.data?.zuinig === true));
});

/** Whether a request for `adres` may be kept: this site's, without a query string, not the counter's. */
function bewaarbaar(adres) {
  const url = new URL(adres);
  return url.origin === self.location.origin && !adres.includes('?') && !(TELLER && url.href.startsWith(TELLER));
}

/** Whether `adres` is an asset, whose name changes with its content. */
function isAsset(adres) {
  return new URL(adres).pathname.startsWith(INSTELLINGEN.assets);
}

/** Whether a response may be kept: a whole, successful answer of this site itself. */
function houdbaar(antwoord) {
  return antwoord?.status === 200 && antwoord.type === 'basic' && !antwoord.redirected;
}

/** The kept copy of `adres`, or undefined. */
async function bewaard(adres) {
  const cache = await caches.open(CACHE);
  return cache.match(adres, { ignoreVary: true });
}

/** Keeps `antwoord` (a response or its promise) under `adres` if it may be kept; settles when done. */
function bewaar(adres, antwoord) {
  const klaar = Promise.resolve(antwoord)
    .then(async (gekregen) => {
      if (houdbaar(gekregen)) await (await caches.open(CACHE)).put(adres, gekregen);
    })
    .catch(() => {}) // a full disk or a failed download: the site works as without this worker
    .finally(() => {
      if (onderweg.get(adres) === klaar) onderweg.delete(adres);
    });
  onderweg.set(adres, klaar);
  return klaar;
}

/** The network's answer to the event's request; a copy is kept when it may be. */
async function vanHetNetwerk(event) {
  const antwoord = await fetch(event.request);
  if (houdbaar(antwoord)) event.waitUntil(bewaar(event.request.url, antwoord.clone()));
  return antwoord;
}

/** An asset: the kept copy (also one on its way), else the network. */
async function bewaardEerst(event) {
  await onderweg.get(event.request.url);
  return (await bewaard(event.request.url)) ?? vanHetNetwerk(event);
}

/** A page: the network, else (offline) the kept copy. */
async function netwerkEerst(event) {
  try {
    return await vanHetNetwerk(event);
  } catch (fout) {
    const kopie = await bewaard(event.request.url);
    if (kopie) return kopie;
    throw fout;
  }
}

/**
 * A page has loaded: keeps the page itself and the assets it used (`gebruikt`: URLs), which may
 * have loaded before this worker ran, and, unless the page or this worker's browser asks to save
 * data, the files of INSTELLINGEN.vooraf.
 */
function bewaarBezoek(pagina, gebruikt, zuinig) {
  const url = new URL(pagina);
  url.hash = '';
  const adressen = new Set(gebruikt.filter((adres) => URL.canParse(adres) && bewaarbaar(adres) && isAsset(adres)));
  if (bewaarbaar(url.href)) adressen.add(url.href);
  if (!zuinig && self.navigator.connection?.saveData !== true) {
    for (const pad of INSTELLINGEN.vooraf) adressen.add(new URL(pad, self.location.origin).href);
  }
  return Promise.all([...adressen].map(haalVooraf));
}

/** Fetches `adres` into the cache unless it is there or on its way. */
function haalVooraf(adres) {
  return (
    onderweg.get(adres) ??
    bewaar(
      adres,
      // An asset the page already loaded may come from the browser's HTTP cache: it never changes.
      bewaard(adres).then((kopie) => (kopie ? null : fetch(adres, { cache: isAsset(adres) ? 'force-cache' : 'default' }))),
    )
  );
}
