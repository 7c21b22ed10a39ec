/**
 * Downloads the code of every lazily loaded view once the page has settled, so switching tabs during a
 * later outage does not need the server (a view whose code never arrived cannot be shown until it is
 * back). Runs in idle time after load, well after the first map; the map's own code (with maplibre) is
 * left to the map tab, which starts loading it at once.
 */
export function prefetchViews(): void {
  const run = () => {
    void import("../charts/ChartTab");
    void import("../charts/CompareView");
    void import("../charts/ChangeView");
    void import("../organisation/OrganisationView");
    void import("../brief/BriefView");
    void import("../directory/DirectoryView");
  };
  const idle = (fn: () => void) =>
    "requestIdleCallback" in window ? window.requestIdleCallback(fn, { timeout: 10_000 }) : setTimeout(fn, 0);
  const later = () => setTimeout(() => idle(run), 2_000);
  if (document.readyState === "complete") later();
  else window.addEventListener("load", later, { once: true });
}
