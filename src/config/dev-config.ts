/**
 * `npm start` (eap dev): where the local stack keeps its data and the ports of its four servers, and the runtime
 * configuration the development tab answers at /eap-config.json (the same shape the production server answers).
 */
import type { ConfigWarning } from "./config-error.ts";
import { gather, settle, validate, withDefault } from "./read-settings.ts";
import { tabConfigOf } from "./server-config.ts";
import { SCOPE_SETTINGS } from "./settings.ts";

const DEV_KEYS = SCOPE_SETTINGS.dev;
const TAB_KEYS = SCOPE_SETTINGS.tab;
type DevKey = (typeof DEV_KEYS)[number];

export interface DevConfig {
  dataDir: string;
  ports: { sharepoint: number; tab: number; bot: number; playground: number };
  playground: boolean;
  warnings: ConfigWarning[];
}

export function loadDevConfig(options: Partial<Record<DevKey, unknown>> = {}, env: NodeJS.ProcessEnv = process.env): DevConfig {
  const r = gather("dev", DEV_KEYS, { options, env });
  for (const key of DEV_KEYS) withDefault(r, key);
  const { values: v, problems } = validate(r, DEV_KEYS);
  const warnings = settle("The settings of eap dev are not valid", problems, r.warnings);
  return {
    dataDir: v.dataDir!,
    ports: { sharepoint: v.sharepointPort!, tab: v.tabPort!, bot: v.botPort!, playground: v.playgroundPort! },
    playground: v.playground!,
    warnings,
  };
}


/** The development tab's /eap-config.json, from the environment (`eap dev` sets the site and the tab's address). */
export function devTabConfig(env: NodeJS.ProcessEnv = process.env): Record<string, string> {
  const r = gather("tab", TAB_KEYS, { env });
  // The development tab signs in with development tokens unless told otherwise.
  withDefault(r, "mode", "local");
  const { values: v, problems } = validate(r, TAB_KEYS);
  settle("The development tab's settings are not valid", problems, []);
  return tabConfigOf({ mode: v.mode!, siteUrl: v.siteUrl ?? "", tabClientId: v.tabClientId, tenantId: v.tenantId, teamsAppId: v.teamsAppId, appBaseUrl: v.appUrl });
}
