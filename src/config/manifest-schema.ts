/**
 * Offline validation against Microsoft's Teams manifest (and localisation) JSON schemas, the copies shipped inside
 * @microsoft/app-manifest (build/json-schemas/teams/v1.x/...), with the same Ajv set-up as its
 * AppManifestUtils.validateAgainstSchema (draft-04, allErrors, strictTypes off, formats uri/email/regex).
 *
 * Why not call AppManifestUtils itself: @microsoft/app-manifest 1.1.2 requires "fs-extra" at load time without
 * declaring it as a dependency, so importing it fails with "Cannot find module 'fs-extra'" in a clean install.
 * Nothing here touches the network: a $schema that is not shipped in the package is an error, not a download.
 */
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import Ajv2020 from "ajv/dist/2020.js";
import AjvDraft04 from "ajv-draft-04";
import addFormats from "ajv-formats";

const require = createRequire(import.meta.url);
const SCHEMA_ROOT = join(dirname(require.resolve("@microsoft/app-manifest")), "json-schemas");
const PREFIX = "https://developer.microsoft.com/json-schemas/";

type Validate = ((doc: unknown) => boolean) & { errors?: { instancePath: string; message?: string; params?: unknown }[] | null };
const compiled = new Map<string, Validate>();

/** Local file for a schema URL (also the localised form https://developer.microsoft.com/en-us/json-schemas/...). */
export function localSchemaPath(schemaUrl: string): string | undefined {
  let url = schemaUrl;
  try {
    const u = new URL(schemaUrl);
    const m = /^\/[a-z]{2}(?:-[a-z]{2})?(\/json-schemas\/.*)$/i.exec(u.pathname);
    if (u.hostname === "developer.microsoft.com") url = `${u.origin}${m?.[1] ?? u.pathname}`;
  } catch {
    return undefined;
  }
  if (!url.startsWith(`${PREFIX}teams/`)) return undefined;
  const rel = url.slice(PREFIX.length);
  if (rel.includes("..")) return undefined;
  return join(SCHEMA_ROOT, rel);
}

/** The Teams manifest versions whose schemas are shipped (and so can be checked offline). */
export function shippedSchemaPath(version: string): string {
  return join(SCHEMA_ROOT, "teams", `v${version}`, "MicrosoftTeams.schema.json");
}

function compile(path: string): Validate {
  const hit = compiled.get(path);
  if (hit) return hit;
  // Some of Microsoft's schemas contain "\a" and "\v" escapes that JSON does not allow; AppManifestUtils does the same.
  const schema = JSON.parse(readFileSync(path, "utf8").replace(/\\a/g, "\\u0007").replace(/\\v/g, "\\u000b")) as { $schema?: string };
  const make = (unicodeRegExp: boolean) => {
    const opts = { allErrors: true, strictTypes: false, unicodeRegExp };
    const ajv = schema.$schema?.includes("2020-12") ? new Ajv2020(opts) : new AjvDraft04(opts);
    (addFormats as unknown as (a: unknown, f: string[]) => void)(ajv, ["uri", "email", "regex"]);
    return ajv.compile(schema) as unknown as Validate;
  };
  let v: Validate;
  try {
    v = make(true);
  } catch (err) {
    // The localisation schema has a pattern (`...\b]\.description$`) that is invalid with the u flag Ajv uses by
    // default; Teams' own (non-unicode) regular expressions accept it, so compile such a schema without the flag.
    if (!(err instanceof SyntaxError)) throw err;
    v = make(false);
  }
  compiled.set(path, v);
  return v;
}

/** Errors in AppManifestUtils' format ("<instancePath> <message>. Details: <params>"); [] when valid. */
export function validateAgainstSchema(doc: Record<string, unknown>): string[] {
  const url = doc.$schema;
  if (typeof url !== "string") return ["/$schema is required: the URL of the Teams schema this file follows. Details: {}"];
  const path = localSchemaPath(url);
  let validate: Validate;
  try {
    if (!path) throw new Error("not a Teams schema URL");
    validate = compile(path);
  } catch {
    return [`/$schema "${url}" is not a Teams schema shipped with @microsoft/app-manifest, so it cannot be checked offline. Details: {}`];
  }
  if (validate(JSON.parse(JSON.stringify(doc)))) return [];
  return (validate.errors ?? []).map((e) => `${e.instancePath} ${e.message ?? ""}. Details: ${e.params ? JSON.stringify(e.params) : ""}`);
}
