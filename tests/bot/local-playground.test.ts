/** The Agents Playground launcher: a real child process, loopback only, telemetry off, closed cleanly. */
import { connect } from "node:net";
import { networkInterfaces } from "node:os";
import { describe, expect, it } from "vitest";
import { startPlayground } from "../../src/bot/local-playground.ts";

function canConnect(host: string, port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const s = connect({ host, port, timeout: 1_000 }, () => {
      s.destroy();
      resolve(true);
    });
    s.on("error", () => resolve(false));
    s.on("timeout", () => {
      s.destroy();
      resolve(false);
    });
  });
}

describe("startPlayground", () => {
  it("serves the Playground on 127.0.0.1 only, on a free port, and stops", async () => {
    const pg = await startPlayground({ botEndpoint: "http://127.0.0.1:9/api/messages", host: "127.0.0.1" });
    try {
      const url = new URL(pg.url);
      expect(url.hostname).toBe("127.0.0.1");
      expect(Number(url.port)).not.toBe(56150);
      expect((await fetch(pg.url)).status).toBe(200);
      const external = Object.values(networkInterfaces())
        .flat()
        .find((i) => i && i.family === "IPv4" && !i.internal);
      if (external) expect(await canConnect(external.address, Number(url.port))).toBe(false);
    } finally {
      await pg.close();
    }
    expect(await canConnect("127.0.0.1", Number(new URL(pg.url).port))).toBe(false);
  }, 60_000);

  it("refuses any host but 127.0.0.1", async () => {
    await expect(startPlayground({ botEndpoint: "http://127.0.0.1:9/api/messages", host: "0.0.0.0" as "127.0.0.1" })).rejects.toMatchObject({ reason: "invalid" });
  });
});
