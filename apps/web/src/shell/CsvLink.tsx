import { useState } from "react";
import { adminSession } from "../api/admin-session";
import { type ExportRequest, exportUrl, fetchDraftExport } from "../api/export";
import { saveBlob } from "../downloads/save";
import { errorText } from "../survey-team/error-text";

/**
 * A link to the CSV of exactly what the view shows (and the JSON beside it). In the survey team's draft
 * preview they are buttons that fetch the file with the admin token, drafts included, so the download is
 * what the preview shows; a link there would be the public file, and could be opened or shared without it.
 */
export function CsvLink({
  request,
  label = "Download CSV of this view",
}: {
  request: ExportRequest;
  label?: string;
}) {
  const preview = adminSession().previewToken();
  if (preview) return <DraftDownloads request={request} label={label} token={preview} />;
  return (
    <span className="csv-links">
      <a className="button-link" href={exportUrl(request, "csv")} download>
        {label}
      </a>{" "}
      <a href={exportUrl(request, "json")}>JSON</a>
    </span>
  );
}

function DraftDownloads({ request, label, token }: { request: ExportRequest; label: string; token: string }) {
  const [busy, setBusy] = useState<"csv" | "json" | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const download = async (format: "csv" | "json") => {
    setBusy(format);
    setFailure(null);
    try {
      const file = await fetchDraftExport(request, format, token);
      saveBlob(file.blob, file.fileName ?? `atlas-${request.view}-draft-preview.${format}`);
    } catch (error) {
      setFailure(`The ${format.toUpperCase()} was not downloaded: ${errorText(error)}`);
    } finally {
      setBusy(null);
    }
  };
  return (
    <span className="csv-links">
      <button
        type="button"
        className="button-link"
        onClick={() => void download("csv")}
        disabled={busy !== null}
        title="Draft preview: the file holds the draft waves"
      >
        {label}
      </button>{" "}
      <button type="button" onClick={() => void download("json")} disabled={busy !== null}>
        JSON
      </button>
      {failure ? (
        <span className="query-error" role="alert">
          {failure}
        </span>
      ) : null}
    </span>
  );
}
