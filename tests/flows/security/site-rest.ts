/**
 * Raw SharePoint REST calls for the attack tests: what a curious officer sends with their own delegated token (here a
 * development token for a seeded person), no product code in between. `app` is the product's own app-only identity.
 */
import { devIdentity, LOCAL_APP_IDENTITY } from "../../../src/config/local-identities.ts";
import { mintDevAppToken, mintDevToken } from "../../../src/data/auth/dev-token.ts";

export interface RestReply {
  status: number;
  body: Record<string, unknown> & { value?: Array<Record<string, unknown>> };
  /** SharePoint's error code ("-2147024891, System.UnauthorizedAccessException"), when it refused. */
  code?: string;
}

export const ACCESS_DENIED = "-2147024891, System.UnauthorizedAccessException";

export function restAs(siteUrl: string, who: string | "app") {
  const token = who === "app" ? mintDevAppToken(LOCAL_APP_IDENTITY) : mintDevToken(devIdentity(who));
  return async (method: string, path: string, body?: unknown, headers: Record<string, string> = {}): Promise<RestReply> => {
    const res = await fetch(`${siteUrl}/_api/${path}`, {
      method: method === "MERGE" ? "POST" : method,
      headers: {
        Authorization: `Bearer ${token}`,
        Accept: "application/json;odata=nometadata",
        "Content-Type": "application/json;odata=nometadata",
        ...(method === "MERGE" ? { "X-HTTP-Method": "MERGE", "IF-MATCH": "*" } : {}),
        ...headers,
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await res.text();
    const parsed = text ? (JSON.parse(text) as RestReply["body"]) : {};
    const err = parsed["odata.error"] as { code?: string } | undefined;
    return { status: res.status, body: parsed, code: err?.code };
  };
}

export const claimsOf = (upn: string) => `i:0#.f|membership|${upn}`;
export const listPath = (title: string) => `web/lists/getByTitle('${encodeURIComponent(title)}')`;
