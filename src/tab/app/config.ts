/**
 * The tab's runtime configuration, fetched from `./eap-config.json` at start (served by the vite dev plugin or the
 * production server). Validated so that a bad deployment shows what is wrong instead of a blank tab.
 */
// zod/mini: the same validation as zod's classic API, tree-shakable, so the first view stays small.
import * as z from "zod/mini";

const text = () => z.optional(z.string().check(z.minLength(1)));

export const tabConfigSchema = z
  .object({
    mode: z.enum(["local", "m365"], { error: 'mode must be "local" or "m365"' }),
    siteUrl: z.url({ error: "siteUrl must be an absolute URL such as https://contoso.sharepoint.com/sites/edi" }),
    clientId: text(),
    tenantId: text(),
    teamsAppId: text(),
    appBaseUrl: z.optional(z.url({ error: "appBaseUrl must be an absolute URL" })),
  })
  .check(
    z.refine((c) => c.mode !== "m365" || !!c.clientId, { path: ["clientId"], error: "clientId is required in m365 mode" }),
  );
export type TabConfig = z.infer<typeof tabConfigSchema>;

export class ConfigError extends Error {
  readonly reason: "unreachable" | "invalid";
  readonly details: string[];
  constructor(reason: "unreachable" | "invalid", message: string, details: string[] = []) {
    super(message);
    this.name = "ConfigError";
    this.reason = reason;
    this.details = details;
  }
}

export function parseTabConfig(raw: unknown): TabConfig {
  const parsed = tabConfigSchema.safeParse(raw);
  if (!parsed.success) {
    const details = parsed.error.issues.map((i) => `${i.path.join(".") || "(config)"}: ${i.message}`);
    throw new ConfigError("invalid", "The tab's configuration (eap-config.json) is not valid.", details);
  }
  return { ...parsed.data, siteUrl: parsed.data.siteUrl.replace(/\/+$/, "") };
}

export async function loadTabConfig(url = "./eap-config.json", fetchImpl: typeof fetch = fetch): Promise<TabConfig> {
  let res: Response;
  try {
    res = await fetchImpl(url, { cache: "no-store" });
  } catch (err) {
    throw new ConfigError("unreachable", `Could not fetch ${url}: ${(err as Error).message}`);
  }
  if (!res.ok) throw new ConfigError("unreachable", `Could not fetch ${url}: HTTP ${res.status}.`);
  let body: unknown;
  try {
    body = await res.json();
  } catch {
    throw new ConfigError("invalid", `${url} is not JSON.`);
  }
  return parseTabConfig(body);
}
