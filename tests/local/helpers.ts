/** PnPjs wiring shared by the local SharePoint suites: the production client, pointed at the local server. */
import { type SPFI, SPBrowser, spfi } from "@pnp/sp";
import "@pnp/sp/webs";
import "@pnp/sp/lists";
import "@pnp/sp/items";
import "@pnp/sp/fields";
import "@pnp/sp/site-users/web";
import "@pnp/sp/batching";
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
