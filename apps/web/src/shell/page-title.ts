import { LEVEL_NOUNS } from "../controls/LevelSwitch";
import { DIRECTORY_TITLE, directorySummary } from "../directory/summary";
import type { ViewState } from "../url/url-state";
import { TAB_LABELS } from "./Tabs";

export const SITE_NAME = "MBCT Access Atlas";

/** What the title is made of; names the page has not loaded yet are left out. */
export interface TitleParts {
  state: ViewState;
  metricTitle: string | null;
  wave: string | null;
  /** The selected area's name (panel open, brief). */
  areaName: string | null;
  /** The organisation whose journey is open. */
  orgName: string | null;
  /** Names of the areas being compared. */
  compareNames: string[];
  /** The directory's region filter, by name. */
  regionName?: string | null;
}

const short = (name: string) => name.replace(/ Integrated Care Board$/, " ICB");

/**
 * The page title: what is on screen first (the area, the metric and wave), then the view, then the
 * site, so a tab strip, a bookmark or a screen reader's window list says which view it is.
 * @example pageTitle({ state: { tab: "map", level: "region", ... }, metricTitle: "Organisations offering MBCT", wave: "2026", ... })
 *   // "Organisations offering MBCT, 2026: regions · Map · MBCT Access Atlas"
 */
export function pageTitle(parts: TitleParts): string {
  const { state, metricTitle, wave, areaName, orgName, compareNames } = parts;
  const join = (...pieces: Array<string | null | false>) =>
    [...pieces.filter((p): p is string => Boolean(p)), SITE_NAME].join(" · ");
  const area = areaName ? short(areaName) : null;
  if (state.view === "brief") return join(area ? `Area brief: ${area}` : "Area brief", wave);
  if (state.view === "directory")
    return join(directorySummary(state, parts.regionName ?? null), DIRECTORY_TITLE);
  if (state.view === "survey-team")
    return join(state.wave ? `Survey team: wave ${state.wave}` : "Survey team");
  const view = TAB_LABELS[state.tab];
  const metricWave = metricTitle ? `${metricTitle}${wave ? `, ${wave}` : ""}` : wave;
  const levelled = (what: string | null) => (what ? `${what}: ${LEVEL_NOUNS[state.level]}` : null);
  switch (state.tab) {
    case "map":
    case "chart":
    case "table":
      return join(area, levelled(metricWave), view);
    case "gaps":
      return join(area, levelled(`Gaps in provision${wave ? `, ${wave}` : ""}`), view);
    case "compare":
      return join(compareNames.length > 0 ? compareNames.map(short).join(", ") : null, metricWave, view);
    case "change":
      return join(wave, view);
    case "organisation":
      return join(orgName, view);
  }
}
