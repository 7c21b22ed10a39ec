import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { brotliCompressSync, constants, gzipSync } from "node:zlib";
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
        // The dashboard only: the respondent page must not fetch the map.
        if (!ctx.path.endsWith("/index.html")) return html;
        const bundle = ctx.bundle ?? {};
        const mapTab = Object.values(bundle).find(
          (f) => f.type === "chunk" && f.facadeModuleId?.endsWith("/map/MapTab.tsx"),
        );
        // The chunk and what it imports statically (its share of d3, the geometry code): all at once.
        const chunks = new Set<string>();
        const visit = (fileName: string) => {
          const chunk = bundle[fileName];
          if (chunk?.type !== "chunk" || chunks.has(fileName)) return;
          chunks.add(fileName);
          for (const imported of chunk.imports) visit(imported);
        };
        if (mapTab) visit(mapTab.fileName);
        return {
          html,
          // Leave out what Vite already preloads (the entry's own imports).
          tags: [...chunks]
            .filter((file) => !html.includes(`/${file}"`))
            .map((file) => ({
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
 * Writes a Brotli (`.br`) and a gzip (`.gz`) copy of every script, stylesheet and SVG, compressed once at
 * the highest levels, so the server sends them as they are (`serveStatic({ precompressed: true })`)
 * instead of compressing on every request: smaller, and no CPU spent per request.
 */
function precompress(): Plugin {
  let outDir = "dist";
  return {
    name: "atlas-precompress",
    apply: "build",
    configResolved(config) {
      outDir = config.build.outDir;
    },
    writeBundle(_options, bundle) {
      for (const file of Object.values(bundle)) {
        if (!/\.(js|css|svg)$/.test(file.fileName)) continue;
        const body = Buffer.from(file.type === "chunk" ? file.code : file.source);
        if (body.length < 1024) continue;
        const path = join(outDir, file.fileName);
        // The best Brotli costs seconds on maplibre's megabyte (loaded late, on a pan): a level lower there.
        const quality = body.length > 400_000 ? 9 : 11;
        writeFileSync(
          `${path}.br`,
          brotliCompressSync(body, { params: { [constants.BROTLI_PARAM_QUALITY]: quality } }),
        );
        writeFileSync(`${path}.gz`, gzipSync(body, { level: 9 }));
      }
    },
  };
}

/**
 * Two pages: the dashboard (index.html) and the respondent form (respond.html, its own small entry: no
 * React, maplibre or d3). maplibre goes into its own chunk (loaded only for panning and zooming) and every
 * chart view is lazy-loaded by the app itself. During `vite dev`, /api is proxied to a local API server.
 */
export default defineConfig({
  plugins: [react(), preloadMap(), precompress()],
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
