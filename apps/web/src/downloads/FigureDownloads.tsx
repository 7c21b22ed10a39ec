import { useState } from "react";
import { useExportContext } from "./use-export-context";

export interface FigureDownloadsProps {
  /** Builds the figure's SVG when asked (may import heavy modules lazily). */
  build: () => Promise<string> | string;
  title: string;
  filters: string[];
  synthetic: boolean;
  /** Words for the file name, e.g. ["map", "offering_pct", "2026", "region"]. */
  fileParts: string[];
  /** A figure of other data than the survey (real context): its own source and licence on the file. */
  attribution?: { source: string; licence: string };
}

/** "SVG" and "PNG" buttons for one figure; each file carries title, filters, source, licence and notice. */
export function FigureDownloads({
  build,
  title,
  filters,
  synthetic,
  fileParts,
  attribution,
}: FigureDownloadsProps) {
  const context = useExportContext();
  const [error, setError] = useState<string | null>(null);
  const download = async (format: "svg" | "png") => {
    setError(null);
    try {
      const [{ figureForDownload, downloadName }, save] = await Promise.all([
        import("./export-svg"),
        import("./save"),
      ]);
      const figure = figureForDownload(await build(), {
        ...context(title, filters, synthetic),
        ...attribution,
      });
      const name = downloadName(fileParts, synthetic, format);
      if (format === "svg") save.saveSvg(figure.svg, name);
      else await save.savePng(figure.svg, figure.width, figure.height, name);
    } catch (cause) {
      setError(
        `The ${format.toUpperCase()} could not be made: ${cause instanceof Error ? cause.message : String(cause)}`,
      );
    }
  };
  return (
    <span className="figure-downloads">
      <button type="button" onClick={() => void download("svg")} aria-label={`Download ${title} as SVG`}>
        SVG
      </button>
      <button type="button" onClick={() => void download("png")} aria-label={`Download ${title} as PNG`}>
        PNG
      </button>
      {error ? (
        <span role="alert" className="download-error">
          {error}
        </span>
      ) : null}
    </span>
  );
}
