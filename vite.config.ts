/**
 * The Teams tab's bundle. Root is src/tab; output dist/tab. In development the tab's runtime configuration
 * (`./eap-config.json`) comes from the environment through a small plugin, read with the settings table of
 * src/config (EAP_SITE_URL, EAP_TAB_CLIENT_ID, ...) into exactly the shape the production server serves, so the tab
 * has one way to learn where SharePoint is.
 */
import react from "@vitejs/plugin-react";
import { fileURLToPath } from "node:url";
import { defineConfig, type Plugin } from "vite";
import { devTabConfig } from "./src/config/dev-config.ts";

function eapConfigPlugin(): Plugin {
  return {
    name: "eap-config",
    configureServer(server) {
      server.middlewares.use((req, res, next) => {
        if ((req.url ?? "").split("?")[0] !== "/eap-config.json") return next();
        res.setHeader("Content-Type", "application/json; charset=utf-8");
        res.setHeader("Cache-Control", "no-store");
        // Read per request: `eap dev` learns the tab's own address (EAP_APP_BASE_URL) only once vite listens.
        res.end(JSON.stringify(devTabConfig()));
      });
    },
  };
}

export default defineConfig({
  root: fileURLToPath(new URL("./src/tab", import.meta.url)),
  base: "./",
  plugins: [react(), eapConfigPlugin()],
  // PnPjs packages each nest their own tslib 2.x; one copy is enough in the bundle.
  resolve: { dedupe: ["tslib"] },
  build: {
    outDir: fileURLToPath(new URL("./dist/tab", import.meta.url)),
    emptyOutDir: true,
    sourcemap: false,
    // dist/tab/.vite/manifest.json maps each source module to its file: the tests and the benchmark use it to check
    // which code the first view loads. The production server never serves it (it refuses dot-folders).
    manifest: true,
    chunkSizeWarningLimit: 1500,
    // Everything the entry imports statically (My actions, the shell, React, Fluent, PnPjs) in one file: left to
    // itself the bundler splits the modules the lazy views share with the first view into ~20 small chunks, each
    // a request before My actions shows (27 on a first visit, 150 ms each on a slow link) and each compressed on its
    // own. The lazy views import from it. bench/tab.bench.ts measures both.
    rolldownOptions: {
      output: {
        codeSplitting: { groups: [{ name: "first-view", tags: ["$initial"] }] },
      },
    },
  },
  server: { host: "127.0.0.1", port: 5173, strictPort: false },
  preview: { host: "127.0.0.1" },
});
