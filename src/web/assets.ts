/**
 * @module web/assets
 * The pages' inline CSS (the live script is in `live-client.ts`). Inline so the page works offline
 * with no asset pipeline.
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

/**
 * The signed-in pages: layout, tables, forms, the timeline chart. Phone first: one column under
 * 700px, tap targets at least 44px, a visible focus ring on everything that takes focus.
 */
export const appStyles = `
* { box-sizing: border-box; }
body { padding: 0 1rem 2rem; }
a { color: #1d4ed8; }
:focus-visible { outline: 3px solid #1d4ed8; outline-offset: 2px; }
.skip { position: absolute; left: -999px; }
.skip:focus { left: 1rem; top: .5rem; background: #fff; padding: .5rem; z-index: 10; }
.top { display: flex; flex-wrap: wrap; align-items: center; gap: .5rem 1rem; padding: .75rem 0; border-bottom: 1px solid #d8dce3; }
.top .brand { font-weight: 700; margin-right: auto; color: inherit; text-decoration: none; }
.top .who { font-size: .85rem; color: #3a4350; }
.switcher { display: flex; gap: .25rem; align-items: center; min-width: 0; max-width: 100%; }
.switcher select { flex: 1 1 auto; min-width: 0; }
nav.sections ul { list-style: none; display: flex; flex-wrap: wrap; gap: .25rem; margin: .5rem 0; padding: 0; }
nav.sections a { display: inline-block; min-height: 44px; padding: .7rem .8rem; border-radius: 6px; text-decoration: none; color: #1d2430; }
nav.sections a[aria-current="page"] { background: #1d2430; color: #fff; }
button, .button, select, input, textarea { font: inherit; }
button, .button { min-height: 44px; padding: .55rem .9rem; border-radius: 6px; border: 1px solid #1d2430; background: #fff; color: #1d2430; cursor: pointer; text-decoration: none; display: inline-block; }
button.primary { background: #14532d; border-color: #14532d; color: #fff; }
button.danger { background: #8f1d18; border-color: #8f1d18; color: #fff; }
input, select, textarea { min-height: 44px; padding: .4rem .5rem; border: 1px solid #8a94a3; border-radius: 6px; background: #fff; max-width: 100%; }
textarea { width: 100%; min-height: 6rem; }
label { display: block; font-size: .85rem; font-weight: 600; margin: .5rem 0 .2rem; }
label.inline { display: inline-flex; align-items: center; gap: .35rem; font-weight: normal; margin: 0 .75rem 0 0; min-height: 44px; }
label.inline input { min-height: auto; width: 1.25rem; height: 1.25rem; }
fieldset { border: 1px solid #d8dce3; border-radius: 8px; margin: .75rem 0; padding: .5rem .75rem; }
legend { font-weight: 600; }
.filters { display: flex; flex-wrap: wrap; gap: .5rem 1rem; align-items: flex-end; }
.filters label { margin-top: 0; }
.table-wrap { overflow-x: auto; -webkit-overflow-scrolling: touch; }
table { border-collapse: collapse; width: 100%; background: #fff; font-size: .85rem; }
th, td { text-align: left; vertical-align: top; padding: .45rem .5rem; border-bottom: 1px solid #e3e6eb; }
th { background: #eef0f3; }
.badge { display: inline-block; font-size: .75rem; padding: .1rem .4rem; border-radius: 4px; background: #eef0f3; }
.badge.template { background: #fff1d6; color: #7a4b00; font-weight: 700; border: 1px solid #d89b00; }
.badge.ok { background: #e3f4e8; color: #14532d; }
.badge.approaching { background: #fff4d6; color: #7a4b00; }
.badge.violation { background: #fde2e1; color: #8f1d18; }
.badge.critical { background: #8f1d18; color: #fff; }
.notice { padding: .6rem .8rem; border-radius: 6px; margin: .75rem 0; border-left: 5px solid; background: #fff; }
.notice.good { border-color: #14532d; }
.notice.bad { border-color: #8f1d18; background: #fff5f4; }
.notice.warn { border-color: #d89b00; background: #fffaf0; }
.side { display: grid; grid-template-columns: 1fr 1fr; gap: 1rem; }
.panel { background: #fff; border: 1px solid #d8dce3; border-radius: 8px; padding: .75rem; min-width: 0; }
.panel h3 { margin-top: 0; font-size: 1rem; }
pre { white-space: pre-wrap; word-break: break-word; background: #f5f6f8; padding: .5rem; border-radius: 6px; font-size: .8rem; }
dl.facts { display: grid; grid-template-columns: max-content 1fr; gap: .2rem .75rem; font-size: .85rem; }
dl.facts dt { font-weight: 600; }
dl.facts dd { margin: 0; word-break: break-word; }
.actions { display: flex; flex-wrap: wrap; gap: .75rem; align-items: flex-start; }
.actions form { flex: 1 1 16rem; }
.errors { color: #8f1d18; }
.field-error { color: #8f1d18; font-size: .8rem; margin: .15rem 0; }
.ack { display: inline; margin-left: .5rem; }
.ack button { min-height: 36px; padding: .2rem .6rem; font-size: .8rem; }
.chart svg { width: 100%; height: auto; background: #fff; border: 1px solid #d8dce3; border-radius: 8px; }
.legend { display: flex; flex-wrap: wrap; gap: .5rem 1rem; list-style: none; padding: 0; font-size: .85rem; }
.legend span { display: inline-block; width: 1rem; height: 1rem; vertical-align: middle; margin-right: .3rem; border-radius: 3px; }
.muted { color: #5b6574; }
@media (max-width: 700px) {
  body { padding: 0 .6rem 2rem; }
  .side { grid-template-columns: 1fr; }
  .rooms { grid-template-columns: 1fr; }
  .top .brand { width: 100%; }
  .switcher { width: 100%; }
}
`;

/** The live client every page with a stream runs (see `live-client.ts`). */
export { liveScript as appScript } from "./live-client.js";
