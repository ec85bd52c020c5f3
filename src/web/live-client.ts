/**
 * @module web/live-client
 * The script every live page runs (inline, no build step), and the board's styles.
 *
 * Each `[data-live]` region names the SSE topics it follows (`data-live`), its server-rendered
 * fragment (`data-live-url`), optionally its center on a many-center stream (`data-live-center`)
 * and a refresh period in seconds (`data-live-every`). A region is refreshed whatever has focus:
 * the fragment is swapped in and focus goes back to the element with the same id (or the nearest
 * surviving ancestor), open `<details>` stay open, and nothing scrolls. Only a region holding a
 * form someone is filling in waits, and the status line says so. `#live` says "live" while the
 * stream is up, `#live-updated` when the page last heard the server; after 10 s of silence the
 * status says "connection lost — showing data from hh:mm:ss" and a screen reader is told once.
 *
 * Anything marked `[data-notice]` that was not on the page before (a room going out of ratio, a
 * critical alert, a pick-up hold) changes the tab title, beeps (Web Audio, where the browser
 * allows sound) and is announced through an assertive live region.
 */

export const liveScript = `
(() => {
  const status = document.getElementById("live");
  const stamp = document.getElementById("live-updated");
  const regions = Array.from(document.querySelectorAll("[data-live]"));
  const stream = document.body.dataset.stream;
  if (!stream || regions.length === 0) return;
  const STALE_MS = 10000;
  const baseTitle = document.title;
  const clock = (d) => d.toLocaleTimeString([], { hour: "2-digit", minute: "2-digit", second: "2-digit", hour12: false });
  let lastGood = new Date();
  let failing = false;
  let signedOut = false;
  let connected = false;
  let lostSaid = false;
  let unseen = 0;
  const paused = new Set();
  const lastHtml = new WeakMap();
  const timers = new Map();
  const inflight = new Set();
  const again = new Set();

  function liveRegion(id, level) {
    let el = document.getElementById(id);
    if (!el) {
      el = document.createElement("div");
      el.id = id;
      el.className = "sr-only";
      el.setAttribute("aria-live", level);
      el.setAttribute("aria-atomic", "true");
      document.body.appendChild(el);
    }
    return el;
  }
  const polite = liveRegion("live-polite", "polite");
  const urgent = liveRegion("live-alert", "assertive");
  function say(el, text) {
    el.textContent = "";
    setTimeout(() => { el.textContent = text; }, 100);
  }

  function render() {
    if (!status) return;
    const stale = signedOut || Date.now() - lastGood.getTime() > STALE_MS;
    let text;
    if (signedOut) text = "signed out — showing data from " + clock(lastGood) + "; reload to sign in";
    else if (stale) text = "connection lost — showing data from " + clock(lastGood);
    else text = connected ? "live" : "reconnecting…";
    if (status.textContent !== text) status.textContent = text;
    document.body.classList.toggle("stale", stale);
    if (stale && !lostSaid) { lostSaid = true; say(polite, text); }
    if (!stale && lostSaid) { lostSaid = false; say(polite, "Connection back: the page is live again."); }
    if (stamp) {
      const note = paused.size > 0 ? " (this form waits while you fill it in)" : "";
      const s = "updated " + clock(lastGood) + note;
      if (stamp.textContent !== s) stamp.textContent = s;
    }
  }
  function heard() {
    if (failing || signedOut) return;
    lastGood = new Date();
    render();
  }

  const fields = "textarea, select, input:not([type=hidden]):not([type=submit]):not([type=button])";
  function dirty(el) {
    if (el.type === "checkbox" || el.type === "radio") return el.checked !== el.defaultChecked;
    if (el.tagName === "SELECT") return Array.from(el.options).some((o) => o.selected !== o.defaultSelected);
    return el.value !== el.defaultValue;
  }
  function editing(region) {
    const a = document.activeElement;
    if (a && region.contains(a) && a.matches("textarea, select, input[type=text], input[type=search], input:not([type])")) return true;
    return Array.from(region.querySelectorAll(fields)).some(dirty);
  }

  function swap(region, html) {
    const active = document.activeElement;
    const inside = active && active !== document.body && region.contains(active);
    const open = Array.from(region.querySelectorAll("details[id]"), (d) => [d.id, d.open]);
    region.innerHTML = html;
    for (const [id, isOpen] of open) {
      const d = document.getElementById(id);
      if (d && region.contains(d)) d.open = isOpen;
    }
    if (!inside) return;
    let target = null;
    for (let el = active; el && !target; el = el.parentElement) {
      if (!el.id) continue;
      const found = document.getElementById(el.id);
      if (found && region.contains(found)) target = found;
    }
    if (!target) return;
    if (!target.matches("a[href], button, input, select, textarea, summary, [tabindex]")) target.setAttribute("tabindex", "-1");
    target.focus({ preventScroll: true });
  }

  function notice() {
    const now = new Map();
    document.querySelectorAll("[data-notice]").forEach((el) => now.set(el.dataset.notice, el.textContent.trim()));
    const fresh = [];
    for (const [key, text] of now) if (!seen.has(key)) fresh.push(text);
    seen = new Set(now.keys());
    if (fresh.length === 0) return;
    unseen += fresh.length;
    document.title = "(" + unseen + ") " + fresh[0] + " — " + baseTitle;
    beep();
    say(urgent, fresh.join(". ") + ".");
  }
  let seen = new Set(Array.from(document.querySelectorAll("[data-notice]"), (el) => el.dataset.notice));
  function seenNow() { unseen = 0; document.title = baseTitle; }
  addEventListener("keydown", () => { unlock(); seenNow(); });
  addEventListener("pointerdown", () => { unlock(); seenNow(); });

  let audio = null;
  function unlock() {
    try {
      if (!audio) audio = new AudioContext();
      if (audio.state === "suspended") audio.resume().catch(() => {});
    } catch {}
  }
  function beep() {
    try {
      if (!audio) audio = new AudioContext();
      if (audio.state === "suspended") audio.resume().catch(() => {});
      const osc = audio.createOscillator();
      const gain = audio.createGain();
      const t = audio.currentTime;
      osc.frequency.value = 880;
      gain.gain.setValueAtTime(0.2, t);
      gain.gain.exponentialRampToValueAtTime(0.001, t + 0.35);
      osc.connect(gain).connect(audio.destination);
      osc.start(t);
      osc.stop(t + 0.35);
    } catch {}
  }

  async function refresh(region) {
    if (inflight.has(region)) { again.add(region); return; }
    if (editing(region)) { paused.add(region); render(); return; }
    paused.delete(region);
    inflight.add(region);
    try {
      const res = await fetch(region.dataset.liveUrl, { credentials: "same-origin" });
      if (res.redirected && new URL(res.url).pathname === "/sign-in") { signedOut = true; return; }
      if (!res.ok) throw new Error("HTTP " + res.status);
      const html = await res.text();
      failing = false;
      if (editing(region)) paused.add(region);
      else if (lastHtml.get(region) !== html) { lastHtml.set(region, html); swap(region, html); }
      heard();
      notice();
    } catch {
      failing = true;
    } finally {
      inflight.delete(region);
      render();
      if (again.delete(region)) schedule(region);
    }
  }
  function schedule(region) {
    if (timers.has(region)) return;
    timers.set(region, setTimeout(() => { timers.delete(region); refresh(region); }, 250));
  }
  function onTopic(topic, data) {
    let centerId = null;
    try { centerId = JSON.parse(data).centerId || null; } catch {}
    for (const region of regions) {
      if (!region.dataset.live.split(" ").includes(topic)) continue;
      if (centerId && region.dataset.liveCenter && region.dataset.liveCenter !== centerId) continue;
      schedule(region);
    }
  }

  const source = new EventSource(stream);
  source.addEventListener("hello", () => { connected = true; heard(); regions.forEach(schedule); });
  source.addEventListener("ping", () => { connected = true; heard(); });
  for (const topic of ["rooms", "alerts", "approvals"]) {
    source.addEventListener(topic, (e) => { heard(); onTopic(topic, e.data); });
  }
  source.onerror = () => { connected = false; render(); };
  for (const region of regions) {
    const every = Number(region.dataset.liveEvery);
    if (every > 0) setInterval(() => refresh(region), every * 1000);
  }
  setInterval(() => { if (!connected) regions.forEach(refresh); }, 15000);
  setInterval(render, 1000);
  render();
})();
`;

/**
 * The board's trouble-first look: the summary line, status shapes and borders that differ without
 * colour (solid, dashed, double), the move buttons, the stale state, and a compact header and
 * section nav on a phone so the summary and the first room are above the fold.
 */
export const boardClientStyles = `
.sr-only { position: absolute; width: 1px; height: 1px; padding: 0; margin: -1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; border: 0; }
.live { margin: .15rem 0; }
#live-updated { margin-left: .35rem; }
body.stale #live { color: #8f1d18; font-weight: 700; }
body.stale .center-body { opacity: .75; }
.summary { font-size: 1rem; font-weight: 600; margin: .35rem 0; padding: .45rem .6rem; border-radius: 6px; border-left: 6px solid; background: #fff; }
.summary.trouble { border-color: #8f1d18; background: #fde2e1; color: #5c120f; }
.summary.limit { border-color: #7a4b00; border-left-style: dashed; background: #fff4d6; color: #5c3900; }
.summary.calm { border-color: #14532d; color: #14532d; }
.summary a { color: inherit; }
.icon { font-weight: 700; }
.status .word { font-size: .7rem; opacity: .9; }
.status strong { text-transform: none; letter-spacing: 0; }
.room { border-left-width: 6px; }
.room.critical { border-color: #8f1d18; border-left-style: double; border-left-width: 9px; }
.room.violation { border-color: #c0392b; border-left-style: solid; }
.room.approaching { border-color: #7a4b00; border-left-style: dashed; }
.room:focus { outline: 3px solid #1d4ed8; outline-offset: 2px; }
.status.approaching { border: 1px dashed #7a4b00; }
.status.violation { border: 2px solid #8f1d18; }
.status.critical { border: 3px double #fff; }
.coverage p { margin: .2rem 0; }
.move { display: flex; flex-wrap: wrap; gap: .4rem; margin: .3rem 0; }
.move button { min-height: 44px; }
.open-links { font-size: .9rem; margin: .25rem 0 .5rem; }
@media (max-width: 700px) {
  body { padding-left: .5rem; padding-right: .5rem; }
  h1 { font-size: 1.1rem; margin: .25rem 0 0; }
  h1 small { display: none; }
  .top { padding: .35rem 0; gap: .25rem .5rem; }
  .top .brand { width: auto; margin-right: 0; }
  .top .who { display: none; }
  .top form:not(.switcher) button, .switcher button { min-height: 40px; padding: .35rem .6rem; }
  .switcher { width: auto; flex: 1 1 8rem; }
  .switcher label { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); }
  .switcher select { min-height: 40px; }
  nav.sections ul { flex-wrap: nowrap; overflow-x: auto; -webkit-overflow-scrolling: touch; margin: .25rem 0; scrollbar-width: thin; }
  nav.sections li { flex: 0 0 auto; }
  nav.sections a { min-height: 40px; padding: .6rem .6rem; }
  .center-meta { display: none; }
  .clock { margin: .1rem 0; }
  .summary { margin: .25rem 0; }
}
`;
