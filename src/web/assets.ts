/**
 * @module web/assets
 * The board's inline CSS and script. Inline so the page works offline with no asset pipeline.
 */

export const boardStyles = `
:root { font-family: system-ui, sans-serif; color: #1d2430; background: #f5f6f8; }
body { margin: 0 auto; max-width: 1400px; padding: 1rem 1.5rem; }
h1 { font-size: 1.4rem; margin: 0 0 .25rem; }
h2 { font-size: 1.15rem; margin: 1.5rem 0 .25rem; }
h2 small, .clock, .live { color: #5b6574; font-weight: normal; font-size: .85rem; }
.rooms { display: grid; grid-template-columns: repeat(auto-fill, minmax(260px, 1fr)); gap: .75rem; }
.room { background: #fff; border: 1px solid #d8dce3; border-radius: 8px; padding: .75rem; }
.room header { display: flex; flex-wrap: wrap; justify-content: space-between; align-items: baseline; gap: 0 .5rem; }
.room h3 { font-size: 1rem; margin: 0; }
.counts { font-size: .85rem; white-space: nowrap; }
.status { font-size: .75rem; margin: .35rem 0; padding: .15rem .4rem; border-radius: 4px; }
.status.pending { background: #eef0f3; color: #5b6574; }
.status.ok { background: #e3f4e8; color: #14532d; }
.status.approaching { background: #fff4d6; color: #7a4b00; }
.status.violation { background: #fde2e1; color: #8f1d18; }
.status.critical { background: #8f1d18; color: #fff; }
.status strong { text-transform: uppercase; letter-spacing: .03em; }
.status .reasons { margin-top: .2rem; }
.status details { margin-top: .2rem; }
.status summary { cursor: pointer; }
.explanation { margin: .25rem 0 0; padding-left: 1rem; }
.alert { font-size: .75rem; margin: .25rem 0; padding: .15rem .4rem; border-radius: 4px; border-left: 4px solid; }
.alert.approaching { border-color: #d89b00; background: #fffaf0; }
.alert.violation { border-color: #c0392b; background: #fff5f4; }
.alert.critical { border-color: #8f1d18; background: #fde2e1; font-weight: 600; }
.outlook p { font-size: .75rem; margin: .2rem 0; color: #3a4350; }
.forecast.breach { color: #8f1d18; font-weight: 600; }
.coverage { background: #eef5ff; border-radius: 4px; padding: .15rem .4rem; }
.people { display: grid; grid-template-columns: 1fr 1fr; gap: .5rem; }
.people h4 { font-size: .75rem; text-transform: uppercase; color: #5b6574; margin: .25rem 0; }
.people ul { margin: 0; padding-left: 1rem; font-size: .8rem; }
.people small { color: #5b6574; margin-left: .25rem; }
.break { color: #8a5a00; }
.tag { background: #fff1d6; border-radius: 3px; padding: 0 .25rem; }
.sign-out { float: right; font-size: .85rem; color: #5b6574; }
.sign-out button { font: inherit; margin-left: .25rem; }
`;

export const boardScript = `
(() => {
  const live = document.getElementById("live");
  const pending = new Map();
  async function refresh(centerId) {
    const slot = document.querySelector('[data-center="' + CSS.escape(centerId) + '"] .center-slot');
    if (!slot) return location.reload();
    const res = await fetch("/board/centers/" + encodeURIComponent(centerId));
    if (res.ok) slot.innerHTML = await res.text();
  }
  function schedule(centerId) {
    if (pending.has(centerId)) return;
    pending.set(centerId, setTimeout(() => { pending.delete(centerId); refresh(centerId); }, 250));
  }
  function all() {
    document.querySelectorAll("[data-center]").forEach((el) => schedule(el.dataset.center));
  }
  const source = new EventSource("/board/stream");
  source.addEventListener("hello", () => { live.textContent = "live: updates as events arrive"; all(); });
  source.addEventListener("rooms", (e) => schedule(JSON.parse(e.data).centerId));
  source.onerror = () => { live.textContent = "reconnecting… (refreshing every 10 s meanwhile)"; };
  setInterval(() => { if (source.readyState !== 1) all(); }, 10000);
})();
`;
