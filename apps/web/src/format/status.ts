/**
 * The words for statuses and comparisons live in @atlas/domain (display/words.ts), shared with the API's
 * downloads so the screen and every file say the same thing; re-exported here for the views.
 */
export {
  COMPARISON_LABELS,
  COMPARISON_WORDS,
  MISSING_STATUSES,
  type MissingStatus,
  STATUS_LABELS,
  STATUS_WORDS,
} from "@atlas/domain";
