/**
 * Test helper: starts the local SharePoint (src/local) on a free loopback port with a fresh temporary data
 * directory and one site, and gives tests a development token and a PnPjs behavior that sends it.
 *
 * The server is the STRICT one by default, as awkward as a tenant: its directory is the seeded cast (tokens must
 * name one of them by oid, or be the product's app; a UPN that is not the mail, an account without a mailbox), and
 * the product's app (LOCAL_APP_IDENTITY) has a `write` grant, as the bot has in a tenant. Pass `directory` for
 * another tenant (then its grants are only those given), `grants` for other grants, and `open: true` only in tests
 * of the open mode itself.
 *
 *   const sp = await startTestSharePoint();            // site "test", strict
 *   const web = createSp(sp.siteUrl, DevTokenAuth(devIdentity(SEED_EQUALITIES_LEAD_UPN)));
 *   ...
 *   await sp.close();                                   // stops the server and deletes the data directory
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { TimelinePipe } from "@pnp/core";
import { InjectHeaders, type Queryable } from "@pnp/queryable";
import { devIdentity, LOCAL_APP_IDENTITY as LOCAL_APP } from "../../src/config/local-identities.ts";
import { type LocalSharePoint, type LocalSharePointOptions, startLocalSharePoint } from "../../src/local/index";
import { SEED_DIRECTORY_BEFORE_DEPARTURES as SEED_BEFORE_DEPARTURES } from "../../src/seed/directory.ts";

export interface TestSharePoint {
  /** http://127.0.0.1:<port>/sites/<site> */
  siteUrl: string;
  /** http://127.0.0.1:<port> */
  baseUrl: string;
  dataDir: string;
  server: LocalSharePoint;
  /** Creates another site (PUT /_local/sites/<name>) and returns its URL. */
  addSite(name: string): Promise<string>;
  /** Stops the server; removes the data directory unless keepData. */
  close(opts?: { keepData?: boolean }): Promise<void>;
}

export type TestSharePointOptions = Partial<LocalSharePointOptions> & {
  site?: string;
  /** The open mode (no directory: tokens taken at their word). Only for tests of that mode itself. */
  open?: boolean;
};

/**
 * The seeded cast as the server's directory, with everyone present: the officer who left the council is still a
 * colleague when the plan naming him is written; tests mark him departed afterwards (markDeparted), as happens in
 * a tenant, so his site user stays while ensureUser and person columns refuse him.
 */
export const SEED_DIRECTORY_BEFORE_DEPARTURES = SEED_BEFORE_DEPARTURES.map((p) => ({ ...p }));

/** The product's own app's grant on a strict test server, as the bot has in a tenant (Sites.Selected write). */
export const LOCAL_APP_GRANT: Record<string, string> = { [LOCAL_APP.appId]: "write" };

/**
 * A tenant of the test's own: these people (the first is the site collection administrator), each with a mailbox
 * at their UPN and the object id devIdentity gives them, and the product's app granted write.
 */
export function directoryOf(upns: readonly string[]): Pick<TestSharePointOptions, "directory" | "grants"> {
  const directory = upns.map((upn) => {
    const id = devIdentity(upn);
    return { id: id.oid, userPrincipalName: id.upn, mail: id.upn, displayName: id.name, accountEnabled: true, deleted: false, jobTitle: "" };
  });
  return { directory, grants: LOCAL_APP_GRANT };
}

/** Marks a directory person departed (deleted in Entra), as an administrator would after they left. */
export async function markDeparted(baseUrl: string, who: string): Promise<void> {
  const r = await fetch(`${baseUrl}/_local/directory/${encodeURIComponent(who)}`, { method: "PATCH", body: JSON.stringify({ deleted: true }) });
  if (!r.ok) throw new Error(`Could not mark ${who} departed: ${r.status} ${await r.text()}`);
}

export async function startTestSharePoint(opts: TestSharePointOptions = {}): Promise<TestSharePoint> {
  const { site = "test", open = false, ...given } = opts;
  const strict = !open && given.anonymous !== true;
  // A test that brings its own directory sets up its own tenant: nothing else is assumed for it.
  const rest: Partial<LocalSharePointOptions> =
    strict && given.directory === undefined ? { ...given, directory: SEED_DIRECTORY_BEFORE_DEPARTURES.map((p) => ({ ...p })), grants: given.grants ?? LOCAL_APP_GRANT } : given;
  const dataDir = rest.dataDir ?? mkdtempSync(join(tmpdir(), "eap-local-sp-"));
  let server: LocalSharePoint;
  try {
    server = await startLocalSharePoint({ ...rest, port: rest.port ?? 0, host: "127.0.0.1", dataDir, sites: [site, ...(rest.sites ?? [])] });
  } catch (e) {
    if (!rest.dataDir) rmSync(dataDir, { recursive: true, force: true });
    throw e;
  }
  return {
    siteUrl: server.siteUrl(site),
    baseUrl: server.baseUrl,
    dataDir,
    server,
    addSite: async (name: string) => {
      const r = await fetch(`${server.baseUrl}/_local/sites/${encodeURIComponent(name)}`, { method: "PUT" });
      if (!r.ok) throw new Error(`Could not create site ${name}: ${r.status} ${await r.text()}`);
      return server.siteUrl(name);
    },
    close: async ({ keepData = false } = {}) => {
      await server.close();
      if (!keepData && !rest.dataDir) rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

const b64url = (o: unknown) => Buffer.from(JSON.stringify(o)).toString("base64url");

/**
 * An unsigned development JWT (header {"alg":"none","typ":"JWT"}, empty signature). The local SharePoint reads
 * upn/name/oid from it without verifying anything; real SharePoint would reject it.
 */
export function devToken(claims: { upn: string; name?: string; oid?: string; [k: string]: unknown }): string {
  const now = Math.floor(Date.now() / 1000);
  const payload = {
    aud: "00000003-0000-0ff1-ce00-000000000000",
    iss: "https://local.invalid/eap-dev",
    iat: now,
    nbf: now,
    exp: now + 3600,
    name: claims.name ?? claims.upn,
    oid: claims.oid ?? "00000000-0000-0000-0000-000000000000",
    preferred_username: claims.upn,
    ...claims,
  };
  return `${b64url({ alg: "none", typ: "JWT" })}.${b64url(payload)}.`;
}

/** PnPjs behavior that sends `Authorization: Bearer <token>` on every request. */
export function TestAuth(token: string): TimelinePipe<Queryable> {
  return InjectHeaders({ Authorization: `Bearer ${token}` });
}
