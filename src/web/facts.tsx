/**
 * @module web/facts
 * An approval's facts as a director reads them: labelled rows, names for ids, lists for lists,
 * local times for instants. The raw JSON stays behind a "details" toggle.
 */
import type { NameBook } from "./names.js";

/** `expectedArrival` → "Expected arrival"; `childId` → "Child". */
export function factLabel(key: string): string {
  const bare = key.endsWith("Id") && key.length > 2 ? key.slice(0, -2) : key;
  const words = bare
    .replace(/([a-z0-9])([A-Z])/g, "$1 $2")
    .replaceAll("_", " ")
    .toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

const instantPattern = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?Z$/;

/** One value in words: a name for an id, a local time for an instant. */
export function factText(key: string, value: unknown, book: NameBook, timeZone: string): string {
  if (value === null || value === undefined || value === "") return "—";
  if (typeof value === "boolean") return value ? "yes" : "no";
  if (typeof value === "number") return String(value);
  if (typeof value === "string") {
    if (key.endsWith("Id")) return book.person(value) ?? value;
    if (instantPattern.test(value)) return localWhen(value, timeZone);
    return value;
  }
  return JSON.stringify(value);
}

/** `Tue 8 Dec, 12:30 PM`: a center-local time in 12-hour form. */
export function localWhen(iso: string, timeZone: string): string {
  return new Date(iso).toLocaleString("en-US", {
    timeZone,
    weekday: "short",
    month: "short",
    day: "numeric",
    hour: "numeric",
    minute: "2-digit",
  });
}

export function FactsTable({
  facts,
  book,
  timeZone,
}: {
  facts: Record<string, unknown>;
  book: NameBook;
  timeZone: string;
}) {
  const entries = Object.entries(facts).filter(
    // The center's own name and an id already shown by name add nothing.
    ([k, v]) => k !== "centerName" && !(k.endsWith("Name") && facts[`${k.slice(0, -4)}Id`] && v),
  );
  return (
    <table class="facts-table cards">
      <tbody>
        {entries.map(([k, v]) => (
          <tr>
            <th scope="row">{factLabel(k)}</th>
            <td>
              {Array.isArray(v) ? (
                v.length === 0 ? (
                  "none"
                ) : (
                  <ul>
                    {v.map((item) => (
                      <li>
                        {item !== null && typeof item === "object"
                          ? Object.entries(item as Record<string, unknown>)
                              .filter(([ik]) => !(ik.endsWith("Name") && ik !== "familyName"))
                              .map(
                                ([ik, iv]) =>
                                  `${factLabel(ik)}: ${factText(ik, iv, book, timeZone)}`,
                              )
                              .join(" · ")
                          : factText(k, item, book, timeZone)}
                      </li>
                    ))}
                  </ul>
                )
              ) : v !== null && typeof v === "object" ? (
                <FactsTable facts={v as Record<string, unknown>} book={book} timeZone={timeZone} />
              ) : (
                factText(k, v, book, timeZone)
              )}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
