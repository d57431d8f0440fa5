/**
 * The Teams tab's bundle. Root is src/tab; output dist/tab. In development the tab's runtime configuration
 * (`./eap-config.json`) comes from environment variables through a small plugin, exactly the shape the production
 * server serves, so the tab has one way to learn where SharePoint is.
 */
import react from "@vitejs/plugin-react";
import { fileURLToPath } from "node:url";
import { defineConfig, type Plugin } from "vite";

/** Runtime config from EAP_* variables: the same JSON the production server answers at /eap-config.json. */
export function eapConfigFromEnv(env: NodeJS.ProcessEnv = process.env): Record<string, string> {
  const out: Record<string, string> = {
    mode: env.EAP_TAB_MODE ?? "local",
    siteUrl: env.EAP_SITE_URL ?? "",
  };
  const optional: Array<[string, string | undefined]> = [
    ["clientId", env.EAP_CLIENT_ID],
    ["tenantId", env.EAP_TENANT_ID],
    ["teamsAppId", env.EAP_TEAMS_APP_ID],
    ["appBaseUrl", env.EAP_APP_BASE_URL],
    ["redirectUri", env.EAP_REDIRECT_URI],
  ];
  for (const [k, v] of optional) if (v) out[k] = v;
  return out;
}

function eapConfigPlugin(): Plugin {
  return {
    name: "eap-config",
    configureServer(server) {
      server.middlewares.use((req, res, next) => {
        if ((req.url ?? "").split("?")[0] !== "/eap-config.json") return next();
        res.setHeader("Content-Type", "application/json; charset=utf-8");
        res.setHeader("Cache-Control", "no-store");
        res.end(JSON.stringify(eapConfigFromEnv()));
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
  },
  server: { host: "127.0.0.1", port: 5173, strictPort: false },
  preview: { host: "127.0.0.1" },
});
