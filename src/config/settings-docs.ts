/**
 * The configuration tables of docs/deploy.md, written from the settings table (./settings.ts) so that the docs
 * cannot drift from what the commands read: `npx eap settings --write docs/deploy.md` replaces the block between
 * the markers, and a test fails when the committed block differs from what this module writes.
 */
import { OLD_NAMES_REMOVED_IN, SCOPE_COMMANDS, SCOPE_SETTINGS, type Scope, type Section, SETTINGS, type SettingDef, type SettingKey } from "./settings.ts";

export const DOCS_BEGIN = "<!-- settings:begin — generated from src/config/settings.ts by `npx eap settings --write docs/deploy.md`; do not edit by hand -->";
export const DOCS_END = "<!-- settings:end -->";

const SECTION_TITLES: Record<Section, string> = {
  site: "The SharePoint site and how to sign in to it",
  app: "The tab's app and where Teams loads it from",
  bot: "The bot",
  server: "The production server",
  package: "The Teams app package",
  dev: "Local development (`npm start`)",
};

const cell = (s: string) => s.replace(/\|/g, "\\|").replace(/\n/g, " ");
const code = (s: string) => `\`${s}\``;
const entries = Object.entries(SETTINGS) as [SettingKey, SettingDef][];

function readBy(key: SettingKey): string {
  const scopes = (Object.keys(SCOPE_SETTINGS) as Scope[]).filter((s) => (SCOPE_SETTINGS[s] as readonly SettingKey[]).includes(key));
  return scopes.map((s) => (s === "site" ? "site commands" : code(s))).join(", ");
}

function defaultOf(d: SettingDef): string {
  const dflt = d.defaultText ?? (d.default === undefined ? undefined : code(String(d.default)));
  if (d.requiredText) return dflt ? `${dflt}; required ${d.requiredText}` : `— required ${d.requiredText}`;
  return dflt ?? "—";
}

function settingRow(key: SettingKey, d: SettingDef): string {
  const name = [code(d.env), ...(d.alsoFrom ?? []).map((n) => `(or ${code(n)})`)].join(" ");
  const flag = d.flag ? code(d.flag.split(" ")[0]) : "";
  return `| ${name} | ${flag} | ${readBy(key)} | ${cell(d.description)} | ${cell(defaultOf(d))} | ${cell(d.example ?? "")} |`;
}

function oldNameRows(): string[] {
  const rows: string[] = [];
  for (const [key, d] of entries)
    for (const o of d.oldNames ?? []) {
      const old = o.env ? code(o.env) : code(o.flag!.split(" ")[0]);
      const now = o.env ? code(d.env) : code(d.flag!.split(" ")[0]);
      const where = o.scopes ? o.scopes.map((s) => (s === "site" ? "site commands" : code(s))).join(", ") : readBy(key);
      rows.push(`| ${old} | ${now} | ${where} |`);
    }
  return rows;
}

/** The Markdown block (markers included) for docs/deploy.md. */
export function settingsDocs(): string {
  const out = [
    DOCS_BEGIN,
    "",
    `"Read by": ${code("serve")} is the production server (${code("npm run serve")}), ${code("package")} the Teams app package (${code("npm run package")}), ${code("dev")} ${code("npm start")}, ${code("tab")} ${SCOPE_COMMANDS.tab}, ${code("remind")} one reminder run, and the site commands are ${SCOPE_COMMANDS.site}. Every command offers the flag of each setting it reads (${code("eap <command> --help")}); a flag wins over the environment, which wins over the default. Empty values count as unset.`,
  ];
  for (const section of Object.keys(SECTION_TITLES) as Section[]) {
    out.push("", `#### ${SECTION_TITLES[section]}`, "", "| Variable | Flag | Read by | Meaning | Default | Example |", "|---|---|---|---|---|---|");
    for (const [key, d] of entries) if (d.section === section) out.push(settingRow(key, d));
  }
  out.push(
    "",
    `#### Old names (still read, with a warning, until release ${OLD_NAMES_REMOVED_IN})`,
    "",
    "| Old name | Now | Where |",
    "|---|---|---|",
    ...oldNameRows(),
    "",
    DOCS_END,
  );
  return out.join("\n");
}

/** `text` with its generated block replaced by the current one; an error when the markers are missing. */
export function withSettingsDocs(text: string): string {
  const begin = text.indexOf(DOCS_BEGIN);
  const end = text.indexOf(DOCS_END);
  if (begin < 0 || end < begin) throw new Error(`the file has no block between "${DOCS_BEGIN}" and "${DOCS_END}"`);
  return text.slice(0, begin) + settingsDocs() + text.slice(end + DOCS_END.length);
}
