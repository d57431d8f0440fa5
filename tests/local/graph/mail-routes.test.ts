/**
 * `sendMail` into the local outbox: 202 with no body, only from mailboxes that exist, only as someone the caller
 * may send as; and the outbox a person can read.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestSharePoint, type TestSharePoint } from "../../helpers/local-sharepoint";
import { appToken, CAST, raw, tokenFor } from "../helpers";
import { BOT_APP, botToken, GRAPH_DIRECTORY } from "./graph-cast";

let t: TestSharePoint;
const NOTIFY = { id: "a4000000-0000-4000-8000-00000000000a", userPrincipalName: "eap-notify@contoso.test", mail: "eap-notify@contoso.test", displayName: "Equality Action Plan", accountEnabled: true, deleted: false };
const SCOPED_APP = "5c0bed00-0000-4000-8000-000000000005";
const message = (to: string, html = "<p>Your action <b>A1</b> is due.</p><script>alert(1)</script>") => ({
  message: { subject: "Due soon: A1", body: { contentType: "HTML", content: html }, toRecipients: [{ emailAddress: { address: to } }] },
  saveToSentItems: false,
});
const send = (sender: string, token: string, body: unknown = message(CAST.bob.mail)) => raw(`${t.baseUrl}/v1.0/users/${sender}/sendMail`, token, { method: "POST", body });

beforeAll(async () => {
  t = await startTestSharePoint({ directory: [...GRAPH_DIRECTORY, NOTIFY], mailSenders: { [SCOPED_APP]: [NOTIFY.mail] } });
});
afterAll(async () => {
  await t.close();
});

describe("POST /v1.0/users/{sender}/sendMail", () => {
  it("answers 202 with no body and the message lands in the local outbox", async () => {
    const r = await send(NOTIFY.userPrincipalName, appToken(SCOPED_APP, []));
    expect(r.status).toBe(202);
    expect(r.text).toBe("");
    const box = await (await fetch(`${t.baseUrl}/_local/outbox`)).json();
    expect(box).toHaveLength(1);
    expect(box[0]).toMatchObject({ from: NOTIFY.mail, to: [CAST.bob.mail], subject: "Due soon: A1", contentType: "HTML", sentBy: SCOPED_APP });
    const page = await fetch(`${t.baseUrl}${box[0].url}`);
    expect(page.headers.get("content-type")).toContain("text/html");
    // The mail's own HTML is shown, but may not run scripts.
    expect(page.headers.get("content-security-policy")).toContain("default-src 'none'");
    const html = await page.text();
    expect(html).toContain("<b>A1</b>");
    expect(html).toContain("<th scope=\"row\">Subject</th><td>Due soon: A1</td>");
  });

  it("an app limited to one mailbox (Exchange RBAC) cannot send as anyone else: 403 ErrorAccessDenied", async () => {
    const r = await send(CAST.ann.userPrincipalName, appToken(SCOPED_APP, []));
    expect(r.status).toBe(403);
    expect(r.json.error).toMatchObject({ code: "ErrorAccessDenied", message: "Access is denied. Check credentials and try again." });
  });

  it("an app still holding the tenant-wide Mail.Send role can send as anyone: the misconfiguration RBAC scoping does not fix", async () => {
    expect((await send(CAST.ann.userPrincipalName, botToken(["Mail.Send"]))).status).toBe(202);
  });

  it("a person sends only as themselves; nobody sends from someone without a mailbox or from a stranger", async () => {
    expect((await send(CAST.ann.id, tokenFor(CAST.ann, { scp: "Mail.Send" }))).status).toBe(202);
    expect((await send(CAST.bob.id, tokenFor(CAST.ann, { scp: "Mail.Send" }))).json.error.code).toBe("ErrorAccessDenied");
    const noMailbox = await send(CAST.carol.id, botToken(["Mail.Send"]));
    expect(noMailbox.status).toBe(404);
    expect(noMailbox.json.error).toMatchObject({ code: "MailboxNotEnabledForRESTAPI", message: "The mailbox is either inactive, soft-deleted, or is hosted on-premise." });
    const stranger = await send("nobody@contoso.test", botToken(["Mail.Send"]));
    expect(stranger.status).toBe(404);
    expect(stranger.json.error.code).toBe("ErrorInvalidUser");
  });

  it("refuses malformed messages without sending anything", async () => {
    const before = (await (await fetch(`${t.baseUrl}/_local/outbox`)).json()).length;
    const token = botToken(["Mail.Send"]);
    expect((await send(NOTIFY.id, token, { message: { subject: "x", body: { contentType: "HTML", content: "x" }, toRecipients: [] } })).json.error.code).toBe("ErrorInvalidRecipients");
    expect((await send(NOTIFY.id, token, { message: { subject: "x", toRecipients: [{ emailAddress: { address: "not an address" } }] } })).status).toBe(400);
    expect((await send(NOTIFY.id, token, { ...message(CAST.bob.mail), saveToSentItems: "false" })).status).toBe(400);
    expect((await send(NOTIFY.id, token, "{not json")).status).toBe(400);
    expect((await (await fetch(`${t.baseUrl}/_local/outbox`)).json()).length).toBe(before);
  });
});

describe("Graph faults and stats", () => {
  it("throttles with Graph's 429 TooManyRequests and a fractional Retry-After", async () => {
    const s = await startTestSharePoint({ directory: GRAPH_DIRECTORY, faults: "429:1", retryAfterSeconds: 2.128 });
    try {
      const r = await raw(`${s.baseUrl}/v1.0/users/${CAST.bob.id}`, botToken(["User.Read.All"]));
      expect(r.status).toBe(429);
      expect(r.headers.get("retry-after")).toBe("2.128");
      expect(r.json.error).toMatchObject({ code: "TooManyRequests", message: "Please retry again later." });
    } finally {
      await s.close();
    }
  });

  it("a lost reply after an install makes the retry a 409 (installations survive a restart): the caller must read Conflict as installed", async () => {
    const dataDir = mkdtempSync(join(tmpdir(), "eap-local-graph-"));
    const { catalogEntry } = await import("../../../src/local/graph/teams-routes");
    const id = catalogEntry({ manifestId: "m-1" }).id;
    const post = (base: string) =>
      raw(`${base}/v1.0/users/${CAST.bob.id}/teamwork/installedApps`, botToken(["TeamsAppInstallation.ReadWriteSelfForUser.All"]), {
        method: "POST",
        body: { "teamsApp@odata.bind": `https://graph.microsoft.com/v1.0/appCatalogs/teamsApps/${id}` },
      });
    try {
      const lossy = await startTestSharePoint({ dataDir, directory: GRAPH_DIRECTORY, faults: "504-after-commit:1", teamsApps: [{ manifestId: "m-1", appId: BOT_APP }] });
      expect((await post(lossy.baseUrl)).status).toBe(504);
      const stats = await (await fetch(`${lossy.baseUrl}/_local/stats`)).json();
      expect(stats.requests).toMatchObject({ "graph-install": 1, faulted: 1 });
      await lossy.close({ keepData: true });
      const healthy = await startTestSharePoint({ dataDir, directory: GRAPH_DIRECTORY, teamsApps: [{ manifestId: "m-1", appId: BOT_APP }] });
      try {
        expect((await post(healthy.baseUrl)).status).toBe(409);
      } finally {
        await healthy.close({ keepData: true });
      }
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
