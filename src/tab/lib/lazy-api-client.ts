/**
 * The write API's client, loaded on the first write: My actions only reads, so the client (its routes, refusals and
 * retries, which grow with every command) stays out of the first view's JavaScript. Each method loads the module
 * once and forwards the call; the answer and any ApiRefusal are the client's own.
 */
import type { TokenProvider } from "../../data/auth/token-auth.ts";
import type { ApiClient } from "./api-client.ts";

export function lazyApiClient(token: TokenProvider): ApiClient {
  let client: Promise<ApiClient> | null = null;
  const load = () => {
    client ??= import("./api-client.ts").then((m) => m.createApiClient(token));
    return client;
  };
  return new Proxy({} as ApiClient, {
    // Not "then": the client is no promise, and one that looked thenable would be awaited, not returned, by async code.
    get: (_target, name) =>
      typeof name === "string" && name !== "then"
        ? (...args: unknown[]) => load().then((c) => (c[name as keyof ApiClient] as (...a: unknown[]) => unknown)(...args))
        : undefined,
  });
}
