/** PnPjs wiring shared by the local SharePoint suites: the production client, pointed at the local server. */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { type SPFI, SPBrowser, spfi } from "@pnp/sp";
import "@pnp/sp/webs";
import "@pnp/sp/lists";
import "@pnp/sp/items";
import "@pnp/sp/fields";
import "@pnp/sp/site-users/web";
import "@pnp/sp/batching";
import "@pnp/sp/security";
import "@pnp/sp/site-groups/web";
import { afterAll } from "vitest";
import { devToken, TestAuth } from "../helpers/local-sharepoint";

export function pnp(siteUrl: string, upn = "ann.admin@contoso.test", name = "Ann Admin"): SPFI {
  return spfi(siteUrl).using(SPBrowser({ baseUrl: siteUrl }), TestAuth(devToken({ upn, name, oid: `oid-${upn}` })));
}

export function bearer(upn = "ann.admin@contoso.test", name = "Ann Admin"): Record<string, string> {
  return { Authorization: `Bearer ${devToken({ upn, name })}` };
}

/** The HTTP status PnPjs attached to a rejected request. */
export async function statusOf(p: Promise<unknown>): Promise<number> {
  try {
    await p;
  } catch (e) {
    return (e as { status?: number }).status ?? -1;
  }
  return 0;
}

export async function errorOf(p: Promise<unknown>): Promise<{ status: number; message: string }> {
  try {
    await p;
  } catch (e) {
    return { status: (e as { status?: number }).status ?? -1, message: (e as Error).message };
  }
  throw new Error("expected the request to fail");
}

/** A small tenant: Ann administers; Bob's UPN differs from his mail; Carol has no mailbox; Dan is disabled; Erin is deleted. */
export const CAST = {
  ann: { id: "a0000000-0000-4000-8000-000000000001", userPrincipalName: "ann.admin@contoso.test", mail: "ann.admin@contoso.test", displayName: "Ann Admin", accountEnabled: true, deleted: false },
  bob: { id: "b0000000-0000-4000-8000-000000000002", userPrincipalName: "bob.b@contoso.onmicrosoft.test", mail: "robert.builder@contoso.test", displayName: "Bob Builder", accountEnabled: true, deleted: false },
  carol: { id: "c0000000-0000-4000-8000-000000000003", userPrincipalName: "carol.nomail@contoso.test", mail: null, displayName: "Carol No-Mail", accountEnabled: true, deleted: false },
  dan: { id: "d0000000-0000-4000-8000-000000000004", userPrincipalName: "dan.disabled@contoso.test", mail: "dan.disabled@contoso.test", displayName: "Dan Disabled", accountEnabled: false, deleted: false },
  erin: { id: "e0000000-0000-4000-8000-000000000005", userPrincipalName: "erin.deleted@contoso.test", mail: "erin.deleted@contoso.test", displayName: "Erin Deleted", accountEnabled: true, deleted: true },
  nina: { id: "f0000000-0000-4000-8000-000000000006", userPrincipalName: "nina.newcomer@contoso.test", mail: "nina.newcomer@contoso.test", displayName: "Nina Newcomer", accountEnabled: true, deleted: false },
} as const;
export type CastMember = (typeof CAST)[keyof typeof CAST];
export const CAST_DIRECTORY = Object.values(CAST).map((p) => ({ ...p }));

/** A delegated token for a directory person: their oid and UPN, as Entra issues them. */
export function tokenFor(p: { id: string; userPrincipalName: string; displayName: string }, extra: Record<string, unknown> = {}): string {
  return devToken({ upn: p.userPrincipalName, name: p.displayName, oid: p.id, ...extra });
}

/** PnPjs as a directory person. */
export function pnpAs(siteUrl: string, p: { id: string; userPrincipalName: string; displayName: string }): SPFI {
  return spfi(siteUrl).using(SPBrowser({ baseUrl: siteUrl }), TestAuth(tokenFor(p)));
}

/** An app-only token (client credentials), as Entra issues them: idtyp app, appid, roles. */
export function appToken(appId: string, roles: string[] = ["Sites.Selected"]): string {
  const b64url = (o: unknown) => Buffer.from(JSON.stringify(o)).toString("base64url");
  const now = Math.floor(Date.now() / 1000);
  return `${b64url({ alg: "none", typ: "JWT" })}.${b64url({ aud: "00000003-0000-0ff1-ce00-000000000000", iat: now, exp: now + 3600, idtyp: "app", appid: appId, azp: appId, roles, app_displayname: "Equality Action Plan" })}.`;
}

export function pnpApp(siteUrl: string, appId: string): SPFI {
  return spfi(siteUrl).using(SPBrowser({ baseUrl: siteUrl }), TestAuth(appToken(appId)));
}

/** A raw request with a bearer token; returns status, headers and the parsed JSON body (if any). */
export async function raw(url: string, token: string | null, init: { method?: string; headers?: Record<string, string>; body?: unknown } = {}) {
  const headers: Record<string, string> = { Accept: "application/json", "Content-Type": "application/json;charset=utf-8", ...init.headers };
  if (token) headers.Authorization = `Bearer ${token}`;
  const r = await fetch(url, { method: init.method ?? "GET", headers, body: init.body === undefined ? undefined : typeof init.body === "string" ? init.body : JSON.stringify(init.body) });
  const text = await r.text();
  // biome-ignore lint/suspicious/noExplicitAny: response bodies are inspected loosely in assertions
  let json: any;
  try {
    json = text ? JSON.parse(text) : undefined;
  } catch {
    json = undefined;
  }
  return { status: r.status, headers: r.headers, text, json };
}

/** Puts a person into a site group as an administrator would (the `/_local` control endpoint). */
export async function addToGroup(baseUrl: string, site: string, group: string, upn: string): Promise<void> {
  const r = await fetch(`${baseUrl}/_local/sites/${site}/groups/${encodeURIComponent(group)}/members`, { method: "POST", body: JSON.stringify({ userPrincipalName: upn }) });
  if (r.status !== 201) throw new Error(`Could not add ${upn} to ${group}: ${r.status} ${await r.text()}`);
}

/** The HTTP status and SharePoint error code of a rejected PnPjs call. */
export async function refusal(p: Promise<unknown>): Promise<{ status: number; code: string }> {
  const e = await errorOf(p);
  const code = /"code":"([^"]+)"/.exec(e.message)?.[1] ?? "";
  return { status: e.status, code };
}

export const ACCESS_DENIED = { status: 403, code: "-2147024891, System.UnauthorizedAccessException" };

/** Temporary data directories for tests that restart a server on the same data, removed after the file's tests. */
export function freshDirs(prefix = "eap-local-sp-"): () => string {
  const dirs: string[] = [];
  afterAll(() => {
    for (const d of dirs) rmSync(d, { recursive: true, force: true });
  });
  return () => {
    const d = mkdtempSync(join(tmpdir(), prefix));
    dirs.push(d);
    return d;
  };
}

/** `GET /_local/stats`. */
export async function stats(baseUrl: string): Promise<{ requests: Record<string, number>; errors: Record<string, number> }> {
  return (await fetch(`${baseUrl}/_local/stats`)).json();
}

/** One request of a raw `$batch`. */
export interface BatchRequest {
  method: string;
  url: string;
  body?: unknown;
  headers?: string[];
}

/**
 * A `$batch` body as PnPjs writes it (LF line endings): each entry is a GET on its own or an array of writes in one
 * changeset.
 */
export function batchBody(boundary: string, entries: (BatchRequest | BatchRequest[])[]): string {
  const http = (r: BatchRequest) => [
    "Content-Type: application/http",
    "Content-Transfer-Encoding: binary",
    "",
    `${r.method} ${r.url} HTTP/1.1`,
    "Accept: application/json",
    ...(r.body === undefined ? [] : ["Content-Type: application/json;charset=utf-8"]),
    ...(r.headers ?? []),
    "",
    ...(r.body === undefined ? [] : [JSON.stringify(r.body), ""]),
  ];
  const lines: string[] = [];
  entries.forEach((e, i) => {
    lines.push(`--${boundary}`);
    if (Array.isArray(e)) {
      const cs = `changeset_${i}`;
      lines.push(`Content-Type: multipart/mixed; boundary="${cs}"`, "");
      for (const r of e) lines.push(`--${cs}`, ...http(r));
      lines.push(`--${cs}--`, "");
    } else lines.push(...http(e));
  });
  lines.push(`--${boundary}--`, "");
  return lines.join("\n");
}
