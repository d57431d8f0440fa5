// @vitest-environment jsdom
/** The runtime config: fetched over HTTP, validated, and a readable error when it is wrong or missing. */
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ConfigError, loadTabConfig, parseTabConfig } from "../../../src/tab/lib/config.ts";

let server: Server;
let base: string;
const bodies: Record<string, string> = {
  "/ok.json": JSON.stringify({ mode: "local", siteUrl: "http://127.0.0.1:4321/sites/edi/" }),
  "/bad.json": JSON.stringify({ mode: "cloud", siteUrl: "not a url" }),
  "/m365.json": JSON.stringify({ mode: "m365", siteUrl: "https://contoso.sharepoint.com/sites/edi" }),
  "/text.json": "<html>oops</html>",
};

beforeAll(async () => {
  server = createServer((req, res) => {
    const body = bodies[req.url ?? ""];
    res.writeHead(body ? 200 : 404, { "Content-Type": "application/json" });
    res.end(body ?? "{}");
  });
  await new Promise<void>((ok) => server.listen(0, "127.0.0.1", ok));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((ok) => server.close(() => ok())));

describe("tab configuration", () => {
  it("loads a valid config and trims the site URL", async () => {
    expect(await loadTabConfig(`${base}/ok.json`)).toEqual({ mode: "local", siteUrl: "http://127.0.0.1:4321/sites/edi" });
  });

  it("names every invalid field", async () => {
    const err = await loadTabConfig(`${base}/bad.json`).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ConfigError);
    expect((err as ConfigError).reason).toBe("invalid");
    expect((err as ConfigError).details.join("\n")).toMatch(/mode: mode must be "local" or "m365"[\s\S]*siteUrl: siteUrl must be an absolute URL/);
  });

  it("requires a client id in m365 mode", async () => {
    const err = (await loadTabConfig(`${base}/m365.json`).catch((e: unknown) => e)) as ConfigError;
    expect(err.details).toContain("clientId: clientId is required in m365 mode");
  });

  it("says when the file is missing or not JSON", async () => {
    await expect(loadTabConfig(`${base}/missing.json`)).rejects.toMatchObject({ reason: "unreachable", message: expect.stringContaining("HTTP 404") });
    await expect(loadTabConfig(`${base}/text.json`)).rejects.toMatchObject({ reason: "invalid", message: expect.stringContaining("is not JSON") });
    expect(() => parseTabConfig(null)).toThrow(ConfigError);
  });
});
