import { useQuery } from "@tanstack/react-query";
import { useCallback } from "react";
import { areasQuery } from "../api/queries";
import type { ExportContext } from "./export-svg";

const SURVEY_SOURCE = "MBCT provision survey of NHS organisations (MBCT Access Atlas)";

/**
 * Builds the source/licence/filters block for a download at the moment of the click, from the API's
 * attribution, so every file says where its numbers came from and under what licence.
 */
export function useExportContext() {
  const areas = useQuery(areasQuery(null));
  return useCallback(
    (title: string, filters: string[], synthetic: boolean): ExportContext => {
      const attribution = areas.data?.attribution;
      return {
        title,
        filters,
        synthetic,
        source: `${SURVEY_SOURCE}${synthetic ? " (synthetic demonstration waves)" : ""}; geography and populations: ${attribution?.statements.join(" ") || "ONS, NRS, NISRA"}`,
        licence: attribution
          ? `${attribution.licence} (${attribution.licenceUrl})`
          : "Open Government Licence v3.0",
        exportedAt: new Date().toISOString(),
      };
    },
    [areas.data],
  );
}
