import type { Config } from "../env";

/**
 * The Content-Security-Policy for every response. Scripts only from this origin; maplibre's CSP build
 * loads its worker from a same-origin file; styles need 'unsafe-inline' for maplibre and React style props.
 * An optional basemap tile server is the only other origin allowed.
 */
export function contentSecurityPolicy(config: Pick<Config, "tileUrl">) {
  const tileOrigin = config.tileUrl ? [new URL(config.tileUrl.replace(/\{[a-z]\}/g, "0")).origin] : [];
  return {
    defaultSrc: ["'self'"],
    scriptSrc: ["'self'"],
    styleSrc: ["'self'", "'unsafe-inline'"],
    imgSrc: ["'self'", "data:", "blob:", ...tileOrigin],
    connectSrc: ["'self'", ...tileOrigin],
    workerSrc: ["'self'", "blob:"],
    childSrc: ["'self'", "blob:"],
    fontSrc: ["'self'"],
    objectSrc: ["'none'"],
    baseUri: ["'self'"],
    formAction: ["'self'"],
    frameAncestors: ["'none'"],
  };
}
