/**
 * The bot plugged into the production server end to end: a Teams message activity posted to the server's
 * /api/messages reaches the real bot (through src/server/bot-adapter.ts, body read under the cap), which reads the
 * seeded plan from the local SharePoint and replies to the activity's serviceUrl — here a small capture server
 * standing in for the Bot Framework connector. Local mode with skipAuth, the only place it is allowed.
 */
import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadServerConfig } from "../../src/config/server-config.ts";
import { createLogger, type ProductionServer, startProductionServer } from "../../src/server/index.ts";
import { type SeededSite, startSeededSite } from "../helpers/seeded-site.ts";

let site: SeededSite;
let server: ProductionServer;
let connector: http.Server;
let connectorUrl: string;
const sent: { method?: string; url?: string; body: string }[] = [];

beforeAll(async () => {
  site = await startSeededSite();
  connector = http.createServer((req, res) => {
    let body = "";
    req.on("data", (c) => (body += c));
    req.on("end", () => {
      sent.push({ method: req.method, url: req.url, body });
      res.setHeader("content-type", "application/json");
      res.end(JSON.stringify({ id: `reply-${sent.length}` }));
    });
  });
  await new Promise<void>((r) => connector.listen(0, "127.0.0.1", r));
  connectorUrl = `http://127.0.0.1:${(connector.address() as AddressInfo).port}/`;
  const config = loadServerConfig({ mode: "local", port: 0, siteUrl: site.siteUrl, tabDir: "dist/tab", reminders: false, botSkipAuth: true }, {});
  server = await startProductionServer(config, { logger: createLogger("silent") });
});

afterAll(async () => {
  await server?.stop();
  await new Promise<void>((r) => (connector ? connector.close(() => r()) : r()));
  await site?.close();
});

describe("bot behind the production server", () => {
  it("answers a message activity with an Adaptive Card sent to the conversation", async () => {
    const activity = {
      type: "message",
      id: "m-1",
      text: "help",
      channelId: "msteams",
      serviceUrl: connectorUrl,
      from: { id: "29:1", aadObjectId: "00000000-0000-4000-8000-000000000001", name: "Someone" },
      recipient: { id: "28:bot", name: "Equality Action Plan" },
      conversation: { id: "a:1", conversationType: "personal" },
    };
    const res = await fetch(`${server.origin}/api/messages`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(activity) });
    expect(res.status).toBe(200);
    expect(res.headers.get("content-security-policy")).toContain("frame-ancestors");
    const deadline = Date.now() + 20_000;
    while (!sent.some((s) => s.url === "/v3/conversations/a:1/activities") && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
    const reply = sent.find((s) => s.method === "POST" && s.url === "/v3/conversations/a:1/activities");
    expect(reply).toBeDefined();
    const body = JSON.parse(reply!.body);
    expect(body.type).toBe("message");
    expect(body.attachments[0].contentType).toBe("application/vnd.microsoft.card.adaptive");
    expect(body.attachments[0].content.type).toBe("AdaptiveCard");
  });
});
