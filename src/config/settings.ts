/**
 * THE settings table: every setting of every command, once — its environment variable, its flag, its default, how
 * it is validated and what it means. Commands read their settings through ./read-settings.ts (options > environment
 * > default, as microsoft/teams.ts does), and the configuration tables in docs/deploy.md are generated from this one
 * (./settings-docs.ts; a test keeps them equal).
 *
 * Longer than 300 lines on purpose: one entry per setting reads best as one list.
 */
import type { z } from "zod";
import { bool, cron, email, guid, hostName, httpsUrl, httpUrl, int, oneOf, text, thumbprint } from "./values.ts";

/**
 * Who reads a setting: the production server, the app package, `npm start`, the development tab it serves, the CLI
 * commands that work on a site (provision, seed, import, import-values, rollover, report, export, doctor), and the one-off reminder run.
 * A command offers the flag of every setting its scope reads.
 */
export type Scope = "serve" | "package" | "dev" | "tab" | "site" | "remind";

export type Section = "site" | "app" | "bot" | "server" | "package" | "dev";

/** A name a setting had before; still read (with a warning) until OLD_NAMES_REMOVED_IN. */
export interface OldName {
  env?: string;
  flag?: string;
  /** Where the old name meant this setting (EAP_CLIENT_ID meant the tab's app in the server, SharePoint's in the CLI). */
  scopes?: readonly Scope[];
}

/** The release from which old names are ignored. They are read, with a warning, by every release before it. */
export const OLD_NAMES_REMOVED_IN = "0.3.0";

export interface SettingDef {
  /** The environment variable: the name errors, warnings and the docs use. */
  env: string;
  /** Names set by the platform, read after `env` (App Service's PORT, the Agents Toolkit's TEAMS_APP_ID). */
  alsoFrom?: readonly string[];
  oldNames?: readonly OldName[];
  /** The command-line flag, for the commands that offer one: "--site <url>", or "--no-reminders" for a switch. */
  flag?: string;
  /** --help's words for a switch that turns the setting off (the description says what "on" means). */
  flagText?: string;
  schema: z.ZodType;
  /** A fixed default; a default computed from other settings is described by `defaultText` and set by the command. */
  default?: string | number | boolean;
  defaultText?: string;
  /** When a command cannot do without it (for the docs; the loaders enforce it). */
  requiredText?: string;
  description: string;
  example?: string;
  /** Never shown back (errors, logs): secrets, and paths to key files. */
  secret?: boolean;
  section: Section;
}

const def = <T extends Record<string, SettingDef>>(t: T) => t;

export const SETTINGS = def({
  // --- The SharePoint site and how to sign in to it -----------------------------------------------------------
  siteUrl: {
    env: "EAP_SITE_URL",
    flag: "--site <url>",
    oldNames: [{ flag: "--site-url <url>", scopes: ["package"] }],
    schema: httpUrl(),
    requiredText: "by `serve`, the site commands and `remind` (`package` derives the SharePoint scope from it)",
    description: "the council's SharePoint site (https in m365 mode; locally the list server's loopback URL)",
    example: "https://contoso.sharepoint.com/sites/equality",
    section: "site",
  },
  auth: {
    env: "EAP_AUTH",
    flag: "--auth <mode>",
    schema: oneOf(["dev", "device-code", "certificate"]),
    defaultText: "`dev` on a loopback site, else `device-code`",
    description: "how the CLI signs in to SharePoint: `dev` (development tokens, local list server only), `device-code` (a person, delegated) or `certificate` (the app, app-only)",
    example: "certificate",
    section: "site",
  },
  devUser: {
    env: "EAP_DEV_USER",
    flag: "--as <email>",
    schema: email(),
    defaultText: "the seeded site collection administrator",
    description: "local mode only: who a development token speaks for (a seeded person's sign-in name or mail)",
    example: "an.officer@example.org",
    section: "site",
  },
  tenantId: {
    env: "EAP_TENANT_ID",
    oldNames: [{ env: "EAP_BOT_TENANT_ID", scopes: ["remind"] }],
    schema: guid("Entra tenant id"),
    requiredText: "by `serve` in m365 mode, device-code and certificate sign-in, and `remind` sending on a real site",
    description: "the council's Entra tenant id",
    example: "7a6b5c4d-3e2f-4a1b-8c9d-0e1f2a3b4c5d",
    section: "site",
  },
  spClientId: {
    env: "EAP_SP_CLIENT_ID",
    oldNames: [{ env: "EAP_CLIENT_ID", scopes: ["site", "remind"] }],
    schema: guid("Entra app that signs in to SharePoint"),
    defaultText: "`EAP_BOT_ID` for certificate sign-in; `EAP_TAB_CLIENT_ID` for device code",
    description: "the Entra app that signs in to SharePoint: for app-only (certificate) the app holding the certificate and the Sites.Selected grant; for device code an app that allows public client flows",
    example: "5c1b7f0e-8a7d-4c55-9d1e-3f6a2b9c0d11",
    section: "site",
  },
  certKeyPath: {
    env: "EAP_CERT_KEY_PATH",
    schema: text(),
    requiredText: "by `serve` in m365 mode and certificate sign-in",
    description: "the PEM private key of the certificate registered on that app (read at start)",
    example: "/home/site/secrets/eap-sharepoint.pem",
    secret: true,
    section: "site",
  },
  certThumbprint: {
    env: "EAP_CERT_THUMBPRINT",
    schema: thumbprint(),
    requiredText: "by `serve` in m365 mode and certificate sign-in",
    description: "that certificate's SHA-256 thumbprint, 64 hex digits (a SHA-1 thumbprint, 40 hex digits, is still accepted with a warning: MSAL deprecates it)",
    example: "3f7a…c2d1 (64 hex digits)",
    section: "site",
  },

  // --- The tab's app and where Teams loads it from -------------------------------------------------------------
  tabClientId: {
    env: "EAP_TAB_CLIENT_ID",
    flag: "--tab-client-id <guid>",
    oldNames: [{ env: "EAP_CLIENT_ID", scopes: ["serve", "package", "tab"] }, { flag: "--client-id <guid>", scopes: ["package"] }],
    schema: guid("tab's Entra app client id"),
    requiredText: "by `serve` in m365 mode and `package`",
    description: "the tab's Entra app (nested app authentication; `webApplicationInfo` in the manifest); also the CLI's default app for device-code sign-in",
    example: "0f9e8d7c-6b5a-4433-8221-100f0e0d0c0b",
    section: "app",
  },
  teamsAppId: {
    // The Agents Toolkit's own name (its teamsApp/create action writes it), so the toolkit's env files just work.
    env: "TEAMS_APP_ID",
    oldNames: [{ env: "EAP_TEAMS_APP_ID", scopes: ["serve", "remind", "tab"] }],
    flag: "--teams-app-id <guid>",
    schema: guid("Teams app id"),
    requiredText: "by `package`",
    description: "the Teams app id (a GUID chosen once and kept; the manifest's id, and deep links)",
    example: "11111111-1111-4111-8111-111111111111",
    section: "app",
  },
  publicHost: {
    env: "EAP_PUBLIC_HOST",
    flag: "--public-host <host>",
    schema: hostName(),
    requiredText: "by `serve` in m365 mode and `package`",
    description: "the host name Teams loads the tab from: content URLs, valid domains, the NAA redirect, links in cards",
    example: "eap.maidstone.gov.uk",
    section: "app",
  },
  appUrl: {
    env: "EAP_APP_BASE_URL",
    flag: "--app-url <url>",
    schema: httpUrl(),
    defaultText: "`https://<EAP_PUBLIC_HOST>`; locally the development tab, http://127.0.0.1:5173",
    description: "the tab's address, for links in cards sent by `eap remind` and for the development tab",
    example: "https://eap.maidstone.gov.uk",
    section: "app",
  },

  // --- The bot -----------------------------------------------------------------------------------------------
  botId: {
    env: "EAP_BOT_ID",
    flag: "--bot-id <guid>",
    oldNames: [{ env: "EAP_BOT_CLIENT_ID", scopes: ["remind"] }],
    schema: guid("bot's Entra app id"),
    requiredText: "by `serve` in m365 mode, `package`, and `remind` sending on a real site",
    description: "the bot's Entra app id: every request to `/api/messages` is validated against it; also the default app for certificate (app-only) sign-in to SharePoint",
    example: "5c1b7f0e-8a7d-4c55-9d1e-3f6a2b9c0d11",
    section: "bot",
  },
  botSecret: {
    env: "EAP_BOT_SECRET",
    oldNames: [{ env: "EAP_BOT_CLIENT_SECRET", scopes: ["remind"] }],
    schema: text(),
    requiredText: "by `remind` sending on a real site",
    description: "the bot app's client secret (for sending messages through the Bot Framework)",
    example: "(secret)",
    secret: true,
    section: "bot",
  },
  ediChannel: {
    env: "EAP_EDI_CHANNEL",
    oldNames: [{ env: "EAP_EDI_CONVERSATION_ID", scopes: ["remind"] }],
    schema: text(),
    description: "the equalities team channel's conversation id, for the weekly digest",
    example: "19:abc…@thread.tacv2",
    section: "bot",
  },
  ediServiceUrl: {
    env: "EAP_EDI_SERVICE_URL",
    schema: httpsUrl("the service URL Teams gave the channel's conversation, e.g. https://smba.trafficmanager.net/uk/"),
    requiredText: "with `EAP_EDI_CHANNEL`",
    description: "that conversation's service URL (needed with `EAP_EDI_CHANNEL`)",
    example: "https://smba.trafficmanager.net/uk/",
    section: "bot",
  },
  reminders: {
    env: "EAP_REMINDERS",
    flag: "--no-reminders",
    flagText: "do not run the reminder schedule in this process",
    schema: bool(),
    default: true,
    description: "run the reminder schedule in this process (`false` on all but one instance when scaled out)",
    example: "false",
    section: "bot",
  },
  reminderSchedule: {
    env: "EAP_REMINDER_SCHEDULE",
    schema: cron(),
    // Weekdays at 09:00 UK time: reminders land at the start of the working day.
    default: "0 9 * * 1-5",
    description: "when reminders run (cron, UK time)",
    example: "30 8 * * 1-5",
    section: "bot",
  },
  ediDigestSchedule: {
    env: "EAP_EDI_DIGEST_SCHEDULE",
    schema: cron(),
    // Mondays at 10:00 UK time: the equalities team's weekly digest in its channel.
    default: "0 10 * * 1",
    description: "when the equalities digest runs (cron, UK time)",
    example: "0 9 * * 1",
    section: "bot",
  },
  reminderEmail: {
    env: "EAP_REMINDER_EMAIL",
    flag: "--reminder-email <mode>",
    schema: oneOf(["off", "fallback", "always"]),
    default: "fallback",
    description:
      "the reminder email: `fallback` emails the digest to officers the bot cannot reach in Teams (an app permission policy, no Teams licence, the bot blocked), `always` to every officer as well as the card, `off` never. Sent only when `EAP_MAIL_SENDER` is set",
    example: "always",
    section: "bot",
  },
  mailSender: {
    env: "EAP_MAIL_SENDER",
    flag: "--mail-sender <address>",
    schema: email(),
    description:
      "the shared mailbox reminder emails are sent from, through Microsoft Graph; the app's Mail.Send must be limited to it with Exchange Online RBAC for Applications (see section 3a)",
    example: "equality-reminders@maidstone.gov.uk",
    section: "bot",
  },
  botSkipAuth: {
    env: "EAP_BOT_SKIP_AUTH",
    schema: bool(),
    default: false,
    description: "local mode only: accept bot activities without a token. Refused in m365 mode, under `NODE_ENV=production`, with `EAP_BOT_ID`, and on a host that is not loopback",
    example: "true",
    section: "bot",
  },

  // --- The production server ---------------------------------------------------------------------------------
  mode: {
    env: "EAP_MODE",
    flag: "--mode <mode>",
    schema: oneOf(["m365", "local"], 'must be "m365" (a real tenant) or "local" (the local list server)'),
    default: "m365",
    description: "`m365` (your tenant) or `local` (the local list server, development tokens: loopback only)",
    example: "m365",
    section: "server",
  },
  host: {
    env: "EAP_HOST",
    flag: "--host <host>",
    schema: text(),
    default: "127.0.0.1",
    description: "the address to listen on (local mode: loopback only)",
    example: "all interfaces on App Service, in m365 mode only (infra/azure.bicep sets it)",
    section: "server",
  },
  port: {
    env: "EAP_PORT",
    alsoFrom: ["PORT"],
    flag: "--port <port>",
    schema: int(0, 65535),
    default: 3978,
    description: "the port; `0` picks a free one",
    example: "8080",
    section: "server",
  },
  tabDir: {
    env: "EAP_TAB_DIR",
    flag: "--tab-dir <dir>",
    schema: text(),
    default: "dist/tab",
    description: "the built tab",
    example: "/home/site/wwwroot/dist/tab",
    section: "server",
  },
  maxBodyBytes: {
    env: "EAP_MAX_BODY_BYTES",
    schema: int(1024, 10 * 1024 * 1024),
    // Bot activities are a few kB; the Teams SDK's own JSON parser stops at 100 kB too.
    default: 100 * 1024,
    description: "the largest request body accepted (413 beyond)",
    example: "262144",
    section: "server",
  },
  logLevel: {
    env: "EAP_LOG_LEVEL",
    schema: oneOf(["fatal", "error", "warn", "info", "debug", "trace", "silent"]),
    default: "info",
    description: "`fatal` `error` `warn` `info` `debug` `trace` `silent`",
    example: "debug",
    section: "server",
  },
  shutdownGraceMs: {
    env: "EAP_SHUTDOWN_GRACE_MS",
    schema: int(0, 120_000),
    default: 10_000,
    description: "how long SIGTERM waits for reminder sends in flight",
    example: "30000",
    section: "server",
  },
  nodeEnv: {
    env: "NODE_ENV",
    schema: text(),
    description: "`production` refuses every way of skipping authentication",
    example: "production",
    section: "server",
  },

  // --- The Teams app package ---------------------------------------------------------------------------------
  sharePointScope: {
    env: "EAP_SHAREPOINT_SCOPE",
    schema: text().regex(/^https:\/\/\S+$/, "must be a scope URI such as https://contoso.sharepoint.com/.default"),
    defaultText: "`<site origin>/.default`",
    description: "the SharePoint scope the tab's token is pre-fetched for (`nestedAppAuthInfo`)",
    example: "https://contoso.sharepoint.com/.default",
    section: "package",
  },
  appVersion: {
    env: "EAP_APP_VERSION",
    flag: "--app-version <x.y.z>",
    schema: text().regex(/^\d+\.\d+\.\d+$/, "must be a version like 1.2.3 (Teams accepts only three numbers)"),
    defaultText: "the `package.json` version",
    description: "the version shown in Teams; raise it for every new package",
    example: "1.2.0",
    section: "package",
  },
  developerName: {
    env: "EAP_DEVELOPER_NAME",
    // Lengths the Teams schema itself checks are left to it, so its errors reach the operator as they are.
    schema: text(),
    default: "Equality Action Plan",
    description: "the publisher shown in Teams (32 characters at most)",
    example: "Maidstone Borough Council",
    section: "package",
  },
  websiteUrl: {
    env: "EAP_WEBSITE_URL",
    schema: httpsUrl("the developer's website"),
    defaultText: "`https://<EAP_PUBLIC_HOST>/`",
    description: "your website (https)",
    example: "https://www.maidstone.gov.uk",
    section: "package",
  },
  privacyUrl: {
    env: "EAP_PRIVACY_URL",
    schema: httpsUrl("the privacy notice"),
    defaultText: "the website",
    description: "your privacy notice (https)",
    example: "https://www.maidstone.gov.uk/privacy",
    section: "package",
  },
  termsUrl: {
    env: "EAP_TERMS_URL",
    schema: httpsUrl("the terms of use"),
    defaultText: "the website",
    description: "your terms of use (https)",
    example: "https://www.maidstone.gov.uk/terms",
    section: "package",
  },

  // --- npm start (eap dev) -----------------------------------------------------------------------------------
  dataDir: {
    env: "EAP_DATA_DIR",
    flag: "--data <dir>",
    schema: text(),
    default: ".data",
    description: "where the local list server keeps its databases",
    example: "/tmp/eap-data",
    section: "dev",
  },
  sharepointPort: {
    env: "EAP_SHAREPOINT_PORT",
    flag: "--sharepoint-port <n>",
    schema: int(0, 65535),
    default: 4321,
    description: "the local list server's port",
    example: "4322",
    section: "dev",
  },
  tabPort: {
    env: "EAP_TAB_PORT",
    flag: "--tab-port <n>",
    schema: int(0, 65535),
    default: 5173,
    description: "the development tab's (vite) port",
    example: "5174",
    section: "dev",
  },
  botPort: {
    env: "EAP_BOT_PORT",
    flag: "--bot-port <n>",
    schema: int(0, 65535),
    default: 3978,
    description: "the local bot's port",
    example: "3979",
    section: "dev",
  },
  playgroundPort: {
    env: "EAP_PLAYGROUND_PORT",
    flag: "--playground-port <n>",
    schema: int(0, 65535),
    default: 56150,
    description: "Microsoft 365 Agents Playground's port",
    example: "56151",
    section: "dev",
  },
  playground: {
    env: "EAP_PLAYGROUND",
    flag: "--no-playground",
    flagText: "do not start Microsoft 365 Agents Playground",
    schema: bool(),
    default: true,
    description: "start Microsoft 365 Agents Playground",
    example: "false",
    section: "dev",
  },
});

export type SettingKey = keyof typeof SETTINGS;
export type SettingValue<K extends SettingKey> = z.output<(typeof SETTINGS)[K]["schema"]>;

const SITE_ACCESS = ["siteUrl", "auth", "devUser", "tenantId", "spClientId", "tabClientId", "botId", "certKeyPath", "certThumbprint"] as const;

/** Every setting each scope may read (the docs' "read by" column, and the check that no name means two things). */
export const SCOPE_SETTINGS = {
  serve: [
    "mode",
    "host",
    "port",
    "siteUrl",
    "publicHost",
    "tenantId",
    "tabClientId",
    "botId",
    "botSecret",
    "spClientId",
    "certKeyPath",
    "certThumbprint",
    "teamsAppId",
    "ediChannel",
    "ediServiceUrl",
    "reminderSchedule",
    "ediDigestSchedule",
    "reminders",
    "reminderEmail",
    "mailSender",
    "tabDir",
    "maxBodyBytes",
    "logLevel",
    "shutdownGraceMs",
    "botSkipAuth",
    "nodeEnv",
  ],
  package: ["teamsAppId", "tabClientId", "botId", "publicHost", "siteUrl", "sharePointScope", "appVersion", "developerName", "websiteUrl", "privacyUrl", "termsUrl"],
  site: SITE_ACCESS,
  remind: [...SITE_ACCESS, "botSecret", "appUrl", "publicHost", "teamsAppId", "ediChannel", "ediServiceUrl", "reminderEmail", "mailSender"],
  dev: ["dataDir", "sharepointPort", "tabPort", "botPort", "playgroundPort", "playground"],
  tab: ["mode", "siteUrl", "tabClientId", "tenantId", "teamsAppId", "appUrl"],
} as const satisfies Record<Scope, readonly SettingKey[]>;

/** The commands behind each scope, as the docs name them. */
export const SCOPE_COMMANDS: Record<Scope, string> = {
  serve: "serve",
  package: "package",
  dev: "dev",
  tab: "the development tab (vite, under `npm start`)",
  site: "provision, seed, import, import-values, rollover, report, export, doctor",
  remind: "remind",
};
