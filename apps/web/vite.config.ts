import react from "@vitejs/plugin-react";
import { defineConfig, type Plugin } from "vite";

/**
 * The map is the first view, lazy-loaded so React can render and start its API requests while its code
 * downloads. This asks the browser to fetch the map tab's chunk as the page loads (modulepreload), instead
 * of one after another. maplibre is not preloaded: the first map is SVG, and maplibre comes only when the
 * reader first pans or zooms (map/MapFrame.tsx), so it never delays the first map.
 */
function preloadMap(): Plugin {
  return {
    name: "atlas-preload-map",
    apply: "build",
    transformIndexHtml: {
      order: "post",
      handler(html, ctx) {
        const chunks = Object.values(ctx.bundle ?? {})
          .filter((f) => f.type === "chunk" && f.facadeModuleId?.endsWith("/map/MapTab.tsx"))
          .map((f) => f.fileName);
        return {
          html,
          tags: chunks.map((file) => ({
            tag: "link",
            attrs: { rel: "modulepreload", crossorigin: true, href: `/${file}` },
            injectTo: "head" as const,
          })),
        };
      },
    },
  };
}

/**
 * The dashboard build. maplibre goes into its own chunk (loaded only for panning and zooming) and every
 * chart view is lazy-loaded by the app itself. During `vite dev`, /api is proxied to a local API server.
 */
export default defineConfig({
  plugins: [react(), preloadMap()],
  build: {
    target: "es2022",
    sourcemap: false,
    chunkSizeWarningLimit: 1100,
    rollupOptions: {
      output: {
        codeSplitting: {
          groups: [
            { name: "maplibre", test: /node_modules[\\/].*maplibre-gl/ },
            { name: "react", test: /node_modules[\\/].*(react|react-dom|scheduler)[\\/]/ },
          ],
        },
      },
    },
  },
  server: {
    proxy: { "/api": process.env.ATLAS_API_URL ?? "http://localhost:3000" },
  },
});
