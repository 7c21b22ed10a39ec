import { type NeedParameterId, parseNeedAssumptions } from "@atlas/domain";

/**
 * The message for one field of the need form, or null when its text is a valid value: the domain's rules,
 * so the form refuses exactly what the API would.
 * @example fieldProblem("groupSize", "20") // "20 is outside the allowed range; groupSize (…) must be a whole number from 8 to 15 participants"
 */
export function fieldProblem(id: NeedParameterId, text: string): string | null {
  if (text.trim() === "") return "Enter a value, or reset to the defaults.";
  return parseNeedAssumptions({ [id]: text }).problems[0]?.message ?? null;
}
