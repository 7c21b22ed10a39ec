import type { ViewState } from "../url/url-state";

/** A shared control on a given view: used (with an optional note on what it applies to), or not, and why. */
export type ControlScope = { applies: true; note?: string } | { applies: false; reason: string };

export interface ControlScopes {
  metric: ControlScope;
  wave: ControlScope;
  level: ControlScope;
}

const USED: ControlScope = { applies: true };

/**
 * Which of the shared filters a view uses. A filter a view ignores is disabled with the reason beside
 * it, so nobody reads "Regions" over a chart of nations; one that applies to part of a view says which.
 */
export function controlScopes(state: Pick<ViewState, "tab" | "org">): ControlScopes {
  switch (state.tab) {
    case "map":
    case "table":
    case "compare":
      return { metric: USED, wave: USED, level: USED };
    case "chart":
      return {
        metric: USED,
        wave: { applies: true, note: "For the ranking; the trend shows every wave." },
        level: { applies: true, note: "For the ranking; the trend shows the UK and each nation." },
      };
    case "gaps":
      return {
        metric: { applies: false, reason: "Not used by Gaps: it ranks areas by provision and places." },
        wave: USED,
        level: USED,
      };
    case "change":
      return {
        metric: { applies: false, reason: "Not used by Stages and factors: they count organisations." },
        wave: {
          applies: true,
          note: "For facilitators and barriers; the transitions choose their own waves.",
        },
        level: { applies: false, reason: "Not used by Stages and factors: they cover every organisation." },
      };
    case "organisation":
      return {
        metric: { applies: false, reason: "Not used by journeys: they show provision and stage." },
        wave: state.org
          ? { applies: false, reason: "Not used by a journey: it shows every wave." }
          : { applies: true, note: "Lists the organisations surveyed in this wave." },
        level: { applies: false, reason: "Not used by journeys: organisations are listed across the UK." },
      };
  }
}

/** The sentence shown under a control for its scope, if any. */
export function scopeText(scope: ControlScope): string | null {
  return scope.applies ? (scope.note ?? null) : scope.reason;
}
