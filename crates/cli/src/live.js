// Injected by `cjg serve` only: reloads the page after a rebuild and shows build errors
// over the page, so editors see their change (or their mistake) without pressing F5.
const events = new EventSource("/__cjg/events");
let overlay = null;

events.addEventListener("herladen", () => window.location.reload());

events.addEventListener("fout", (event) => {
  if (!overlay) {
    overlay = document.createElement("div");
    overlay.id = "cjg-fout";
    overlay.setAttribute("role", "alert");
    overlay.style.cssText =
      "position:fixed;inset:auto 0 0 0;max-height:60vh;overflow:auto;z-index:2147483647;" +
      "background:#fff;color:#1b1b1b;border-top:6px solid #a4001d;padding:1rem 1.5rem;" +
      "font:15px/1.5 ui-monospace,monospace;white-space:pre-wrap;box-shadow:0 -4px 16px rgba(0,0,0,.3)";
    document.body.append(overlay);
  }
  // textContent: the message contains the editor's text, never markup to run.
  overlay.textContent = event.data;
});
