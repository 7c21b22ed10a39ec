/**
 * Map options: an optional raster basemap. The server names it at run time (ATLAS_TILE_URL, written into
 * `<meta name="atlas-tile-url">` of the page); VITE_TILE_URL sets one at build time. Nothing here points off
 * the machine by default.
 */
function meta(name: string): string | null {
  return document.querySelector<HTMLMetaElement>(`meta[name="${name}"]`)?.content || null;
}

export const TILE_URL: string | null = meta("atlas-tile-url") ?? (import.meta.env.VITE_TILE_URL || null);
export const TILE_ATTRIBUTION: string | null =
  meta("atlas-tile-attribution") ?? (import.meta.env.VITE_TILE_ATTRIBUTION || null);
