import { type RefObject, useLayoutEffect, useState } from "react";

/** Charts lay themselves out for the width they get, down to a small phone's content width. */
const MIN_WIDTH = 280;

/**
 * The element's content width, following resizes; `fallback` until measured. Measured before the first
 * paint (a layout effect), so a chart is never drawn at the fallback width and then redrawn.
 */
export function useWidth(ref: RefObject<HTMLElement | null>, fallback = 800, min = MIN_WIDTH): number {
  const [width, setWidth] = useState(fallback);
  useLayoutEffect(() => {
    const element = ref.current;
    if (!element) return;
    const measured = element.clientWidth;
    if (measured > 0) setWidth(Math.max(min, Math.floor(measured)));
    const observer = new ResizeObserver(([entry]) => {
      if (entry) setWidth(Math.max(min, Math.floor(entry.contentRect.width)));
    });
    observer.observe(element);
    return () => observer.disconnect();
  }, [ref, min]);
  return width;
}
