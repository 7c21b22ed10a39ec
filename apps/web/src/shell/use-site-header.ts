import { useEffect } from "react";
import { parseUrlState, type View } from "../url/url-state";
import { writeUrlState } from "../url/use-url-state";

/** The view a header link opens, when it is a link to this page. */
function linkedView(link: HTMLAnchorElement): View | null {
  const url = new URL(link.href);
  return url.origin === window.location.origin && url.pathname === window.location.pathname
    ? parseUrlState(url.search).view
    : null;
}

/**
 * Keeps the site header (plain HTML in index.html, so it is there before any script) true to the page on
 * screen as views change in place: the site title is the page's heading on the dashboard only (the brief
 * and the directory have their own h1; the server sends the first page so), the link to the page on
 * screen has `aria-current="page"`, and a plain click on a header link changes the view in place through
 * the History API, as every other link in the app does, instead of reloading.
 */
export function useSiteHeader(view: View): void {
  useEffect(() => {
    const title = document.querySelector(".site-title");
    const tag = view === "dashboard" ? "H1" : "P";
    if (!title || title.tagName === tag) return;
    const swapped = document.createElement(tag);
    swapped.className = title.className;
    swapped.append(...title.childNodes);
    title.replaceWith(swapped);
  }, [view]);
  useEffect(() => {
    for (const link of document.querySelectorAll<HTMLAnchorElement>(".site-nav a[href]")) {
      if (linkedView(link) === view) link.setAttribute("aria-current", "page");
      else link.removeAttribute("aria-current");
    }
  }, [view]);
  useEffect(() => {
    const nav = document.querySelector(".site-nav");
    const onClick = (event: Event) => {
      const mouse = event as MouseEvent;
      if (mouse.button !== 0 || mouse.metaKey || mouse.ctrlKey || mouse.shiftKey || mouse.altKey) return;
      const link = (event.target as Element | null)?.closest("a");
      if (!link || linkedView(link) === null) return;
      event.preventDefault();
      writeUrlState(parseUrlState(new URL(link.href).search));
      window.scrollTo({ top: 0 });
    };
    nav?.addEventListener("click", onClick);
    return () => nav?.removeEventListener("click", onClick);
  }, []);
}
