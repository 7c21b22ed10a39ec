import { type RefObject, useLayoutEffect, useState } from "react";

/**
 * The element's content width, following resizes; `fallback` until measured. Measured before the first
 * paint, so a chart is never drawn at the fallback width and then redrawn (which would move the page).
 */
export function useWidth(ref: RefObject<HTMLElement | null>, fallback = 800): number {
  const [width, setWidth] = useState(fallback);
  useLayoutEffect(() => {
    const element = ref.current;
    if (!element) return;
    setWidth(Math.max(360, Math.floor(element.clientWidth)));
    const observer = new ResizeObserver(([entry]) => {
      if (entry) setWidth(Math.max(360, Math.floor(entry.contentRect.width)));
    });
    observer.observe(element);
    return () => observer.disconnect();
  }, [ref]);
  return width;
}
