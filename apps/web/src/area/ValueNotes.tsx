import type { AreaValue, Metric } from "@atlas/domain";
import { boundWords } from "../format/comparison";
import { smallBaseNote } from "../map/small-base";

/** The small base a value rests on and whether it is a bound, beside the headline value. */
export function ValueNotes({ row, metric }: { row: AreaValue; metric: Pick<Metric, "id" | "unit"> }) {
  const small = smallBaseNote(row, metric);
  const bound = row.status === "ok" ? boundWords(row, metric.unit) : null;
  return (
    <>
      {small ? (
        <p className="small-base-note" data-testid="small-base-note">
          {small}
        </p>
      ) : null}
      {bound ? (
        <p className="bound-note" data-testid="bound-note">
          {bound}
        </p>
      ) : null}
    </>
  );
}
