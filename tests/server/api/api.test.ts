/**
 * The write API over HTTP: the production server in local mode, a strict seeded local SharePoint behind it. What
 * it answers to good and bad requests, and that every refusal writes nothing.
 */
import { randomUUID } from "node:crypto";
import type { IncomingMessage } from "node:http";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { LOCAL_APP_IDENTITY } from "../../../src/config/local-identities.ts";
import { type ActionRecord, createSp, DevAppAuth, getAction, getPlanActions, getUpdatesForAction, type SPFI } from "../../../src/data/index.ts";
import { mintDevToken } from "../../../src/data/auth/dev-token.ts";
import { localAuthenticator } from "../../../src/server/api/authenticate.ts";
import { SEED_DEPARTED, SEED_UPNS } from "../../../src/seed/people.ts";
import { type ApiStack, startApiStack } from "../../helpers/api-stack.ts";

let stack: ApiStack;
let app: SPFI;
let mine: ActionRecord;
let officer: string;

const key = () => `api-${randomUUID()}`;
const seen = (a: ActionRecord) => ({ status: a.status, due: a.due.date, lastUpdateAt: a.lastUpdateAt });

beforeAll(async () => {
  stack = await startApiStack();
  app = createSp(stack.site.siteUrl, DevAppAuth(LOCAL_APP_IDENTITY));
  const actions = await getPlanActions(app, stack.site.currentPlanId);
  mine = actions.find((a) => a.disposition === "open" && a.owner?.upn && a.owner.upn !== SEED_UPNS.equalitiesLead && a.owner.upn !== SEED_UPNS.headOfPolicy) as ActionRecord;
  officer = mine.owner?.upn ?? "";
}, 120_000);

afterAll(async () => {
  await stack?.close();
});

describe("the write API", () => {
  it("adds an update as the signed-in officer and answers with the action as it now stands", async () => {
    const a = await getAction(app, mine.id);
    const r = await stack.post(`/api/actions/${a.id}/updates`, { text: "Survey closed; 212 replies.", status: "on-track", submissionKey: key(), seen: seen(a) }, officer);
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({ outcome: "saved", message: "Update saved." });
    expect((r.body.action as ActionRecord).status).toBe("on-track");
    expect(r.headers.get("cache-control")).toBe("no-store");
    const [u] = await getUpdatesForAction(app, a.id);
    expect(u.text).toBe("Survey closed; 212 replies.");
    expect(u.author?.upn).toBe(officer);
  });

  it("answers a change the caller did not see with 412, what changed, and the action as it is", async () => {
    const a = await getAction(app, mine.id);
    const r = await stack.post(`/api/actions/${a.id}/updates`, { text: "x", status: "on-track", submissionKey: key(), seen: { ...seen(a), lastUpdateAt: "2020-01-01T00:00:00Z" } }, officer);
    expect(r.status).toBe(412);
    expect(r.body.reason).toBe("conflict");
    expect((r.body.changes as { field: string }[]).map((c) => c.field)).toEqual(["lastUpdateAt"]);
    expect((r.body.current as ActionRecord).id).toBe(a.id);
    expect((await getAction(app, a.id)).etag).toBe(a.etag);
  });

  it.each([
    ["no token", null, 401],
    ["a malformed header", { token: "not a jwt" }, 401],
    ["a person absent from the directory", { token: mintDevToken({ upn: "mallory@example.org", name: "Mallory", oid: "11111111-2222-4333-8444-555555555555" }) }, 401],
    ["a person who has left (deleted in the directory)", { token: mintDevToken({ upn: SEED_DEPARTED.upn, name: SEED_DEPARTED.name, oid: SEED_DEPARTED.oid }) }, 401],
    ["an expired token", { token: mintDevToken({ upn: SEED_UPNS.workforce, name: "x", oid: "00000000-0000-4000-8000-000000000007" }, Math.floor(Date.now() / 1000) - 13 * 3600) }, 401],
  ])("refuses %s with 401 and writes nothing", async (_, as, status) => {
    const a = await getAction(app, mine.id);
    const r = await stack.post(`/api/actions/${a.id}/updates`, { text: "x", status: "on-track", submissionKey: key(), seen: seen(a) }, as as never);
    expect(r.status).toBe(status);
    expect(r.body.reason).toBe("unauthenticated");
    expect(r.headers.get("www-authenticate")).toMatch(/^Bearer/);
    expect((await getAction(app, a.id)).etag).toBe(a.etag);
  });

  it("a token whose user name is not its object id's is refused (the local SharePoint's directory decides)", async () => {
    const robin = { upn: SEED_UPNS.dataIntelligence, oid: "00000000-0000-4000-8000-000000000001" };
    const r = await stack.post(`/api/actions/${mine.id}/snooze`, {}, { token: mintDevToken({ upn: officer, name: "x", oid: robin.oid }) });
    expect(r.status).toBe(401);
  });

  it("JSON only, within the size cap, on known routes, POST only", async () => {
    const path = `/api/actions/${mine.id}/updates`;
    expect((await stack.post(path, null, officer, { contentType: "text/plain", raw: "hello" })).status).toBe(415);
    const bad = await stack.post(path, null, officer, { raw: "{not json" });
    expect(bad.status).toBe(400);
    expect(bad.body.reason).toBe("invalid-json");
    expect((await stack.post(path, null, officer, { raw: "[1,2]" })).body.reason).toBe("invalid");
    const big = await stack.post(path, { text: "x".repeat(stack.config.maxBodyBytes + 10), status: "on-track", submissionKey: key(), seen: {} }, officer);
    expect(big.status).toBe(413);
    expect(big.body.reason).toBe("too-large");
    expect((await stack.post("/api/actions/1/nothing", {}, officer)).status).toBe(404);
    const get = await fetch(`${stack.server.origin}${path}`);
    expect(get.status).toBe(405);
    expect(get.headers.get("allow")).toBe("POST");
  });

  it("bad input is a 400 naming the field, and writes nothing", async () => {
    const a = await getAction(app, mine.id);
    const r = await stack.post(`/api/actions/${a.id}/updates`, { text: "Fine", status: "brilliant", submissionKey: key(), seen: seen(a) }, officer);
    expect(r.status).toBe(400);
    expect(r.body).toMatchObject({ reason: "invalid", field: "status" });
    expect(String(r.body.message)).toMatch(/^Nothing was saved: choose a status from the list/);
  });

  it("an action that does not exist is a 404", async () => {
    const r = await stack.post("/api/actions/987654/snooze", {}, officer);
    expect(r.status).toBe(404);
    expect(r.body.reason).toBe("not-found");
  });

  it("development tokens are refused from a peer that is not on this machine", async () => {
    const auth = localAuthenticator({ siteUrl: stack.site.siteUrl });
    const req = { socket: { remoteAddress: "10.1.2.3" }, headers: { authorization: `Bearer ${mintDevToken({ upn: officer, name: "x", oid: "x" })}` } } as unknown as IncomingMessage;
    await expect(auth(req)).rejects.toMatchObject({ status: 401, message: "Development tokens are accepted only from this machine." });
    const mapped = { socket: { remoteAddress: "::ffff:192.168.0.9" }, headers: {} } as unknown as IncomingMessage;
    await expect(auth(mapped)).rejects.toMatchObject({ status: 401 });
  });

  it("the lead accepts a proposal over HTTP; a second answer is 409", async () => {
    const a = await getAction(app, mine.id);
    const date = new Date(Date.now() + 100 * 86_400_000).toISOString().slice(0, 10);
    const p = await stack.post(`/api/actions/${a.id}/due-date-proposals`, { date, reason: "Waiting on a partner.", submissionKey: key(), seen: seen(a) }, officer);
    expect(p.status).toBe(200);
    expect(p.body.outcome).toBe("proposed");
    const proposalId = (p.body.update as { id: number }).id;
    const path = `/api/actions/${a.id}/due-date-proposals/${proposalId}/decision`;
    expect((await stack.post(path, { accept: true }, officer)).status).toBe(403);
    const ok = await stack.post(path, { accept: true }, SEED_UPNS.equalitiesLead);
    expect(ok.status).toBe(200);
    expect((ok.body.action as ActionRecord).due.date).toBe(date);
    const twice = await stack.post(path, { accept: false, reason: "No." }, SEED_UPNS.equalitiesLead);
    expect(twice.status).toBe(409);
    expect(twice.body.reason).toBe("already-decided");
  });
});
