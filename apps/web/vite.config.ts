import react from "@vitejs/plugin-react";
import { defineConfig } from "vite";

/**
 * The dashboard build. maplibre goes into its own chunk (it is most of the initial JavaScript) and every
 * chart view is lazy-loaded by the app itself. During `vite dev`, /api is proxied to a local API server.
 */
export default defineConfig({
  plugins: [react()],
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
