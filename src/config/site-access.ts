/**
 * Which SharePoint site a CLI command works on and how it signs in, from the settings table: `--site` /
 * EAP_SITE_URL, `--auth` / EAP_AUTH (development tokens on a loopback site, device code for a person, a certificate
 * for the app), `--as` / EAP_DEV_USER locally, and the tenant, app and certificate for a real site. Only the
 * settings the chosen sign-in uses are read, and all of their problems are reported at once.
 */
import { SEED_ADMINISTRATOR } from "../seed/people.ts";
import type { ConfigProblem, ConfigWarning } from "./config-error.ts";
import { devIdentity, type LocalAppIdentity, type LocalIdentity } from "./local-identities.ts";
import { isLoopbackUrl } from "./loopback.ts";
import { gather, need, problem, type Reading, settle, validate } from "./read-settings.ts";
import type { SCOPE_SETTINGS, SettingKey } from "./settings.ts";
import { isSha1Thumbprint } from "./values.ts";

/**
 * How to sign in to the site, in the shape src/data/auth/sp-auth.ts's spAuthFrom() takes (config imports nothing of
 * the data layer, so the shape is kept by the callers' type checks): the CLI and the server pass it straight on.
 */
export type SignIn =
  /** An unsigned development token: the local list server only. */
  | { kind: "dev"; identity: LocalIdentity }
  /** An unsigned app-only development token (the product's own app, with the list server's site grant): local only. */
  | { kind: "dev-app"; app: LocalAppIdentity }
  /** Delegated: a person at a terminal (the CLI adds where the device code is shown). */
  | { kind: "device-code"; tenantId: string; clientId: string; siteUrl: string }
  /** App-only: the app's certificate (SHA-256 thumbprint preferred; see ./values.ts). */
  | { kind: "certificate"; tenantId: string; clientId: string; siteUrl: string; privateKeyPath: string; thumbprint: string };

/** A sign-in nobody has to be present for (the server's, the bot's). */
export type UnattendedSignIn = Exclude<SignIn, { kind: "device-code" }>;

export interface SiteAccess {
  siteUrl: string;
  signIn: SignIn;
}

type AccessKey = (typeof SCOPE_SETTINGS.site)[number];

/** Values given as options (flags): the site, the sign-in, and any of the settings a sign-in uses. */
export type SiteAccessOptions = Partial<Record<AccessKey, unknown>>;

/** The SHA-1 warning: msal-node deprecates SHA-1 thumbprints (x5t) in favour of SHA-256 (x5t#S256). */
export function thumbprintWarnings(r: Reading<SettingKey>): ConfigWarning[] {
  return isSha1Thumbprint(r.given.certThumbprint?.value)
    ? [
        {
          setting: "EAP_CERT_THUMBPRINT",
          message: "is a SHA-1 thumbprint, which MSAL deprecates; give the certificate's SHA-256 thumbprint (64 hex digits) instead (docs/deploy.md, section 2).",
        },
      ]
    : [];
}

type Auth = "dev" | "device-code" | "certificate";

/** The settings each sign-in uses (besides the site and the sign-in itself). */
const USES = {
  dev: ["devUser"],
  "device-code": ["tenantId", "spClientId", "tabClientId"],
  certificate: ["tenantId", "spClientId", "botId", "certKeyPath", "certThumbprint"],
} as const satisfies Record<Auth, readonly AccessKey[]>;

/** Reads the site and its sign-in; `scope` is the command family (old names differ between them). */
export function readSiteAccess(
  options: SiteAccessOptions,
  env: NodeJS.ProcessEnv,
  scope: "site" | "remind" = "site",
): { reading: Reading<AccessKey>; problems: ConfigProblem[]; access?: SiteAccess } {
  const first = gather(scope, ["siteUrl", "auth"] as const, { options, env });
  const site = first.given.siteUrl?.value;
  const loopback = typeof site === "string" && isLoopbackUrl(site);
  first.given.auth ??= { value: loopback ? "dev" : "device-code", from: "default" };
  const auth = String(first.given.auth.value) as Auth;
  const uses: readonly AccessKey[] = USES[auth] ?? [];
  const rest = gather(scope, uses, { options, env });
  const reading: Reading<AccessKey> = { scope, given: { ...first.given, ...rest.given }, warnings: [...first.warnings, ...rest.warnings] };
  // The operator of a local site: its site collection administrator (provisioning takes Full Control; the plan
  // lists are written by site owners and the app only).
  if (auth === "dev") reading.given.devUser ??= { value: SEED_ADMINISTRATOR.upn, from: "default" };

  const keys: AccessKey[] = ["siteUrl", "auth", ...uses];
  const { values: v, problems } = validate(reading, keys);
  if (!reading.given.siteUrl) problems.push(problem(reading, "siteUrl", "is required: pass --site URL or set EAP_SITE_URL", "missing"));
  if (auth === "dev" && site !== undefined && !loopback)
    problems.push(problem(reading, "auth", "refused: development tokens are for the local list server only (a loopback site URL)", "refused"));
  if (auth === "device-code" || auth === "certificate") {
    problems.push(...need(reading, "tenantId", `for --auth ${auth}`));
    const fallback = auth === "certificate" ? "botId" : "tabClientId";
    if (!reading.given.spClientId && !reading.given[fallback])
      problems.push(
        problem(
          reading,
          "spClientId",
          auth === "certificate"
            ? "is required for --auth certificate: the app holding the certificate and the site grant (or set EAP_BOT_ID, the default)"
            : "is required for --auth device-code: an app that allows public client flows (or set EAP_TAB_CLIENT_ID, the default)",
          "missing",
        ),
      );
  }
  if (auth === "certificate") problems.push(...need(reading, "certKeyPath", "for --auth certificate"), ...need(reading, "certThumbprint", "for --auth certificate"));
  reading.warnings.push(...thumbprintWarnings(reading));
  if (problems.length) return { reading, problems };

  const siteUrl = v.siteUrl!;
  const clientId = v.spClientId ?? (auth === "certificate" ? v.botId : v.tabClientId);
  const signIn: SignIn =
    auth === "dev"
      ? { kind: "dev", identity: devIdentity(v.devUser!) }
      : auth === "device-code"
        ? { kind: "device-code", tenantId: v.tenantId!, clientId: clientId!, siteUrl }
        : { kind: "certificate", tenantId: v.tenantId!, clientId: clientId!, siteUrl, privateKeyPath: v.certKeyPath!, thumbprint: v.certThumbprint! };
  return { reading, problems, access: { siteUrl, signIn } };
}

/** The site and its sign-in, or a ConfigError listing every problem. */
export function loadSiteAccess(options: SiteAccessOptions = {}, env: NodeJS.ProcessEnv = process.env): { access: SiteAccess; warnings: ConfigWarning[] } {
  const { reading, problems, access } = readSiteAccess(options, env);
  const warnings = settle("The settings are not valid", problems, reading.warnings);
  return { access: access!, warnings };
}
