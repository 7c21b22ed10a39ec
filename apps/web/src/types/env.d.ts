/// <reference types="vite/client" />

interface ImportMetaEnv {
  /** Optional raster basemap tile URL template ({z}/{x}/{y}); unset means boundaries only. */
  readonly VITE_TILE_URL?: string;
  readonly VITE_TILE_ATTRIBUTION?: string;
}

declare module "maplibre-gl/dist/maplibre-gl-csp.js" {
  import * as maplibre from "maplibre-gl";
  export default maplibre;
}
