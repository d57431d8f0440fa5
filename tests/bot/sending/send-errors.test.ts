/** Which failures of a request to Teams may be retried: only those Teams certainly did not take. */
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { Client as HttpClient } from "@microsoft/teams.common";
import { describe, expect, it } from "vitest";
import { classifySendError, mayRetry, withTimeout } from "../../../src/bot/sending/send-errors.ts";

async function failureOf(url: string, timeoutMs?: number): Promise<unknown> {
  const http = new HttpClient();
  if (timeoutMs) http.use(withTimeout(timeoutMs));
  try {
    await http.post(url, { type: "message" });
  } catch (err) {
    return err;
  }
  throw new Error("the request did not fail");
}

describe("send errors", () => {
  it("a connection never made is retried; a request that timed out or got a 5xx is uncertain, never retried", async () => {
    // A port nothing listens on: refused before anything was sent.
    const closed = createServer();
    await new Promise<void>((r) => closed.listen(0, "127.0.0.1", r));
    const port = (closed.address() as AddressInfo).port;
    await new Promise<void>((r) => closed.close(() => r()));
    const refused = classifySendError(await failureOf(`http://127.0.0.1:${port}/v3/conversations/a/activities`));
    expect(refused.reason).toBe("transient");
    expect(mayRetry(refused)).toBe(true);

    // A server that takes the request and never answers: uncertain.
    const silent = createServer(() => {});
    await new Promise<void>((r) => silent.listen(0, "127.0.0.1", r));
    try {
      const timedOut = classifySendError(await failureOf(`http://127.0.0.1:${(silent.address() as AddressInfo).port}/v3/conversations/a/activities`, 200));
      expect(timedOut.reason).toBe("uncertain");
      expect(mayRetry(timedOut)).toBe(false);
    } finally {
      silent.closeAllConnections();
      await new Promise<void>((r) => silent.close(() => r()));
    }

    for (const status of [500, 502, 503, 504]) expect(classifySendError({ response: { status, data: "" } }).reason, String(status)).toBe("uncertain");
    expect(classifySendError({ response: { status: 429, data: "" } }).reason).toBe("throttled");
    expect(classifySendError({ response: { status: 412, data: "" } }).reason).toBe("transient");
    expect(classifySendError({ response: { status: 403, data: { errorCode: 209, message: '{"subCode":"MessageWritesBlocked"}' } } }).reason).toBe("blocked");
    expect(classifySendError({ response: { status: 404, data: "" } }).reason).toBe("not-found");
    expect(classifySendError({ response: { status: 413, data: "" } }).reason).toBe("rejected");
  });
});
