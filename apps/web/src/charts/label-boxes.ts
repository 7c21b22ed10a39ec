import { textWidth } from "./text-metrics";

/**
 * Test support: the boxes of every line of text in a chart's SVG, measured as the chart measured them
 * (text-metrics.ts), so a test can say "no two labels overlap and none leaves the figure".
 */
export interface LabelBox {
  text: string;
  left: number;
  right: number;
  top: number;
  bottom: number;
}

const ENTITIES: Record<string, string> = {
  "&amp;": "&",
  "&lt;": "<",
  "&gt;": ">",
  "&quot;": '"',
  "&#39;": "'",
};
const decode = (s: string) => s.replace(/&(amp|lt|gt|quot|#39);/g, (m) => ENTITIES[m]!);

function attrs(tag: string): Record<string, string> {
  return Object.fromEntries([...tag.matchAll(/([\w-]+)="([^"]*)"/g)].map((m) => [m[1]!, m[2]!]));
}

/** The size of the outer `<svg>` and its default font size. */
export function svgSize(svg: string): { width: number; height: number; fontSize: number } {
  const root = attrs(/^<svg[^>]*>/.exec(svg)?.[0] ?? "");
  return {
    width: Number(root.width),
    height: Number(root.height),
    fontSize: Number(root["font-size"] ?? 13),
  };
}

/** Every `<text>` line (each `<tspan>` is a line) as a box in the chart's coordinates. */
export function labelBoxes(svg: string): LabelBox[] {
  const { fontSize: rootSize } = svgSize(svg);
  const boxes: LabelBox[] = [];
  for (const match of svg.matchAll(/<text([^>]*)>(.*?)<\/text>/g)) {
    const a = attrs(match[1]!);
    const size = Number(a["font-size"] ?? rootSize);
    const bold = Number(a["font-weight"] ?? 400) >= 600;
    const anchor = a["text-anchor"] ?? "start";
    const x0 = Number(a.x ?? 0);
    let y = Number(a.y ?? 0);
    // Column headers set upright: rotate(-90 x y) about the text's own anchor point.
    const rotated = /^rotate\(-90[ ,]/.test(a.transform ?? "");
    const spans = [...match[2]!.matchAll(/<tspan([^>]*)>(.*?)<\/tspan>/g)];
    const lines = spans.length
      ? spans.map((s) => {
          const sa = attrs(s[1]!);
          y += Number(sa.dy ?? 0);
          return { x: Number(sa.x ?? x0), y, text: decode(s[2]!) };
        })
      : [{ x: x0, y, text: decode(match[2]!) }];
    for (const line of lines) {
      if (!line.text.trim()) continue;
      const width = textWidth(line.text, size, bold);
      const start = anchor === "middle" ? -width / 2 : anchor === "end" ? -width : 0;
      if (rotated) {
        // Turned a quarter anticlockwise: the line runs up the page from its anchor.
        boxes.push({
          text: line.text,
          left: line.x - size * 0.8,
          right: line.x + size * 0.2,
          top: line.y - start - width,
          bottom: line.y - start,
        });
      } else {
        const left = line.x + start;
        boxes.push({
          text: line.text,
          left,
          right: left + width,
          top: line.y - size * 0.8,
          bottom: line.y + size * 0.2,
        });
      }
    }
  }
  return boxes;
}

const intersects = (a: LabelBox, b: LabelBox, slack = 0.5) =>
  a.left < b.right - slack &&
  b.left < a.right - slack &&
  a.top < b.bottom - slack &&
  b.top < a.bottom - slack;

/** Pairs of labels that overlap, as "a" × "b" strings (empty when the chart is clean). */
export function overlappingLabels(svg: string): string[] {
  const boxes = labelBoxes(svg);
  const pairs: string[] = [];
  for (let i = 0; i < boxes.length; i++)
    for (let j = i + 1; j < boxes.length; j++)
      if (intersects(boxes[i]!, boxes[j]!)) pairs.push(`"${boxes[i]!.text}" × "${boxes[j]!.text}"`);
  return pairs;
}

/** Labels that reach outside the SVG's own width and height. */
export function labelsOutside(svg: string): string[] {
  const { width, height } = svgSize(svg);
  return labelBoxes(svg)
    .filter((b) => b.left < -0.5 || b.right > width + 0.5 || b.top < -0.5 || b.bottom > height + 0.5)
    .map(
      (b) =>
        `"${b.text}" [${b.left.toFixed(0)}–${b.right.toFixed(0)}, ${b.top.toFixed(0)}–${b.bottom.toFixed(0)}]`,
    );
}
