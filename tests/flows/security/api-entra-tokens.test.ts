/**
 * The write API in production mode: callers present an Entra access token for the app's own API. A local key set
 * stands in for Entra's published keys (the server reads it from its JWKS address, as it reads Entra's); every
 * token a forger can make (unsigned, signed by another key, for another audience or issuer, expired, without the
 * API's scope) is refused with 401, and a proper token is accepted.
 */
import { generateKeyPairSync, randomUUID } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import http from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import jwt from "jsonwebtoken";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { LOCAL_APP_IDENTITY } from "../../../src/config/local-identities.ts";
import type { ServerConfig } from "../../../src/config/server-config.ts";
import { mintDevToken } from "../../../src/data/auth/dev-token.ts";
import { type ActionRecord, createSp, DevAppAuth, getAction, getPlanActions, type SPFI } from "../../../src/data/index.ts";
import type { ProductionServer } from "../../../src/server/index.ts";
import { seedPerson, SEED_UPNS } from "../../../src/seed/people.ts";
import { localConfig, post, startServerFor } from "../../helpers/api-stack.ts";
import { type SeededSite, startSeededSite } from "../../helpers/seeded-site.ts";

const TENANT = "7a6b5c4d-3e2f-4a1b-8c9d-0e1f2a3b4c5d";
const CLIENT_ID = "0f9e8d7c-6b5a-4433-8221-100f0e0d0c0b";
const HOST = "eap.council.example";
const KID = "test-key-1";

const signing = generateKeyPairSync("rsa", { modulusLength: 2048 });
const forger = generateKeyPairSync("rsa", { modulusLength: 2048 });

let site: SeededSite;
let server: ProductionServer;
let keys: http.Server;
let tabDir: string;
let app: SPFI;
let mine: ActionRecord;
let officer: string;

function claims(over: Record<string, unknown> = {}) {
  const p = seedPerson(officer)!;
  const now = Math.floor(Date.now() / 1000);
  return {
    iss: `https://login.microsoftonline.com/${TENANT}/v2.0`,
    aud: CLIENT_ID,
    tid: TENANT,
    oid: p.oid,
    preferred_username: p.upn,
    name: p.name,
    scp: "access_as_user",
    iat: now,
    nbf: now,
    exp: now + 3600,
    ...over,
  };
}
const sign = (c: Record<string, unknown>, key = signing.privateKey, kid = KID) => jwt.sign(c, key.export({ type: "pkcs1", format: "pem" }) as string, { algorithm: "RS256", keyid: kid });
const seen = (a: ActionRecord) => ({ status: a.status, due: a.due.date, lastUpdateAt: a.lastUpdateAt });

beforeAll(async () => {
  site = await startSeededSite({ shiftToToday: true });
  app = createSp(site.siteUrl, DevAppAuth(LOCAL_APP_IDENTITY));
  const actions = await getPlanActions(app, site.currentPlanId);
  mine = actions.find((a) => a.disposition === "open" && a.owner?.upn && ![SEED_UPNS.equalitiesLead, SEED_UPNS.headOfPolicy].includes(a.owner.upn as never)) as ActionRecord;
  officer = mine.owner?.upn ?? "";
  const jwk = { ...signing.publicKey.export({ format: "jwk" }), kid: KID, use: "sig", alg: "RS256" };
  keys = http.createServer((_req, res) => {
    res.setHeader("Content-Type", "application/json");
    res.end(JSON.stringify({ keys: [jwk] }));
  });
  await new Promise<void>((r) => keys.listen(0, "127.0.0.1", () => r()));
  tabDir = mkdtempSync(join(tmpdir(), "eap-entra-tab-"));
  // Production mode as the API sees it: Entra tokens for the app's API; SharePoint is still the local stand-in,
  // written with the local app's grant (the certificate sign-in has no stand-in here).
  const config: ServerConfig = { ...localConfig(site.siteUrl, tabDir), mode: "m365", tenantId: TENANT, tabClientId: CLIENT_ID, publicHost: HOST };
  server = await startServerFor(config, { api: { entraJwksUri: `http://127.0.0.1:${(keys.address() as AddressInfo).port}/keys` } });
}, 120_000);

afterAll(async () => {
  await server?.stop();
  await new Promise<void>((r) => (keys ? keys.close(() => r()) : r()));
  await site?.close();
  rmSync(tabDir, { recursive: true, force: true });
});

async function attempt(token: string) {
  const a = await getAction(app, mine.id);
  const r = await post(server.origin, `/api/actions/${a.id}/snooze`, { seen: seen(a) }, { token });
  return { r, before: a, after: await getAction(app, a.id) };
}

describe("Entra access tokens for the app's API", () => {
  it.each<[string, () => string]>([
    ["an unsigned token (alg none), as local mode accepts", () => mintDevToken({ upn: officer, name: "x", oid: seedPerson(officer)!.oid })],
    ["a token signed by another key under the same key id", () => sign(claims(), forger.privateKey)],
    ["a token naming a key Entra never published", () => sign(claims(), forger.privateKey, "other-key")],
    ["an expired token", () => sign(claims({ iat: Math.floor(Date.now() / 1000) - 7200, nbf: Math.floor(Date.now() / 1000) - 7200, exp: Math.floor(Date.now() / 1000) - 3600 }))],
    ["a token for another audience (Microsoft Graph)", () => sign(claims({ aud: "00000003-0000-0000-c000-000000000000" }))],
    ["a token for another app's API", () => sign(claims({ aud: "api://elsewhere.example/11111111-2222-4333-8444-555555555555" }))],
    ["a token from another tenant", () => sign(claims({ iss: "https://login.microsoftonline.com/99999999-9999-4999-8999-999999999999/v2.0" }))],
    ["a v1.0 token (sts.windows.net issuer)", () => sign(claims({ iss: `https://sts.windows.net/${TENANT}/` }))],
    ["a token without the API's scope", () => sign(claims({ scp: "User.Read" }))],
    ["an app-only token (no person)", () => sign(claims({ oid: undefined, preferred_username: undefined, scp: undefined, roles: ["Sites.Selected"] }))],
  ])("refuses %s: 401, nothing written", async (_, make) => {
    const { r, before, after } = await attempt(make());
    expect(r.status).toBe(401);
    expect(r.body.reason).toBe("unauthenticated");
    expect(after.etag).toBe(before.etag);
  });

  it("accepts a proper token (client id audience) and acts as its oid and UPN", async () => {
    const { r, before, after } = await attempt(sign(claims()));
    expect(r.status).toBe(200);
    expect(r.body.outcome).toBe("snoozed");
    expect(after.etag).not.toBe(before.etag);
  });

  it("accepts the application id URI as the audience", async () => {
    const { r } = await attempt(sign(claims({ aud: `api://${HOST}/${CLIENT_ID}` })));
    expect(r.status).toBe(200);
  });

  it("a proper token for someone not named on the action is a 403, not a 401", async () => {
    const upn = Object.values(SEED_UPNS).find((u) => ![mine.owner, ...mine.officers].some((p) => p?.upn === u) && u !== SEED_UPNS.equalitiesLead && u !== SEED_UPNS.headOfPolicy);
    const stranger = seedPerson(upn ?? "")!;
    const r = await attempt(sign(claims({ oid: stranger.oid, preferred_username: stranger.upn, name: stranger.name, jti: randomUUID() })));
    expect(r.r.status).toBe(403);
    expect(r.after.etag).toBe(r.before.etag);
  });
});
