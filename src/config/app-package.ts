/**
 * Builds the Teams app package: fills the manifest template (manifest/manifest.template.json) with a tenant's ids
 * and host names and with the British English strings of manifest/locales/en-gb.json, adds every other locale file
 * as an additional language, checks the icons' sizes, validates everything OFFLINE against Microsoft's JSON schemas
 * shipped in @microsoft/app-manifest (see ./manifest-schema.ts), and only then writes appPackage.zip. A package that Teams would reject is
 * never written: the operator gets every schema error at once, each with the manifest path and the offending value.
 */
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import JSZip from "jszip";
import { validateAgainstSchema } from "./manifest-schema.ts";
import { type PackageSettings, placeholderValues } from "./package-settings.ts";

export type PackageErrorReason = "invalid-template" | "invalid-locale" | "invalid-icon" | "invalid-manifest";

export class PackageError extends Error {
  readonly reason: PackageErrorReason;
  readonly problems: string[];
  constructor(reason: PackageErrorReason, message: string, problems: string[]) {
    super(`${message}\n${problems.map((p) => `  - ${p}`).join("\n")}`);
    this.name = "PackageError";
    this.reason = reason;
    this.problems = problems;
  }
}

export interface BuildOptions {
  settings: PackageSettings;
  /** Folder holding manifest.template.json, icons/ and locales/ (default: the repository's manifest/). */
  manifestDir?: string;
  /** Default: appPackage/build/appPackage.zip under the current directory. */
  outFile?: string;
}

export interface BuiltPackage {
  outFile: string;
  manifest: Record<string, unknown>;
  /** Language tags in the package, default first. */
  languages: string[];
  /** File names inside the zip. */
  files: string[];
}

export const DEFAULT_LANGUAGE = "en-gb";
export const REPO_MANIFEST_DIR = join(dirname(fileURLToPath(import.meta.url)), "..", "..", "manifest");

const TOKEN = /\$\{\{\s*([A-Za-z0-9_]+|loc:[^}\s]+)\s*\}\}/g;

/** Replaces ${{NAME}} and ${{loc:key}} in every string of the template (values are inserted into parsed JSON, never spliced into JSON text). */
export function fillTemplate(template: unknown, values: Record<string, string>, strings: Record<string, string>): { manifest: unknown; problems: string[] } {
  const problems = new Set<string>();
  const fill = (v: unknown, at: string): unknown => {
    if (typeof v === "string")
      return v.replace(TOKEN, (_m, name: string) => {
        if (name.startsWith("loc:")) {
          const key = name.slice(4);
          if (strings[key] === undefined) problems.add(`${at}: the string "${key}" is missing from manifest/locales/${DEFAULT_LANGUAGE}.json`);
          return strings[key] ?? "";
        }
        if (values[name] === undefined) problems.add(`${at}: unknown placeholder \${{${name}}}`);
        return values[name] ?? "";
      });
    if (Array.isArray(v)) return v.map((x, i) => fill(x, `${at}[${i}]`));
    if (v && typeof v === "object") return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, fill(x, at ? `${at}.${k}` : k)]));
    return v;
  };
  const manifest = fill(template, "");
  return { manifest, problems: [...problems] };
}

/** The schema validator's "/bots/0/botId must match ..." made readable: manifest path, message and the value found. */
export function readableSchemaErrors(errors: string[], doc: unknown): string[] {
  return errors.map((e) => {
    const m = /^(\S*) (.*?)\. Details: (.*)$/s.exec(e);
    if (!m) return e;
    const [, pointer, message, details] = m;
    const parts = pointer.split("/").slice(1).map((p) => p.replace(/~1/g, "/").replace(/~0/g, "~"));
    let value: unknown = doc;
    for (const p of parts) value = value && typeof value === "object" ? (value as Record<string, unknown>)[p] : undefined;
    const path = parts.map((p) => (/^\d+$/.test(p) ? `[${p}]` : `.${p}`)).join("").replace(/^\./, "") || "(manifest)";
    let extra = "";
    try {
      const d = JSON.parse(details) as Record<string, unknown>;
      if (d.additionalProperty) extra = `: "${d.additionalProperty}"`;
      else if (Array.isArray(d.allowedValues)) extra = ` (allowed: ${d.allowedValues.join(", ")})`;
      else if (d.missingProperty) extra = `: "${d.missingProperty}"`;
    } catch {
      // details are informative only
    }
    const shown = typeof value === "string" || typeof value === "number" ? ` (value: ${JSON.stringify(value)})` : "";
    return `${path}: ${message}${extra}${shown}`;
  });
}

/** Width and height from a PNG's IHDR chunk; undefined when the file is not a PNG. */
export function pngSize(bytes: Buffer): { width: number; height: number } | undefined {
  const sig = "89504e470d0a1a0a";
  if (bytes.length < 24 || bytes.subarray(0, 8).toString("hex") !== sig || bytes.subarray(12, 16).toString("ascii") !== "IHDR") return undefined;
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

function readJson(path: string, reason: PackageErrorReason): Record<string, unknown> {
  try {
    return JSON.parse(readFileSync(path, "utf8").replace(/^\uFEFF/, ""));
  } catch (err) {
    throw new PackageError(reason, `Could not read ${path}.`, [(err as Error).message]);
  }
}

async function validate(doc: Record<string, unknown>): Promise<string[]> {
  // The schema named by $schema, read from the copy shipped in @microsoft/app-manifest: no network.
  return validateAgainstSchema(doc);
}

export async function buildAppPackage(o: BuildOptions): Promise<BuiltPackage> {
  const dir = o.manifestDir ?? REPO_MANIFEST_DIR;
  const outFile = o.outFile ?? join(process.cwd(), "appPackage", "build", "appPackage.zip");
  const template = readJson(join(dir, "manifest.template.json"), "invalid-template");
  const localeDir = join(dir, "locales");
  const strings = readJson(join(localeDir, `${DEFAULT_LANGUAGE}.json`), "invalid-locale") as Record<string, string>;

  const filled = fillTemplate(template, placeholderValues(o.settings), strings);
  if (filled.problems.length) throw new PackageError("invalid-template", "The manifest template has placeholders that cannot be filled:", filled.problems);
  const manifest = filled.manifest as Record<string, unknown>;

  // Additional languages: every locale file other than the default, checked before anything is written.
  const localeProblems: string[] = [];
  const extra: { tag: string; file: string; body: Record<string, unknown> }[] = [];
  const defaultKeys = new Set(Object.keys(strings).filter((k) => k !== "$schema"));
  for (const f of readdirSync(localeDir).filter((n) => n.endsWith(".json") && n !== `${DEFAULT_LANGUAGE}.json`).sort()) {
    const tag = f.slice(0, -5);
    const body = readJson(join(localeDir, f), "invalid-locale");
    for (const e of readableSchemaErrors(await validate(body), body)) localeProblems.push(`locales/${f}: ${e}`);
    for (const k of Object.keys(body)) if (k !== "$schema" && !defaultKeys.has(k)) localeProblems.push(`locales/${f}: "${k}" is not a key of ${DEFAULT_LANGUAGE}.json`);
    extra.push({ tag, file: f, body });
  }
  for (const e of readableSchemaErrors(await validate(strings), strings)) localeProblems.push(`locales/${DEFAULT_LANGUAGE}.json: ${e}`);
  if (localeProblems.length) throw new PackageError("invalid-locale", "The localisation files are not valid:", localeProblems);
  if (extra.length) {
    const info = (manifest.localizationInfo ?? { defaultLanguageTag: DEFAULT_LANGUAGE }) as Record<string, unknown>;
    manifest.localizationInfo = { ...info, additionalLanguages: extra.map((x) => ({ languageTag: x.tag, file: x.file })) };
  }

  // Icons: Teams rejects a package whose icons are not exactly these sizes, so check here with a clear message.
  const icons = (manifest.icons ?? {}) as Record<string, string>;
  const iconFiles: Record<string, Buffer> = {};
  const iconProblems: string[] = [];
  for (const [kind, size] of [
    ["color", 192],
    ["outline", 32],
  ] as const) {
    const name = icons[kind];
    if (!name) continue; // the schema reports the missing property
    let bytes: Buffer;
    try {
      bytes = readFileSync(join(dir, "icons", name));
    } catch {
      iconProblems.push(`icons.${kind}: manifest/icons/${name} does not exist`);
      continue;
    }
    const s = pngSize(bytes);
    if (!s) iconProblems.push(`icons.${kind}: manifest/icons/${name} is not a PNG file`);
    else if (s.width !== size || s.height !== size) iconProblems.push(`icons.${kind}: manifest/icons/${name} is ${s.width}x${s.height}; Teams requires ${size}x${size}`);
    iconFiles[name] = bytes;
  }

  const schemaErrors = readableSchemaErrors(await validate(manifest), manifest);
  if (schemaErrors.length || iconProblems.length)
    throw new PackageError("invalid-manifest", "The app manifest does not pass Microsoft's Teams manifest schema:", [...schemaErrors, ...iconProblems]);

  const zip = new JSZip();
  // A fixed date keeps the zip identical for identical input, so a rebuilt package can be compared byte for byte.
  const date = new Date(Date.UTC(2024, 0, 1));
  zip.file("manifest.json", `${JSON.stringify(manifest, null, 2)}\n`, { date });
  for (const [name, bytes] of Object.entries(iconFiles)) zip.file(name, bytes, { date });
  for (const x of extra) zip.file(x.file, `${JSON.stringify(x.body, null, 2)}\n`, { date });
  const bytes = await zip.generateAsync({ type: "nodebuffer", compression: "DEFLATE", platform: "UNIX" });
  mkdirSync(dirname(outFile), { recursive: true });
  writeFileSync(outFile, bytes);
  return { outFile, manifest, languages: [DEFAULT_LANGUAGE, ...extra.map((x) => x.tag)], files: Object.keys(zip.files).sort() };
}
