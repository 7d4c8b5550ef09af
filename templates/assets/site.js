// The site's only script besides the question widget. Everything works without it;
// it makes "Snel weg" leave no history entry, shows the print button on brochures, and
// sends the answer to "Heeft dit antwoord je geholpen?" when the site counts answers.

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

// Counting is off when the visitor's browser asks not to be tracked.
const counting = !(navigator.globalPrivacyControl === true || navigator.doNotTrack === "1");

for (const form of document.querySelectorAll("[data-feedback]")) {
  if (!counting) continue;
  form.hidden = false;
  const thanks = form.querySelector("[role=status]");
  for (const knop of form.querySelectorAll("button")) {
    knop.addEventListener("click", async () => {
      for (const b of form.querySelectorAll("button")) b.disabled = true;
      const event = { pagina: form.dataset.pagina, geholpen: knop.value === "ja", bron: "pagina" };
      try {
        const antwoord = await fetch(new URL("v1/feedback", form.dataset.endpoint.replace(/\/?$/, "/")), {
          method: "POST",
          headers: { "Content-Type": "application/json" },
          body: JSON.stringify(event),
          credentials: "omit",
          referrerPolicy: "no-referrer",
          keepalive: true,
        });
        thanks.textContent = antwoord.ok ? "Bedankt! Zo weten we welke pagina's beter moeten." : "Dat lukte niet. Probeer het later nog eens.";
      } catch {
        thanks.textContent = "Dat lukte niet. Probeer het later nog eens.";
      }
    });
  }
}
