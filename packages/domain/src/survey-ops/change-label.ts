/** Longest name an importer may give with `--by` / `?by=`. */
export const MAX_CHANGE_LABEL_LENGTH = 60;

/** Letters, digits, spaces and `. , ' @ _ - ( ) +`: a person's or team's name, initials or an e-mail address. */
const LABEL = /^[\p{L}\p{M}\p{N} .,'@_\-()+]+$/u;

export type ChangeLabel = { ok: true; label: string | null } | { ok: false; message: string };

/**
 * Reads the name a person gives for who made a change (`--by NAME`, `?by=NAME`), recorded with every import
 * and publication beside the technical origin (`cli:<user>`, `api:<address>`). Trimmed, inner spaces
 * collapsed; blank or absent means none given.
 * @example parseChangeLabel(" Survey  team ") // { ok: true, label: "Survey team" }
 */
export function parseChangeLabel(raw: string | undefined): ChangeLabel {
  if (raw === undefined) return { ok: true, label: null };
  const label = raw.normalize("NFC").trim().replace(/\s+/g, " ");
  if (label === "") return { ok: true, label: null };
  if (label.length > MAX_CHANGE_LABEL_LENGTH) {
    return {
      ok: false,
      message: `by: is ${label.length} characters long; at most ${MAX_CHANGE_LABEL_LENGTH} (a name or initials)`,
    };
  }
  if (!LABEL.test(label)) {
    return {
      ok: false,
      message:
        "by: use letters, digits, spaces and . , ' @ _ - ( ) + only (a name, initials or an e-mail address)",
    };
  }
  return { ok: true, label };
}
