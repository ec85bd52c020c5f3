/**
 * @module web/table
 * Pieces the report-like pages repeat: a table that scrolls sideways on a phone under a header row
 * of column names, and the links to a report's CSV and PDF downloads.
 */
import type { Child } from "hono/jsx";

/** `attrs` carries the table's `data-*` markers, which tests and scripts count rows by. */
export function DataTable({
  columns,
  attrs,
  label = "Table",
  children,
}: {
  columns: readonly Child[];
  attrs?: Record<`data-${string}`, string | number>;
  /** Names the scrolling region, which takes focus so a keyboard can scroll it sideways. */
  label?: string;
  children?: Child;
}) {
  return (
    <section class="table-wrap" tabindex={0} aria-label={label}>
      <table {...attrs}>
        <thead>
          <tr>
            {columns.map((name) => (
              <th scope="col">{name}</th>
            ))}
          </tr>
        </thead>
        <tbody>{children}</tbody>
      </table>
    </section>
  );
}

/** "Download CSV · PDF" for a report API URL that already has a query string. */
export function DownloadLinks({ api }: { api: string }) {
  return (
    <>
      Download <a href={`${api}&format=csv`}>CSV</a> · <a href={`${api}&format=pdf`}>PDF</a>
    </>
  );
}
