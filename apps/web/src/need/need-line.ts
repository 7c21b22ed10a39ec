import {
  DEFAULT_NEED_ASSUMPTIONS,
  isDefaultNeed,
  NEED_PARAMETER_IDS,
  type NeedAssumptions,
} from "@atlas/domain";
import type { NeedInUrl } from "../url/url-state";

/**
 * The one line every need figure carries: which assumptions it was computed with, so a number never
 * travels without them.
 */

const count = (n: number) => n.toLocaleString("en-GB", { maximumFractionDigits: 2 });

/** The assumptions in force: the defaults with the URL's changes. */
export function assumptionsInForce(need: NeedInUrl): NeedAssumptions {
  return { ...DEFAULT_NEED_ASSUMPTIONS, ...need };
}

/**
 * @example assumptionsLine(DEFAULT_NEED_ASSUMPTIONS)
 *   // "Need: 580,000 at risk × 15% commissioned; groups of 12; 1 teacher per course; 2 courses a teacher a year; £112 a place (2015 prices)"
 */
export function assumptionsLine(a: NeedAssumptions): string {
  return [
    `Need: ${count(a.atRisk)} at risk × ${count(a.commissionPct)}% commissioned`,
    `groups of ${count(a.groupSize)}`,
    `${count(a.teachersPerCourse)} teacher${a.teachersPerCourse === 1 ? "" : "s"} per course`,
    `${count(a.coursesPerTeacher)} course${a.coursesPerTeacher === 1 ? "" : "s"} a teacher a year`,
    `£${count(a.costPerPlace)} a place (2015 prices)`,
  ].join("; ");
}

/** How many assumptions differ from their defaults ("" when none), for the marker beside the line. */
export function changedMarker(a: NeedAssumptions): string {
  if (isDefaultNeed(a)) return "";
  const n = NEED_PARAMETER_IDS.filter((id) => a[id] !== DEFAULT_NEED_ASSUMPTIONS[id]).length;
  return `${n} assumption${n === 1 ? "" : "s"} changed from the defaults`;
}
