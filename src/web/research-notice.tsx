/**
 * @module web/research-notice
 * The staff page's note on how far a jurisdiction's credential requirements were researched, so a
 * director never reads an empty or authoritative-looking matrix as the state's law.
 */

export interface ResearchedColumns {
  pack: unknown;
  columns: { unconfirmed: boolean }[];
  trainingColumns: { unconfirmed: boolean }[];
}

/**
 * How far the jurisdiction's credential requirements were researched: none (no pack, or every
 * requirement UNCONFIRMED) says so plainly instead of leaving an empty or authoritative-looking
 * matrix; some marks the unconfirmed columns.
 */
export function ResearchNotice({
  matrix,
  jurisdiction,
}: {
  matrix: ResearchedColumns;
  jurisdiction: string;
}) {
  const cols = [...matrix.columns, ...matrix.trainingColumns];
  if (matrix.pack === null || cols.length === 0) {
    return (
      <p class="notice" data-research="none">
        Credential requirements for {jurisdiction} are not yet researched: no credentials are
        checked here. Check the state's rules directly.
      </p>
    );
  }
  if (cols.every((col) => col.unconfirmed)) {
    return (
      <p class="notice" data-research="none">
        Credential requirements for {jurisdiction} are not yet researched: the columns below are a
        common core (marked †) with no regulation text read, kept so records can be tracked. Check
        them against the state's rules before relying on them.
      </p>
    );
  }
  if (!cols.some((col) => col.unconfirmed)) return null;
  return (
    <p class="notice" data-research="partial">
      Requirements marked † cite no regulation text yet (UNCONFIRMED); check them against the
      state's rules before relying on them.
    </p>
  );
}
