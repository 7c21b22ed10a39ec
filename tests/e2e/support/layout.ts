import type { Page } from "playwright-core";

/** Whether the page scrolls sideways, and if so which elements reach past the right edge. */
export async function sidewaysOverflow(
  page: Page,
): Promise<{ scrollWidth: number; clientWidth: number; culprits: string[] }> {
  return page.evaluate(() => {
    const root = document.scrollingElement!;
    const clientWidth = root.clientWidth;
    const culprits = [...document.querySelectorAll("body *")]
      .filter((el) => {
        const box = el.getBoundingClientRect();
        return box.width > 0 && box.right > clientWidth + 1 && getComputedStyle(el).position !== "fixed";
      })
      .slice(0, 8)
      .map(
        (el) =>
          `${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ""}.${String(el.getAttribute("class") ?? "").split(" ")[0]} → ${Math.round(el.getBoundingClientRect().right)}`,
      );
    return { scrollWidth: root.scrollWidth, clientWidth, culprits };
  });
}

/**
 * Every chart's text as the browser drew it (real glyph boxes, transforms included): pairs of lines
 * that overlap, and lines that reach outside their chart. Empty when every chart is readable.
 */
export async function chartLabelProblems(page: Page, selector = ".chart-svg svg"): Promise<string[]> {
  return page.evaluate((sel) => {
    const problems: string[] = [];
    for (const svg of document.querySelectorAll(sel)) {
      const frame = svg.getBoundingClientRect();
      const lines = [...svg.querySelectorAll("text")].flatMap((t) => {
        const spans = t.querySelectorAll("tspan");
        return spans.length > 0 ? [...spans] : [t];
      });
      const boxes = lines
        .map((el) => ({ text: el.textContent ?? "", box: el.getBoundingClientRect() }))
        .filter((b) => b.text.trim() && b.box.width > 0);
      const name = svg.querySelector("title")?.textContent ?? "chart";
      for (const b of boxes) {
        if (
          b.box.left < frame.left - 1 ||
          b.box.right > frame.right + 1 ||
          b.box.top < frame.top - 1 ||
          b.box.bottom > frame.bottom + 1
        )
          problems.push(`${name}: "${b.text}" leaves the chart`);
      }
      for (let i = 0; i < boxes.length; i++) {
        for (let j = i + 1; j < boxes.length; j++) {
          const a = boxes[i]!.box;
          const c = boxes[j]!.box;
          // Glyph boxes include line spacing; allow them to touch by a pixel or two.
          const slack = 1.5;
          if (
            a.left < c.right - slack &&
            c.left < a.right - slack &&
            a.top < c.bottom - slack &&
            c.top < a.bottom - slack
          )
            problems.push(`${name}: "${boxes[i]!.text}" overlaps "${boxes[j]!.text}"`);
        }
      }
    }
    return problems;
  }, selector);
}
