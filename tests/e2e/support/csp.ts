/**
 * The strictest Content-Security-Policy the built web app needs (apps/web/CSP.md): no inline scripts, no
 * blob: workers (maplibre's CSP build runs its worker from a same-origin file), no inline style
 * attributes (React and maplibre set styles through the CSSOM, which CSP does not restrict); data: images
 * for maplibre's own control icons (in its CSS) and blob: images for turning an SVG into a PNG download.
 */
export const STRICT_CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "worker-src 'self'",
  "child-src 'self'",
  "style-src 'self'",
  "img-src 'self' data: blob:",
  "connect-src 'self'",
  "font-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join("; ");
