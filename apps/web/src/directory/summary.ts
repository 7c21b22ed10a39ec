import type { ViewState } from "../url/url-state";

/** The directory's page heading, also the title's view name. */
export const DIRECTORY_TITLE = "Organisation directory";

/**
 * What the directory lists, in words: the open/closed filter, the search, the region.
 * @example directorySummary({ q: "leeds", status: "closed" }, null) // "Closed organisations matching “leeds”"
 */
export function directorySummary(
  { q, status }: Pick<ViewState, "q" | "status">,
  regionName: string | null,
): string | null {
  const search = q.trim();
  if (!search && status === "all" && !regionName) return null;
  const noun = status === "all" ? "Organisations" : `${status === "open" ? "Open" : "Closed"} organisations`;
  return [noun, search ? `matching “${search}”` : null, regionName ? `in ${regionName}` : null]
    .filter(Boolean)
    .join(" ");
}
