import { fileURLToPath } from "node:url";
import react from "@vitejs/plugin-react";
import { defineConfig, type Plugin } from "vite";

/**
 * The map is the first view, but lazy-loaded so React can render and start its API requests while maplibre
 * downloads. This asks the browser to fetch the map's chunks and maplibre's worker as the page loads
 * (modulepreload / prefetch), instead of one after another.
 */
function preloadMap(): Plugin {
  return {
    name: "atlas-preload-map",
    apply: "build",
    transformIndexHtml: {
      order: "post",
      handler(html, ctx) {
        // The dashboard only: the respondent page must not fetch the map.
        if (!ctx.path.endsWith("/index.html")) return html;
        const files = Object.values(ctx.bundle ?? {});
        const chunks = files
          .filter(
            (f) =>
              f.type === "chunk" && (f.name === "maplibre" || f.facadeModuleId?.endsWith("/map/MapTab.tsx")),
          )
          .map((f) => f.fileName);
        const worker = files.find(
          (f) => f.type === "asset" && /maplibre-gl-csp-worker/.test(f.fileName),
        )?.fileName;
        return {
          html,
          tags: [
            ...chunks.map((file) => ({
              tag: "link",
              attrs: { rel: "modulepreload", crossorigin: true, href: `/${file}` },
              injectTo: "head" as const,
            })),
            ...(worker
              ? [{ tag: "link", attrs: { rel: "prefetch", href: `/${worker}` }, injectTo: "head" as const }]
              : []),
          ],
        };
      },
    },
  };
}

/**
 * Two pages: the dashboard (index.html) and the respondent form (respond.html, its own small entry: no
 * React, maplibre or d3). maplibre goes into its own chunk (it is most of the dashboard's initial JavaScript)
 * and every chart view is lazy-loaded by the app itself. During `vite dev`, /api is proxied to a local API
 * server.
 */
export default defineConfig({
  plugins: [react(), preloadMap()],
  build: {
    target: "es2022",
    sourcemap: false,
    chunkSizeWarningLimit: 1100,
    rollupOptions: {
      input: {
        index: fileURLToPath(new URL("index.html", import.meta.url)),
        respond: fileURLToPath(new URL("respond.html", import.meta.url)),
      },
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
