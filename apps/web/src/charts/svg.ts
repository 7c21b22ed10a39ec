/**
 * A few helpers for building SVG as strings. Charts are pure functions of data and size that return SVG
 * text: the same string is put in the page, downloaded, rasterised to PNG and asserted on in unit tests,
 * with no DOM needed anywhere.
 */

const ESCAPES: Record<string, string> = {
  "&": "&amp;",
  "<": "&lt;",
  ">": "&gt;",
  '"': "&quot;",
  "'": "&#39;",
};

/** Escapes text for element content and attribute values. */
export function esc(text: string | number): string {
  return String(text).replace(/[&<>"']/g, (ch) => ESCAPES[ch]!);
}

type AttrValue = string | number | boolean | null | undefined;

/** Rounds coordinates so output is stable and small. */
export function r(n: number): number {
  return Math.round(n * 10) / 10;
}

/**
 * `<name a="1">children</name>`; null/undefined/false attributes are left out, numbers rounded to 0.1.
 * @example tag("circle", { cx: 1, cy: 2, r: 3 }) // '<circle cx="1" cy="2" r="3"/>'
 */
export function tag(name: string, attrs: Record<string, AttrValue>, children?: string | string[]): string {
  const attrText = Object.entries(attrs)
    .filter(([, value]) => value !== null && value !== undefined && value !== false)
    .map(([key, value]) => ` ${key}="${esc(typeof value === "number" ? r(value) : String(value))}"`)
    .join("");
  const body = Array.isArray(children) ? children.join("") : children;
  return body === undefined || body === ""
    ? `<${name}${attrText}/>`
    : `<${name}${attrText}>${body}</${name}>`;
}

/** A `<text>` element; `text` is escaped. */
export function text(x: number, y: number, content: string, attrs: Record<string, AttrValue> = {}): string {
  return tag("text", { x, y, ...attrs }, esc(content));
}

export interface SvgSize {
  width: number;
  height: number;
}

export interface SvgMeta {
  /** Unique within the page: prefixes ids (title, patterns) so several charts can sit side by side. */
  id: string;
  title: string;
  /** A sentence or two describing what the chart shows, read by screen readers. */
  description: string;
}

export const FONT = "system-ui, -apple-system, 'Segoe UI', Roboto, Arial, sans-serif";
export const INK = "#1f2933";
export const MUTED = "#52606d";
export const GRID = "#d9e2ec";

/** The outer `<svg>` element with an accessible name and description. */
export function svgDocument(size: SvgSize, meta: SvgMeta, body: string | string[], defs = ""): string {
  const titleId = `${meta.id}-title`;
  const descId = `${meta.id}-desc`;
  return tag(
    "svg",
    {
      xmlns: "http://www.w3.org/2000/svg",
      viewBox: `0 0 ${size.width} ${size.height}`,
      width: size.width,
      height: size.height,
      role: "img",
      "aria-labelledby": `${titleId} ${descId}`,
      "font-family": FONT,
      "font-size": 13,
      fill: INK,
    },
    [
      tag("title", { id: titleId }, esc(meta.title)),
      tag("desc", { id: descId }, esc(meta.description)),
      defs ? tag("defs", {}, defs) : "",
      tag("rect", { width: size.width, height: size.height, fill: "#ffffff" }),
      ...(Array.isArray(body) ? body : [body]),
    ],
  );
}

/** Categorical colours (Okabe–Ito), distinguishable with every common colour-vision deficiency. */
export const SERIES_COLOURS = ["#0072B2", "#D55E00", "#009E73", "#CC79A7", "#E69F00", "#56B4E9"] as const;

/** Marker shapes paired with the colours, so series differ by more than hue. */
export const SERIES_SHAPES = ["circle", "square", "triangle", "diamond", "cross", "triangle-down"] as const;

/** A marker path centred on (0,0) of roughly `size` across. */
export function markerPath(shape: (typeof SERIES_SHAPES)[number], size = 8): string {
  const h = size / 2;
  switch (shape) {
    case "circle":
      return `M${h},0A${h},${h} 0 1,1 ${-h},0A${h},${h} 0 1,1 ${h},0Z`;
    case "square":
      return `M${-h},${-h}H${h}V${h}H${-h}Z`;
    case "triangle":
      return `M0,${-h * 1.15}L${h * 1.1},${h * 0.85}H${-h * 1.1}Z`;
    case "diamond":
      return `M0,${-h * 1.3}L${h},0L0,${h * 1.3}L${-h},0Z`;
    case "cross": {
      const t = h / 2.5;
      return `M${-t},${-h}H${t}V${-t}H${h}V${t}H${t}V${h}H${-t}V${t}H${-h}V${-t}H${-t}Z`;
    }
    case "triangle-down":
      return `M0,${h * 1.15}L${h * 1.1},${-h * 0.85}H${-h * 1.1}Z`;
  }
}

/** A `<title>` (a native tooltip and an accessible name); `content` is escaped. */
export function titleTag(content: string): string {
  return tag("title", {}, esc(content));
}

/** Words split into lines of at most `maxChars` (a long word keeps its own line). */
export function wrapWords(content: string, maxChars: number): string[] {
  const lines: string[] = [];
  for (const word of content.split(/\s+/).filter(Boolean)) {
    const last = lines.at(-1);
    if (last !== undefined && last.length + 1 + word.length <= maxChars)
      lines[lines.length - 1] = `${last} ${word}`;
    else lines.push(word);
  }
  return lines;
}

/**
 * A `<text>` whose words wrap onto lines of at most `maxChars`, as `<tspan>`s; `y` is the baseline of the
 * last line, so wrapped labels grow upwards (for column headers above a grid).
 */
export function wrappedText(
  x: number,
  y: number,
  content: string,
  maxChars: number,
  attrs: Record<string, AttrValue> = {},
  lineHeight = 13,
): string {
  const lines = wrapWords(content, maxChars);
  const spans = lines.map((line, i) => tag("tspan", { x, dy: i === 0 ? 0 : lineHeight }, esc(line)));
  return tag("text", { x, y: y - (lines.length - 1) * lineHeight, ...attrs }, spans);
}
