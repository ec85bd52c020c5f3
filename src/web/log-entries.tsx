/**
 * @module web/log-entries
 * A daily log's entries as form fields: what (nap, meal, diaper, activity), from and until in the
 * center's local 12-hour time ("12:30 PM"), and the words. Read back into the platform call's
 * entries (instants), on the day each entry was on; a row left blank or ticked "remove" drops out.
 */
import type { LogEntry } from "../approvals/platform-call.js";
import { instantToZoned, zonedDateTimeToInstant } from "../domain/time.js";

const entryTypes: LogEntry["type"][] = ["meal", "nap", "diaper", "activity"];
const typeLabel: Record<LogEntry["type"], string> = {
  meal: "Meal",
  nap: "Nap",
  diaper: "Diaper / toileting",
  activity: "Activity",
};

/** `13:05` → `1:05 PM`. */
export function to12h(hhmm: string): string {
  const [h = 0, m = 0] = hhmm.split(":").map(Number);
  const suffix = h < 12 ? "AM" : "PM";
  const hour = h % 12 === 0 ? 12 : h % 12;
  return `${hour}:${String(m).padStart(2, "0")} ${suffix}`;
}

/** `12:30 PM`, `12:30pm`, `1 pm`, `13:05` → `HH:MM`; undefined when it is not a time. */
export function from12h(text: string): string | undefined {
  const m = /^\s*(\d{1,2})(?:[:.](\d{2}))?\s*([ap])?\.?\s*m?\.?\s*$/i.exec(text);
  if (!m) return undefined;
  let hour = Number(m[1]);
  const minute = Number(m[2] ?? "0");
  const half = m[3]?.toLowerCase();
  if (minute > 59) return undefined;
  if (half) {
    if (hour < 1 || hour > 12) return undefined;
    hour = (hour % 12) + (half === "p" ? 12 : 0);
  } else if (hour > 23 || m[2] === undefined) {
    return undefined;
  }
  return `${String(hour).padStart(2, "0")}:${String(minute).padStart(2, "0")}`;
}

const localClock = (iso: string, timeZone: string) =>
  to12h(instantToZoned(new Date(iso), timeZone).time.slice(0, 5));

/** The fields for each entry, plus one blank row to add an entry. */
export function LogEntryFields({
  entries,
  timeZone,
}: {
  entries: readonly LogEntry[];
  timeZone: string;
}) {
  const rows: (LogEntry | null)[] = [...entries, null];
  return (
    <div data-entries={entries.length}>
      {rows.map((e, i) => {
        const id = (f: string) => `entry-${i}-${f}`;
        const name = (f: string) => `entry.${i}.${f}`;
        return (
          <fieldset class="entry" data-entry={i}>
            <legend>{e ? `Entry ${i + 1}` : "Add an entry"}</legend>
            <label for={id("type")}>What</label>
            <select id={id("type")} name={name("type")}>
              {e ? null : <option value="">—</option>}
              {entryTypes.map((t) => (
                <option value={t} selected={e?.type === t}>
                  {typeLabel[t]}
                </option>
              ))}
            </select>
            <label for={id("start")}>From</label>
            <input
              id={id("start")}
              name={name("start")}
              inputmode="text"
              placeholder="12:30 PM"
              value={e ? localClock(e.start, timeZone) : ""}
            />
            <label for={id("end")}>Until (optional)</label>
            <input
              id={id("end")}
              name={name("end")}
              placeholder="2:00 PM"
              value={e?.end ? localClock(e.end, timeZone) : ""}
            />
            <label for={id("detail")}>Words</label>
            <input
              id={id("detail")}
              name={name("detail")}
              value={e?.detail ?? ""}
              maxlength={500}
            />
            {e ? (
              <label class="inline">
                <input type="checkbox" name={name("remove")} value="1" /> Remove this entry
              </label>
            ) : null}
          </fieldset>
        );
      })}
    </div>
  );
}

export type EntriesFromForm = { ok: true; entries: LogEntry[] } | { ok: false; field: string };

/**
 * Reads the fields back. Times are on the local date of the entry they edit (a new entry: the
 * log's first entry's date, else `fallbackDate`). An unreadable time names its field.
 */
export function entriesFromForm(
  form: Record<string, unknown>,
  original: readonly LogEntry[],
  timeZone: string,
  fallbackDate: string,
): EntriesFromForm {
  const text = (k: string) => {
    const v = form[k];
    return typeof v === "string" ? v.trim() : "";
  };
  const firstDay = original[0] ? instantToZoned(new Date(original[0].start), timeZone).date : null;
  const entries: LogEntry[] = [];
  for (let i = 0; i <= original.length; i++) {
    const prior = original[i];
    const type = text(`entry.${i}.type`);
    if (text(`entry.${i}.remove`) || (!prior && !type)) continue;
    const parsedType = entryTypes.find((t) => t === type);
    if (!parsedType) return { ok: false, field: `entry ${i + 1}: what` };
    const day = prior
      ? instantToZoned(new Date(prior.start), timeZone).date
      : (firstDay ?? fallbackDate);
    const at = (field: "start" | "end") => {
      const raw = text(`entry.${i}.${field}`);
      if (raw === "") return null;
      const hhmm = from12h(raw);
      return hhmm ? zonedDateTimeToInstant(day, hhmm, timeZone).toISOString() : undefined;
    };
    const start = at("start");
    if (!start) return { ok: false, field: `entry ${i + 1}: from` };
    const end = at("end");
    if (end === undefined) return { ok: false, field: `entry ${i + 1}: until` };
    entries.push({ type: parsedType, start, end, detail: text(`entry.${i}.detail`).slice(0, 500) });
  }
  return { ok: true, entries };
}
