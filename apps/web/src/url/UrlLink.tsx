import type { MouseEvent, ReactNode } from "react";
import { applyPatch, serializeUrlState, type ViewState } from "./url-state";
import { useUrlState } from "./use-url-state";

/**
 * A real link to another view (so it can be opened in a new tab or copied) that, on a plain click,
 * changes the view in place through the History API instead of reloading.
 */
export function UrlLink({
  patch,
  children,
  className,
  afterFollow,
}: {
  patch: Partial<ViewState>;
  children: ReactNode;
  className?: string;
  /** Runs after the change in place, instead of scrolling to the top (e.g. to move the focus). */
  afterFollow?: () => void;
}) {
  const [state, update] = useUrlState();
  const href = serializeUrlState(applyPatch(state, patch)) || window.location.pathname;
  const onClick = (event: MouseEvent<HTMLAnchorElement>) => {
    if (event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
    event.preventDefault();
    update(patch);
    if (afterFollow) afterFollow();
    else window.scrollTo({ top: 0 });
  };
  return (
    <a href={href} onClick={onClick} className={className}>
      {children}
    </a>
  );
}
