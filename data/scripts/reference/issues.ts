/** Constructors and filters for validation issues, shared by the checks. */
import type { Issue } from "./schema";

export const error = (check: string, code: string, message: string): Issue => ({
  severity: "error",
  check,
  code,
  message,
});
export const warning = (check: string, code: string, message: string): Issue => ({
  severity: "warning",
  check,
  code,
  message,
});

export function duplicates(codes: string[]): string[] {
  const seen = new Set<string>();
  const dupes = new Set<string>();
  for (const c of codes) {
    if (seen.has(c)) dupes.add(c);
    seen.add(c);
  }
  return [...dupes].sort();
}

export const errorsOf = (issues: Issue[]): Issue[] => issues.filter((i) => i.severity === "error");
export const warningsOf = (issues: Issue[]): Issue[] => issues.filter((i) => i.severity === "warning");
