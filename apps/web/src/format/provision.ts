import { type Provision, STAGE_LABELS, type Stage, vocabularyLabel } from "@atlas/domain";

/**
 * Provision colours for organisation points and journey bars (Okabe–Ito hues for the four answers,
 * greys and white for the non-answers). Always shown with a word or shape as well, never colour alone.
 */
export const PROVISION_COLOURS: Record<Provision, string> = {
  routine: "#0072B2",
  limited: "#56B4E9",
  paused: "#E69F00",
  none: "#D55E00",
  not_applicable: "#c7c7c7",
  no_response: "#ffffff",
  withheld: "#7b8794",
};

/** Short provision wording for tight places (legends, chart bars). */
export const PROVISION_SHORT: Record<Provision, string> = {
  routine: "Routine",
  limited: "Limited",
  paused: "Paused",
  none: "None",
  not_applicable: "Not applicable",
  no_response: "No response",
  withheld: "Withheld",
};

// Acronyms the generic snake_case wording would lower-case.
const ACRONYMS: Record<string, string> = { nice: "NICE", nhs: "NHS", icb: "ICB", mbct: "MBCT", cpd: "CPD" };

/** A stage, provision or other vocabulary value in words, e.g. `nice_guidance` → "NICE guidance". */
export function vocabularyWords(value: string): string {
  if (value in STAGE_LABELS) return STAGE_LABELS[value as Stage];
  if (value in PROVISION_SHORT) return PROVISION_SHORT[value as Provision];
  return vocabularyLabel(value)
    .split(" ")
    .map((word) => ACRONYMS[word.toLowerCase()] ?? word)
    .join(" ");
}
