const MAX_FILE_NAME_LENGTH = 120;

/**
 * The name recorded for an uploaded file: its last path segment only, with anything other than
 * letters, digits, `.`, `-`, `_` and spaces replaced, no leading dots, at most 120 characters.
 * @example sanitiseFileName("../../etc/passwd") // "passwd"
 * @example sanitiseFileName("C:\\Users\\me\\2024 returns.csv") // "2024 returns.csv"
 */
export function sanitiseFileName(name: string): string {
  const base = name.split(/[/\\]/).pop() ?? "";
  const safe = base
    .normalize("NFKC")
    .replace(/[^A-Za-z0-9._\- ]/g, "_")
    .replace(/_{2,}/g, "_")
    .replace(/^[.\s]+/, "")
    .trim()
    .slice(-MAX_FILE_NAME_LENGTH);
  return safe === "" ? "upload" : safe;
}

/** A file whose name contains "synthetic" holds synthetic (demo) returns: the importer marks its waves so. */
export function isSyntheticFileName(name: string): boolean {
  return /synthetic/i.test(name);
}
