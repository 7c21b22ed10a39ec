import { type ExportRequest, exportUrl } from "../api/export";

/** A link to the CSV of exactly what the view shows (and the JSON beside it). */
export function CsvLink({
  request,
  label = "Download CSV of this view",
}: {
  request: ExportRequest;
  label?: string;
}) {
  return (
    <span className="csv-links">
      <a className="button-link" href={exportUrl(request, "csv")} download>
        {label}
      </a>{" "}
      <a href={exportUrl(request, "json")}>JSON</a>
    </span>
  );
}
