import type { Config } from "../env";

/**
 * The Content-Security-Policy for every response (apps/web/CSP.md explains each directive). Scripts, styles
 * and workers only from this origin: maplibre's CSP build loads its worker from a same-origin file and sets
 * styles through the CSSOM. `data:` images are maplibre's control icons, `blob:` images the PNG downloads.
 * An optional basemap tile server is the only other origin allowed.
 */
export function contentSecurityPolicy(config: Pick<Config, "tileUrl">) {
  const tileOrigin = config.tileUrl ? [new URL(config.tileUrl.replace(/\{[a-z]\}/g, "0")).origin] : [];
  return {
    defaultSrc: ["'self'"],
    scriptSrc: ["'self'"],
    styleSrc: ["'self'"],
    imgSrc: ["'self'", "data:", "blob:", ...tileOrigin],
    connectSrc: ["'self'", ...tileOrigin],
    workerSrc: ["'self'"],
    childSrc: ["'self'"],
    fontSrc: ["'self'"],
    objectSrc: ["'none'"],
    baseUri: ["'self'"],
    formAction: ["'self'"],
    frameAncestors: ["'none'"],
  };
}
