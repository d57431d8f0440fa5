/**
 * DNS rebinding, written as the attack: a page served from evil.example whose name now resolves to 127.0.0.1 makes
 * the browser send requests with `Host: evil.example:<port>`. The server must not answer them.
 */
import { request } from "node:http";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { checkHost } from "../../../src/local/http/host-check";
import { startTestSharePoint, type TestSharePoint } from "../../helpers/local-sharepoint";
import { bearer } from "../helpers";

let t: TestSharePoint;
beforeAll(async () => {
  t = await startTestSharePoint({ open: true });
});
afterAll(async () => {
  await t.close();
});

function get(path: string, host: string | null, headers: Record<string, string> = {}): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request({ host: "127.0.0.1", port: t.server.port, path, method: "GET", setHost: false, headers: { ...(host === null ? {} : { Host: host }), ...headers } }, (res) => {
      let body = "";
      res.on("data", (c: Buffer) => {
        body += c.toString();
      });
      res.on("end", () => resolve({ status: res.statusCode ?? 0, body }));
    });
    req.on("error", reject);
    req.end();
  });
}

describe("Host header", () => {
  it("answers only requests that name this server: 127.0.0.1, localhost or [::1] with its port", async () => {
    const port = t.server.port;
    for (const host of [`127.0.0.1:${port}`, `localhost:${port}`, `LOCALHOST:${port}`, `[::1]:${port}`]) {
      expect((await get("/sites/test/_api/web", host, bearer())).status, host).toBe(200);
    }
  });

  it("refuses rebinding attempts with 421 before anything else, and a missing Host with 400", async () => {
    const port = t.server.port;
    for (const host of [`evil.example:${port}`, `127.evil.example:${port}`, `localhost.evil.example:${port}`, `127.0.0.1.nip.io:${port}`, `127.0.0.2:${port}`, `127.0.0.1:${port + 1}`, "127.0.0.1"]) {
      const r = await get("/sites/test/_api/web", host, bearer());
      expect(r.status, host).toBe(421);
      expect(r.body, host).not.toContain("odata");
    }
    // The control endpoints are no exception.
    expect((await get("/_local/health", `evil.example:${port}`)).status).toBe(421);
    expect((await get("/_local/health", null)).status).toBe(400);
    expect((await get("/_local/health", "127.0.0.1:port:x")).status).toBe(400);
  });

  it("parses host names strictly", () => {
    expect(checkHost("127.0.0.1:80", 80)).toBeUndefined();
    expect(checkHost("[::1]:80", 80)).toBeUndefined();
    expect(checkHost("[::1]", 80)?.status).toBe(421);
    expect(checkHost("[::2]:80", 80)?.status).toBe(421);
    expect(checkHost("user@127.0.0.1:80", 80)?.status).toBe(421);
    expect(checkHost(" ", 80)?.status).toBe(400);
  });
});
