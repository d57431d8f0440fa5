/**
 * How every command says which site and how to authenticate: flags, then environment variables, then defaults
 * (options > env > default), validated with zod so that a bad setting is named with its value.
 *
 *   --site URL          EAP_SITE_URL      the SharePoint site (local: http://127.0.0.1:4321/sites/edi)
 *   --auth MODE         EAP_AUTH          dev | device-code | certificate (default: dev on a loopback site,
 *                                         device-code elsewhere)
 *   --as EMAIL          EAP_DEV_USER      who a development token speaks for (local mode only)
 *                       EAP_TENANT_ID, EAP_CLIENT_ID, EAP_CERT_KEY_PATH, EAP_CERT_THUMBPRINT  (real sites)
 */
import { createHash } from "node:crypto";
import type { Command } from "commander";
import { z } from "zod";
import type { DevIdentity } from "../data/auth/dev-token.ts";
import { spAuthFrom } from "../data/auth/sp-auth.ts";
import { createSp, type SpAuth, type SPFI } from "../data/index.ts";
import { SEED_EQUALITIES_LEAD_UPN, seedPerson } from "../seed/people.ts";
import { CliError } from "./errors.ts";

export function addSiteOptions(cmd: Command): Command {
  return cmd
    .option("--site <url>", "SharePoint site URL (env EAP_SITE_URL)")
    .option("--auth <mode>", "dev | device-code | certificate (env EAP_AUTH)")
    .option("--as <email>", "local mode: act as this person (env EAP_DEV_USER)");
}

export function isLoopback(url: string): boolean {
  try {
    const h = new URL(url).hostname;
    return h === "127.0.0.1" || h === "localhost" || h === "[::1]" || h.startsWith("127.");
  } catch {
    return false;
  }
}

const settingsSchema = z
  .object({
    site: z.string({ error: "no site given: pass --site URL or set EAP_SITE_URL" }).url("is not a URL"),
    auth: z.enum(["dev", "device-code", "certificate"]),
    as: z.string().email("is not an email address"),
    tenantId: z.string().optional(),
    clientId: z.string().optional(),
    certKeyPath: z.string().optional(),
    certThumbprint: z.string().optional(),
  })
  .superRefine((s, ctx) => {
    if (s.auth === "dev" && !isLoopback(s.site))
      ctx.addIssue({ code: "custom", path: ["auth"], message: "development tokens are for the local list server only (a loopback site URL)" });
    if (s.auth !== "dev") {
      if (!s.tenantId) ctx.addIssue({ code: "custom", path: ["tenantId"], message: "EAP_TENANT_ID is required" });
      if (!s.clientId) ctx.addIssue({ code: "custom", path: ["clientId"], message: "EAP_CLIENT_ID is required" });
    }
    if (s.auth === "certificate") {
      if (!s.certKeyPath) ctx.addIssue({ code: "custom", path: ["certKeyPath"], message: "EAP_CERT_KEY_PATH is required" });
      if (!s.certThumbprint) ctx.addIssue({ code: "custom", path: ["certThumbprint"], message: "EAP_CERT_THUMBPRINT is required" });
    }
  });
export type SiteSettings = z.infer<typeof settingsSchema>;

export function siteSettings(opts: { site?: string; auth?: string; as?: string }, env = process.env): SiteSettings {
  const site = (opts.site ?? env.EAP_SITE_URL)?.replace(/\/+$/, "");
  const raw = {
    site,
    auth: opts.auth ?? env.EAP_AUTH ?? (site && isLoopback(site) ? "dev" : "device-code"),
    as: opts.as ?? env.EAP_DEV_USER ?? SEED_EQUALITIES_LEAD_UPN,
    tenantId: env.EAP_TENANT_ID,
    clientId: env.EAP_CLIENT_ID,
    certKeyPath: env.EAP_CERT_KEY_PATH,
    certThumbprint: env.EAP_CERT_THUMBPRINT,
  };
  const parsed = settingsSchema.safeParse(raw);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => {
      const k = String(i.path[0] ?? "");
      const v = (raw as Record<string, unknown>)[k];
      return `  - ${k}${v !== undefined && k !== "certKeyPath" ? ` ("${v}")` : ""}: ${i.message}`;
    });
    throw new CliError("config", `invalid settings:\n${lines.join("\n")}`);
  }
  return parsed.data;
}

/**
 * A development identity: a seeded person (found by object id, UPN or mail; the token then names them by their
 * UPN and oid), or any other sign-in name with a stable made-up object id.
 */
export function devIdentity(who: string): DevIdentity {
  const p = seedPerson(who);
  if (p) return { upn: p.upn, name: p.name, oid: p.oid };
  const h = createHash("sha256").update(who.toLowerCase()).digest("hex");
  const oid = `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-8${h.slice(17, 20)}-${h.slice(20, 32)}`;
  return { upn: who, name: who.split("@")[0], oid };
}

/** The auth behavior for these settings: what createSp() and the bot's options take. */
export async function authFor(settings: SiteSettings, say: (m: string) => void = (m) => process.stderr.write(`${m}\n`)): Promise<SpAuth> {
  if (settings.auth === "dev") return spAuthFrom({ kind: "dev", identity: devIdentity(settings.as) });
  // The schema above made sure the tenant, the client and (for a certificate) the key are given.
  const app = { tenantId: settings.tenantId!, clientId: settings.clientId!, siteUrl: settings.site };
  return spAuthFrom(
    settings.auth === "device-code"
      ? { kind: "device-code", ...app, say }
      : { kind: "certificate", ...app, privateKeyPath: settings.certKeyPath!, thumbprint: settings.certThumbprint! },
  );
}

export async function connect(settings: SiteSettings, say?: (m: string) => void): Promise<SPFI> {
  return createSp(settings.site, await authFor(settings, say));
}
