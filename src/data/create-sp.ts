/**
 * The one spfi() factory. Every SharePoint call of the tab, the bot and the CLI goes through an SPFI made here:
 * the same behaviors in Node and in the browser, with only the auth behavior differing (development token,
 * nested app authentication, MSAL for Node).
 */
import type { TimelinePipe } from "@pnp/core";
import { DefaultParse, InjectHeaders, type Queryable } from "@pnp/queryable";
import { DefaultHeaders, DefaultInit, RequestDigest, type SPFI, spfi } from "@pnp/sp";
import "@pnp/sp/webs";
import "@pnp/sp/lists";
import "@pnp/sp/items";
import "@pnp/sp/site-users/web";
import "@pnp/sp/batching";
import type { SpAuth } from "./auth/token-auth.ts";
import { ambientRetryPolicy, type RetryPolicy, RetryThrottled } from "./throttling.ts";

export type { SPFI };

export const APP_VERSION = "0.1.0";
/** SharePoint asks ISVs to identify their traffic this way; it also earns better throttling treatment. */
export const USER_AGENT = `NONISV|EqualityActionPlan|EqualityActionPlan/${APP_VERSION}`;

export interface SpOptions {
  /**
   * How 429/503/504 and dropped connections are retried (default: DEFAULT_RETRY_POLICY in Node, for the CLI and the
   * bot; INTERACTIVE_RETRY_POLICY in a browser, where a person is waiting; see throttling.ts).
   */
  retry?: Partial<RetryPolicy>;
  /** Shorthand for retry.attempts. */
  retries?: number;
  /** Shorthand for retry.firstDelayMs: the first back-off when SharePoint sends no Retry-After. */
  retryIntervalMs?: number;
}

function retryPolicy(o: SpOptions): RetryPolicy {
  return {
    ...ambientRetryPolicy(),
    ...(o.retries !== undefined ? { attempts: o.retries } : {}),
    ...(o.retryIntervalMs !== undefined ? { firstDelayMs: o.retryIntervalMs } : {}),
    ...o.retry,
  };
}

/** Browsers refuse to set User-Agent; Node sends it. The client tag travels in both. */
function Identify(): TimelinePipe<Queryable> {
  const headers: Record<string, string> = { "X-ClientService-ClientTag": USER_AGENT };
  if (typeof window === "undefined") headers["User-Agent"] = USER_AGENT;
  return InjectHeaders(headers);
}

/**
 * Creates the SPFI for a site. `auth` adds the Authorization header (see ./auth); without it writes fall back to
 * SharePoint's form digest, as in a page served by SharePoint itself.
 */
export function createSp(siteUrl: string, auth?: SpAuth, options: SpOptions = {}): SPFI {
  const baseUrl = siteUrl.replace(/\/+$/, "");
  const behaviors: TimelinePipe<Queryable>[] = [
    DefaultHeaders(),
    DefaultInit(),
    Identify(),
    RetryThrottled(retryPolicy(options)),
    DefaultParse(),
  ];
  if (auth) behaviors.push(auth);
  behaviors.push(RequestDigest());
  return spfi(baseUrl).using(...behaviors, (instance: Queryable) => {
    instance.on.pre.prepend(async (url, init, result) => {
      if (!/^https?:\/\//i.test(url)) url = `${baseUrl}/${url.replace(/^\/+/, "")}`;
      return [url, init, result];
    });
    return instance;
  });
}
