/**
 * The words that tell a reader the survey values are synthetic. The server writes them into the page it
 * serves (so they are there before any script runs) and the dashboard uses the same words when it has to
 * show the notice itself, so the two never differ.
 */
export type SyntheticExtent = "all" | "some";

export interface NoticeWords {
  /** Bold lead, read first. */
  lead: string;
  body: string;
  /** Left out on narrow screens, where every line pushes the map down. */
  more: string;
}

export const SYNTHETIC_DATA_NOTICE: Record<SyntheticExtent, NoticeWords> = {
  all: {
    lead: "Synthetic demonstration data.",
    body: "The survey values here are generated for demonstration, not real survey returns: do not use them for decisions.",
    more: "Boundaries, populations and organisations are real.",
  },
  some: {
    lead: "Includes synthetic demonstration data.",
    body: "Waves marked “synthetic” are generated for demonstration, not real survey returns: do not use them for decisions.",
    more: "Boundaries, populations and organisations are real.",
  },
};
