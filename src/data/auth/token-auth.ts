/**
 * Auth behaviors: each adds `Authorization: Bearer <token>` at PnPjs' auth moment, asking the token provider
 * every time so that the provider (MSAL, nested app auth) can renew silently. Added before RequestDigest in the
 * pipeline, so a request with a token never asks SharePoint for a form digest.
 */
import type { TimelinePipe } from "@pnp/core";
import type { Queryable } from "@pnp/queryable";

export type TokenProvider = () => Promise<string>;

/** An auth behavior: how a feature hands its SharePoint auth to createSp() without importing @pnp itself. */
export type SpAuth = TimelinePipe<Queryable>;

export function TokenAuth(getToken: TokenProvider): SpAuth {
  return (instance: Queryable) => {
    instance.on.auth(async (url, init) => {
      const token = await getToken();
      init.headers = { ...(init.headers as Record<string, string>), Authorization: `Bearer ${token}` };
      return [url, init];
    });
    return instance;
  };
}
