/** Build-time map options: an optional raster basemap. Nothing here points off the machine by default. */
export const TILE_URL: string | null = import.meta.env.VITE_TILE_URL || null;
export const TILE_ATTRIBUTION: string | null = import.meta.env.VITE_TILE_ATTRIBUTION || null;
