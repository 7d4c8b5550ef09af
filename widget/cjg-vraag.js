// <cjg-vraag>: the question box. The visitor types a question and gets answers from
// the site's own pages, computed in this browser by the WASM question engine: the
// question never leaves the device.
//
// Contract with the templates (attributes and children the site renders):
//   data-glue   URL of the wasm-bindgen glue module (cjg_widget.HASH.js)
//   data-wasm   URL of the WASM file (cjg_widget_bg.HASH.wasm)
//   data-index  URL of the index bundle (zoekindex.HASH.bin)
//   data-alle-onderwerpen  URL of the themes overview, the way on when the box fails
//   data-registratie  (optional) base URL of the site's question counter (`cjg collect`)
//   <form class="cjg-vraag-formulier">         the whole box, rendered by the site so that
//       nothing moves when this script starts (templates/macros.html): it holds
//       input.cjg-vraag-invoer (type=search, no name: the question is never sent),
//       fieldset.cjg-vraag-voor with the doelgroep radios (value ouders, jongeren or ""),
//       and div.cjg-vraag-uitvoer (aria-live), the answers' place, empty until used.
//       This script only wires them up; it adds enterkeyhint=search, and answers when asked.
//       Without JavaScript the form's action leads to the themes overview.
//   <template data-slot="urgent">              help-right-now block for risk signals; its
//       <li data-hulplijn="ID" data-soorten="kind|kind" [hidden]> are the help lines: those
//       whose kind fired (the answer's `soorten`, strongest first) move to the top in that
//       order and lose `hidden`; the rest keep the template's order
//   <template data-slot="geen-antwoord">       shown when no page fits
// and sets one attribute itself:
//   data-klaar  set once the box has started (its script has run and wired it up)
//
// The box fetches nothing until it gets focus. Only same-origin URLs are fetched, and the
// site's own counter when it has one; text from the index is only ever set as textContent.
// This script stores nothing itself. Once the page has loaded it registers the site's service
// worker (/sw.js, written by `cjg build`), where the browser has service workers: the worker
// keeps this page and, unless the browser asks to save data, fetches the box's files ahead of
// use into Cache Storage, so that a later visit works offline. It never keeps a question or an
// answer (crates/site/src/service_worker.js); without it the site works as before, online.
//
// Counting (only with data-registratie, and never when the browser sends Do Not Track or
// Global Privacy Control): once per question, the widget sends the chosen doelgroep, the
// opened (or best) page, whether it was urgent, and the question's known words (`termen`:
// words of this site, no names, no numbers). The question itself never leaves the browser.
// When a question counts (README, "Counting questions"): its answers were on screen and the
// visitor stopped typing for PAUZE_MS; it is then counted once the visitor replaces it with
// another question, leaves the box or leaves the page. Enter, or opening an answer, counts
// the question on screen at once. Text in passing ("mijn ki") never counts; typing on after
// a pause makes it one question, counted as it ends.
// Answers are rendered as ol.cjg-vraag-lijst > li.cjg-vraag-antwoord > a.cjg-vraag-titel,
// best first.

const WACHTTIJD_MS = 200; // debounce while typing
/** How long the visitor must stop typing before a question with answers on screen is asked. */
const PAUZE_MS = 2000;
const TEKST = {
  laden: 'Even laden…',
  kapot: 'De vraagbox doet het nu niet.',
  alleOnderwerpen: 'Bekijk alle onderwerpen',
  geenAntwoord: 'We vonden geen passend antwoord.',
  hulpEerst: 'Belangrijk: hieronder staat waar je nu meteen hulp krijgt.',
  aantal: (n) => (n === 1 ? '1 antwoord op je vraag.' : `${n} antwoorden op je vraag.`),
  geholpen: 'Heeft dit antwoord je geholpen?',
  ja: 'Ja',
  nee: 'Nee',
  bedankt: 'Bedankt! Zo weten we welke antwoorden beter moeten.',
  bedanktPagina: "Bedankt! Zo weten we welke pagina's beter moeten.",
  mislukt: 'Dat lukte niet. Probeer het later nog eens.',
};

/** The most known words one question is counted with (the counter refuses more). */
const MAX_TERMEN = 12;

/** Whether the browser asks not to be tracked: then nothing is counted, here or on the page. */
const nietVolgen = navigator.globalPrivacyControl === true || navigator.doNotTrack === '1';

/**
 * Posts an event to a site's counter (`teller`, ending in `/`): the one place that sends
 * anything, for the question box and for the page's "Heeft dit antwoord je geholpen?".
 * No cookies, no referrer; a failure only means one count less.
 */
function stuur(teller, pad, gegevens) {
  return fetch(new URL(pad, teller), {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(gegevens),
    credentials: 'omit',
    referrerPolicy: 'no-referrer',
    keepalive: true,
  }).then((antwoord) => antwoord.ok, () => false);
}

/** The feedback form under an answer page (`[data-feedback]`): shown only when counting is allowed. */
function paginaFeedback(formulier) {
  if (nietVolgen || !formulier.dataset.endpoint) return;
  formulier.hidden = false;
  const dank = formulier.querySelector('[role=status]');
  const knoppen = [...formulier.querySelectorAll('button')];
  for (const knop of knoppen) {
    knop.addEventListener('click', async () => {
      for (const k of knoppen) k.disabled = true;
      const teller = formulier.dataset.endpoint.replace(/\/?$/, '/');
      const gelukt = await stuur(teller, 'v1/feedback', { pagina: formulier.dataset.pagina, geholpen: knop.value === 'ja', bron: 'pagina' });
      dank.textContent = gelukt ? TEKST.bedanktPagina : TEKST.mislukt;
    });
  }
}

/** A question's text as the counting compares it (it is never sent). */
function normaal(tekst) {
  return tekst.trim().toLowerCase().replace(/\s+/g, ' ');
}

/** Whether one text is the other typed on (or partly erased): the same question, still being written. */
function verwant(a, b) {
  return a.startsWith(b) || b.startsWith(a);
}

/** A URL on this site, or null: the widget never contacts another origin. */
function eigenUrl(waarde) {
  if (!waarde) return null;
  const url = new URL(waarde, document.baseURI);
  return url.origin === location.origin ? url.href : null;
}

/** An element with a class and, optionally, text. */
function maak(tag, klasse, tekst) {
  const el = document.createElement(tag);
  if (klasse) el.className = klasse;
  if (tekst !== undefined) el.textContent = tekst;
  return el;
}

/**
 * Puts the help lines of an urgent block that fit the kinds that fired first, in the order of
 * `soorten`, and shows them; the other lines keep their order. Kinds are the section names of
 * signalen.txt, as the engine and hulplijnen.toml write them.
 */
function hulpVooraan(blok, soorten) {
  const lijnen = [...blok.querySelectorAll('li[data-soorten]')];
  const rang = (lijn) => {
    const eigen = lijn.dataset.soorten.split('|');
    const plek = soorten.findIndex((soort) => eigen.includes(soort));
    return plek < 0 ? soorten.length : plek;
  };
  const passend = lijnen
    .map((lijn, plek) => ({ lijn, plek, rang: rang(lijn) }))
    .filter((l) => l.rang < soorten.length)
    .sort((a, b) => a.rang - b.rang || a.plek - b.plek);
  for (const { lijn } of passend) lijn.hidden = false;
  for (const { lijn } of passend.reverse()) lijn.parentElement.prepend(lijn);
}

class CjgVraag extends HTMLElement {
  connectedCallback() {
    if (this.invoer) {
      // Moved in the DOM: already wired up; only the page's listeners come back.
      this.luisterNaarPagina();
      return;
    }
    const formulier = this.querySelector('form.cjg-vraag-formulier');
    const invoer = formulier?.querySelector('.cjg-vraag-invoer');
    const keuze = formulier?.querySelector('.cjg-vraag-voor');
    const uitvoer = formulier?.querySelector('.cjg-vraag-uitvoer');
    if (!invoer || !keuze || !uitvoer) {
      // An older template: its own fallback (p.cjg-vraag-zonder-js) stays, so the page still helps.
      console.error('cjg-vraag: no form.cjg-vraag-formulier with its input, choices and answers in the page (see templates/macros.html)');
      return;
    }
    this.invoer = invoer;
    this.uitvoer = uitvoer;
    this.sjablonen = {
      urgent: this.querySelector('template[data-slot="urgent"]'),
      geenAntwoord: this.querySelector('template[data-slot="geen-antwoord"]'),
    };
    // Only with this script does Enter search: a phone's keyboard may say so.
    this.invoer.setAttribute('enterkeyhint', 'search');

    this.invoer.addEventListener('focus', () => this.laad(), { once: true });
    this.invoer.addEventListener('input', () => {
      this.toets();
      this.later();
    });
    keuze.addEventListener('change', () => {
      this.toets();
      this.beantwoord();
    });
    formulier.addEventListener('submit', (event) => {
      event.preventDefault();
      this.laad();
      this.beantwoord();
      this.telNu();
    });

    this.teller = nietVolgen ? null : this.dataset.registratie?.replace(/\/?$/, '/') || null;
    this.uitvoer.addEventListener('click', (event) => {
      const link = event.target.closest?.('a.cjg-vraag-titel');
      if (link) this.telNu(link.getAttribute('href'));
    });
    // Leaving the box (focus goes outside it) or the page counts a question that was asked.
    this.addEventListener('focusout', (event) => {
      if (!this.contains(event.relatedTarget)) this.telGevraagd();
    });
    this.bijVertrek = () => this.telGevraagd();
    this.bijVerbergen = () => {
      if (document.visibilityState === 'hidden') this.telGevraagd();
    };
    this.luisterNaarPagina();
    this.dataset.klaar = '';
  }

  /** Leaving the page counts a question that was asked; added once per connection. */
  luisterNaarPagina() {
    window.addEventListener('pagehide', this.bijVertrek);
    document.addEventListener('visibilitychange', this.bijVerbergen);
  }

  /** Removed from the page: removes what `connectedCallback` added outside the box. */
  disconnectedCallback() {
    window.removeEventListener('pagehide', this.bijVertrek);
    document.removeEventListener('visibilitychange', this.bijVerbergen);
  }

  // --- Counting: when a question counts. -------------------------------------------------
  // Three states: `opScherm`, the question whose answers are on screen; `gevraagd`, a question
  // the visitor paused on, waiting to be counted; `geteld`, the text counted last (counted
  // once, also when it is answered again for another doelgroep).

  /** A keystroke (or another choice of doelgroep): the pause starts again. */
  toets() {
    this.laatsteToets = performance.now();
    clearTimeout(this.pauze);
    this.pauze = setTimeout(() => this.gepauzeerd(), PAUZE_MS);
  }

  /** The answers to `vraag` are on screen. */
  opSchermGezet(vraag) {
    // Another question replaces the one asked: that one counts now.
    if (this.gevraagd && !verwant(this.gevraagd.tekst, vraag.tekst)) this.telGevraagd();
    this.opScherm = vraag.tekst === this.geteld ? null : vraag;
    // The answers came after the pause (the engine was still loading): asked already.
    if (performance.now() - (this.laatsteToets ?? 0) >= PAUZE_MS) this.gepauzeerd();
  }

  /** No keystroke for PAUZE_MS: the question on screen (if it is what the box says) is asked. */
  gepauzeerd() {
    if (!this.opScherm || this.opScherm.tekst !== normaal(this.invoer.value)) return;
    this.gevraagd = this.opScherm; // replaces one asked before and then typed on
    this.opScherm = null;
  }

  /** Leaving the box or the page, or a new question: counts the question asked, if any. */
  telGevraagd() {
    // Timers run late in a hidden tab: a pause that has passed counts as a pause.
    if (performance.now() - (this.laatsteToets ?? 0) >= PAUZE_MS) this.gepauzeerd();
    const vraag = this.gevraagd;
    this.gevraagd = null;
    if (vraag) this.tel(vraag);
  }

  /** Enter, or an answer opened: counts the question on screen at once. */
  telNu(geopend) {
    const vraag = this.opScherm ?? this.gevraagd;
    this.opScherm = null;
    this.gevraagd = null;
    if (vraag) this.tel(vraag, geopend);
  }

  /** Counts `vraag`, once: with the opened page, or else the best answer. */
  tel(vraag, geopend) {
    this.geteld = vraag.tekst;
    if (!this.teller) return;
    this.stuur('v1/vraag', {
      doelgroep: vraag.doelgroep || 'onbekend',
      pagina: geopend ?? vraag.beste,
      urgent: vraag.urgent,
      termen: vraag.termen.slice(0, MAX_TERMEN),
    });
  }
  // --- End of counting. -------------------------------------------------------------------

  /** Posts an event to this box's counter. */
  stuur(pad, gegevens) {
    return stuur(this.teller, pad, gegevens);
  }

  /** "Heeft dit antwoord je geholpen?" under the answers, about the best one. */
  vraagFeedback(pagina) {
    const blok = maak('div', 'cjg-vraag-feedback');
    const vraag = maak('p', 'cjg-vraag-feedback-vraag', TEKST.geholpen);
    const dank = maak('p', 'cjg-vraag-feedback-dank');
    dank.setAttribute('role', 'status');
    blok.append(vraag);
    for (const [geholpen, tekst] of [[true, TEKST.ja], [false, TEKST.nee]]) {
      const knop = maak('button', 'cjg-vraag-feedback-knop', tekst);
      knop.type = 'button';
      knop.addEventListener('click', async () => {
        for (const b of blok.querySelectorAll('button')) b.disabled = true;
        const gelukt = await this.stuur('v1/feedback', { pagina, geholpen, bron: 'widget' });
        dank.textContent = gelukt ? TEKST.bedankt : TEKST.mislukt;
      });
      blok.append(knop);
    }
    blok.append(dank);
    return blok;
  }

  /** Fetches the engine and the index once, on first focus. */
  laad() {
    if (this.geladen) return this.geladen;
    const glue = eigenUrl(this.dataset.glue);
    const wasm = eigenUrl(this.dataset.wasm);
    const index = eigenUrl(this.dataset.index);
    this.toon([maak('p', 'cjg-vraag-status', TEKST.laden)]);
    this.geladen = (async () => {
      if (!glue || !wasm || !index) {
        throw new Error('data-glue, data-wasm of data-index ontbreekt of wijst naar een andere site');
      }
      const bundel = fetch(index).then((antwoord) => {
        if (!antwoord.ok) throw new Error(`${index}: ${antwoord.status}`);
        return antwoord.arrayBuffer();
      });
      // The engine's code is fetched beside the index and the glue, not after the glue: on a
      // slow phone network that saves a round trip. The glue compiles it while it streams in.
      const code = fetch(wasm);
      const module = await import(glue);
      await module.default({ module_or_path: code });
      this.vraagbaak = new module.Vraagbaak(new Uint8Array(await bundel));
    })();
    this.geladen.then(
      () => this.beantwoord(),
      (fout) => {
        console.error('cjg-vraag:', fout);
        this.kapot = true;
        this.toonKapot();
      },
    );
    return this.geladen;
  }

  /** Fetches the parts of the index with these numbers, each once (`zoekindex.HASH.<n>.bin`). */
  haalDelen(nummers) {
    this.indexDelen ??= new Map();
    return Promise.all(
      nummers.map((nummer) => {
        if (!this.indexDelen.has(nummer)) {
          const adres = eigenUrl(this.dataset.index).replace(/\.bin$/, `.${nummer}.bin`);
          const geladen = fetch(adres)
            .then((antwoord) => {
              if (!antwoord.ok) throw new Error(`${adres}: ${antwoord.status}`);
              return antwoord.arrayBuffer();
            })
            .then((bytes) => this.vraagbaak.add_part(nummer, new Uint8Array(bytes)));
          // A failed fetch is tried again with the next question.
          geladen.catch(() => this.indexDelen.delete(nummer));
          this.indexDelen.set(nummer, geladen);
        }
        return this.indexDelen.get(nummer);
      }),
    );
  }

  /** Answers after the visitor pauses typing. */
  later() {
    clearTimeout(this.wachter);
    this.wachter = setTimeout(() => this.beantwoord(), WACHTTIJD_MS);
  }

  /**
   * Answers the question in the box. `zonderDelen`: the parts of the index it needs could not
   * be fetched (offline), so it is answered without them: the urgent-help block if it fits,
   * and instead of answers the message that the box does not work now.
   */
  beantwoord({ zonderDelen = false } = {}) {
    clearTimeout(this.wachter);
    if (this.kapot) return this.toonKapot();
    if (!this.vraagbaak) return; // laad() answers when it is done
    const vraag = this.invoer.value.trim();
    const doelgroep = this.querySelector('.cjg-vraag-voor input:checked')?.value ?? '';
    if (!vraag) {
      this.vorige = '';
      this.opScherm = null;
      return this.toon([]);
    }
    // A large site's index comes in parts: those this question needs are fetched first, and
    // the question is answered again when they are in (unless the visitor typed on). Risk
    // signals do not wait for them: they need no index.
    const nodig = Array.from(this.vraagbaak.parts_needed(vraag));
    const mislukt = nodig.length > 0 && zonderDelen;
    const laadt = nodig.length > 0 && !zonderDelen;
    if (laadt) {
      this.haalDelen(nodig).then(
        () => this.invoer.value.trim() === vraag && this.beantwoord(),
        (fout) => {
          // Offline, or the site was rebuilt: this question goes without, the next one tries again.
          console.error('cjg-vraag:', fout);
          if (this.invoer.value.trim() === vraag) this.beantwoord({ zonderDelen: true });
        },
      );
    }
    const antwoord = JSON.parse(this.vraagbaak.ask(vraag, doelgroep));
    if ((laadt || mislukt) && !antwoord.urgent) {
      this.vorige = '';
      return this.toon([laadt ? maak('p', 'cjg-vraag-status', TEKST.laden) : this.kapotMelding()]);
    }
    const beste = antwoord.answers[0]?.url ?? null;
    this.opSchermGezet({ tekst: normaal(vraag), doelgroep, urgent: antwoord.urgent, termen: antwoord.termen, beste });
    const soorten = Array.isArray(antwoord.soorten) ? antwoord.soorten : []; // absent in bundles before issue 10
    const sleutel = JSON.stringify([antwoord.urgent, soorten, antwoord.answers.map((a) => a.url), laadt, mislukt]);
    if (sleutel === this.vorige) return; // unchanged: do not make screen readers repeat it
    this.vorige = sleutel;

    const delen = [];
    if (antwoord.urgent) {
      delen.push(maak('p', 'cjg-vraag-status', TEKST.hulpEerst));
      const blok = this.kloon(this.sjablonen.urgent, 'cjg-vraag-urgent');
      hulpVooraan(blok, soorten);
      delen.push(blok);
    }
    if (laadt) {
      delen.push(maak('p', 'cjg-vraag-status', TEKST.laden));
    } else if (mislukt) {
      delen.push(this.kapotMelding());
    } else if (antwoord.answers.length === 0) {
      if (!antwoord.urgent) delen.push(maak('p', 'cjg-vraag-status', TEKST.geenAntwoord));
      delen.push(this.kloon(this.sjablonen.geenAntwoord, 'cjg-vraag-geen-antwoord'));
    } else {
      if (!antwoord.urgent) delen.push(maak('p', 'cjg-vraag-status', TEKST.aantal(antwoord.answers.length)));
      const lijst = maak('ol', 'cjg-vraag-lijst');
      for (const gevonden of antwoord.answers) {
        const adres = eigenUrl(gevonden.url);
        if (!adres) continue; // answers are pages of this site, nothing else
        const item = maak('li', 'cjg-vraag-antwoord');
        const titel = maak('a', 'cjg-vraag-titel', gevonden.title);
        titel.setAttribute('href', gevonden.url);
        item.append(titel);
        if (gevonden.description) item.append(maak('p', 'cjg-vraag-beschrijving', gevonden.description));
        item.append(maak('p', 'cjg-vraag-adres', decodeURI(new URL(adres).pathname)));
        lijst.append(item);
      }
      delen.push(lijst);
      if (this.teller) delen.push(this.vraagFeedback(antwoord.answers[0].url));
    }
    this.toon(delen);
  }

  /** A copy of a server-rendered template in a wrapper, or nothing if it is missing. */
  kloon(sjabloon, klasse) {
    const omhulsel = maak('div', klasse);
    if (sjabloon) omhulsel.append(sjabloon.content.cloneNode(true));
    return omhulsel;
  }

  toonKapot() {
    this.toon([this.kapotMelding()]);
  }

  /** "De vraagbox doet het nu niet", with a link to all themes. */
  kapotMelding() {
    const melding = maak('p', 'cjg-vraag-status', `${TEKST.kapot} `);
    const link = maak('a', '', TEKST.alleOnderwerpen);
    link.href = eigenUrl(this.dataset.alleOnderwerpen) ?? '/';
    melding.append(link);
    return melding;
  }

  toon(delen) {
    this.uitvoer.replaceChildren(...delen);
  }
}

/** Where `cjg build` writes the service worker: the site's root, so that it serves every page. */
const SERVICE_WORKER = '/sw.js';

/**
 * Registers the service worker once the page has loaded (it must not slow the page down) and
 * asks it to keep this page and the files it used (which loaded before the worker ran) and,
 * unless the browser asks to save data, the box's files.
 */
function bewaarVoorOffline() {
  if (!('serviceWorker' in navigator)) return;
  const start = () =>
    navigator.serviceWorker
      .register(SERVICE_WORKER)
      .then(() => navigator.serviceWorker.ready)
      .then(
        (werker) =>
          werker.active?.postMessage({
            zuinig: navigator.connection?.saveData === true,
            gebruikt: performance.getEntriesByType('resource').map((bron) => bron.name),
          }),
        (fout) => console.warn('cjg-vraag: this site will not work offline:', fout),
      );
  if (document.readyState === 'complete') start();
  else window.addEventListener('load', start, { once: true });
}

if (!customElements.get('cjg-vraag')) {
  customElements.define('cjg-vraag', CjgVraag);
  bewaarVoorOffline();
}
for (const formulier of document.querySelectorAll('[data-feedback]')) paginaFeedback(formulier);
