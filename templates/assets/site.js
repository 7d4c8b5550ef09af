// The site's only script besides the question widget. Everything works without it;
// it makes "Snel weg" leave no history entry and shows the print button on brochures.
// The answer to "Heeft dit antwoord je geholpen?" is sent by the widget's module
// (cjg-vraag.js), the one script that sends anything.

const snelWeg = document.querySelector("[data-snel-weg]");
if (snelWeg) {
  snelWeg.addEventListener("click", (event) => {
    event.preventDefault();
    // replace(): the Back button does not lead back to this site.
    window.location.replace(snelWeg.href);
  });
}

for (const knop of document.querySelectorAll("[data-print]")) {
  knop.hidden = false;
  knop.addEventListener("click", () => window.print());
}
