/**
 * How wide a line of chart text is, without a DOM: Arial's advance widths (the metrics of Helvetica,
 * Arial, Liberation Sans, Roboto and Segoe UI are within a few per cent of each other) with a margin for
 * wider fonts such as DejaVu Sans. Charts lay out their labels with this, and the label-overlap tests
 * measure the same way; the browser tests check the real glyph boxes.
 */

// Advance widths in thousandths of an em for printable ASCII (32–126), Arial regular.
const ARIAL = [
  278, 278, 355, 556, 556, 889, 667, 191, 333, 333, 389, 584, 278, 333, 278, 278, 556, 556, 556, 556, 556,
  556, 556, 556, 556, 556, 278, 278, 584, 584, 584, 556, 1015, 667, 667, 722, 722, 667, 611, 778, 722, 278,
  500, 667, 556, 833, 722, 778, 667, 778, 722, 667, 611, 722, 667, 944, 667, 667, 611, 278, 278, 278, 469,
  556, 333, 556, 556, 500, 556, 556, 278, 556, 556, 222, 222, 500, 222, 833, 556, 556, 556, 556, 333, 500,
  278, 556, 500, 722, 500, 500, 500, 334, 260, 334, 584,
];

/** Wider fonts (DejaVu Sans, the Linux default, is 5–15% wider than Arial) must still fit. */
const SAFETY = 1.16;
const BOLD = 1.1;
/** Narrow letters (i, l, j) are not as narrow in wider fonts. */
const NARROWEST = 278;
/** Characters outside ASCII: the ellipsis is a full em; dashes, arrows and the rest about 0.6 em. */
const WIDE = new Map([
  ["…", 1000],
  ["—", 1000],
  ["–", 556],
  ["→", 838],
  ["↓", 838],
  ["×", 838],
]);

/** The width in px of `text` set at `fontSize` px. */
export function textWidth(text: string, fontSize: number, bold = false): number {
  let units = 0;
  for (const ch of text) {
    const code = ch.codePointAt(0)!;
    units += code >= 32 && code <= 126 ? Math.max(NARROWEST, ARIAL[code - 32]!) : (WIDE.get(ch) ?? 600);
  }
  return (units / 1000) * fontSize * SAFETY * (bold ? BOLD : 1);
}

/** The longest prefix of `text` (cut with an ellipsis) that fits in `maxWidth` px. */
export function fitText(text: string, maxWidth: number, fontSize: number, bold = false): string {
  if (textWidth(text, fontSize, bold) <= maxWidth) return text;
  const chars = [...text];
  let lo = 0;
  let hi = chars.length;
  while (lo < hi) {
    const mid = Math.ceil((lo + hi) / 2);
    if (textWidth(`${chars.slice(0, mid).join("").trimEnd()}…`, fontSize, bold) <= maxWidth) lo = mid;
    else hi = mid - 1;
  }
  return lo === 0 ? "…" : `${chars.slice(0, lo).join("").trimEnd()}…`;
}

const CONSONANT = /[b-df-hj-np-tv-z]/i;

/**
 * Words broken into lines no wider than `maxWidth` px; a word too long for a line on its own is split
 * with a hyphen (so "Developmental" becomes "Develop-" / "mental" in a narrow column, never runs on).
 */
export function wrapToWidth(text: string, maxWidth: number, fontSize: number, bold = false): string[] {
  const fits = (s: string) => textWidth(s, fontSize, bold) <= maxWidth;
  const lines: string[] = [];
  for (const word of text.split(/\s+/).filter(Boolean)) {
    const last = lines.at(-1);
    if (last !== undefined && fits(`${last} ${word}`)) {
      lines[lines.length - 1] = `${last} ${word}`;
      continue;
    }
    let rest = word;
    while (!fits(rest) && rest.length > 2) {
      let cut = rest.length - 1;
      while (cut > 1 && !fits(`${rest.slice(0, cut)}-`)) cut--;
      // Prefer to break between two consonants ("Develop-mental", "Sus-tainable"), leaving 3+ letters.
      for (let k = cut; k >= 3; k--) {
        if (rest.length - k >= 3 && CONSONANT.test(rest[k - 1]!) && CONSONANT.test(rest[k]!)) {
          cut = k;
          break;
        }
      }
      lines.push(`${rest.slice(0, cut)}-`);
      rest = rest.slice(cut);
    }
    lines.push(rest);
  }
  return lines;
}
