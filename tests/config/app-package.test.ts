/**
 * The Teams app package: built from manifest/ with sample ids, validated offline against Microsoft's v1.30 schema,
 * and every kind of bad input (a value the schema rejects, a broken template, a bad translation, a wrong-sized icon)
 * reported in full without writing a package. Its settings: ./package-settings.test.ts.
 */
import { execFile } from "node:child_process";
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import JSZip from "jszip";
import { afterAll, describe, expect, it } from "vitest";
import { buildAppPackage, PackageError, pngSize, REPO_MANIFEST_DIR } from "../../src/config/app-package.ts";
import { validateAgainstSchema } from "../../src/config/manifest-schema.ts";
import { loadPackageSettings } from "../../src/config/package-settings.ts";
import { SAMPLE_PACKAGE_ENV as SAMPLE_ENV } from "../helpers/sample-settings.ts";

const run = promisify(execFile);
/** A template placeholder, spelt without a literal "\${" so that it cannot be mistaken for a JS template. */
const placeholder = (name: string) => ["$", "{{", name, "}}"].join("");
const settings = (env: Record<string, string> = {}) => loadPackageSettings({}, { ...SAMPLE_ENV, ...env }, { appVersion: "0.1.0" });

const work = mkdtempSync(join(tmpdir(), "eap-package-"));
afterAll(() => rmSync(work, { recursive: true, force: true }));
let n = 0;
const outFile = () => join(work, `out-${++n}`, "appPackage.zip");
/** A private copy of manifest/ that a test may break. */
function manifestCopy(): string {
  const dir = join(work, `manifest-${++n}`);
  cpSync(REPO_MANIFEST_DIR, dir, { recursive: true });
  return dir;
}

describe("eap package", () => {
  it("builds a package that passes the official Teams schema, with every surface wired to the tenant's ids", async () => {
    const out = outFile();
    const built = await buildAppPackage({ settings: settings(), outFile: out });
    expect(built.outFile).toBe(out);

    const zip = await JSZip.loadAsync(readFileSync(out));
    expect(Object.keys(zip.files).sort()).toEqual(["color.png", "manifest.json", "outline.png"]);
    const m = JSON.parse(await zip.file("manifest.json")!.async("string"));
    expect(validateAgainstSchema(m)).toEqual([]);
    expect(m.manifestVersion).toBe("1.30");
    expect(m.id).toBe(SAMPLE_ENV.TEAMS_APP_ID);
    expect(m.localizationInfo.defaultLanguageTag).toBe("en-gb");
    expect(m.name.short).toBe("Equality Action Plan");
    expect(JSON.stringify(m)).not.toContain(placeholder("").slice(0, 3));

    expect(m.staticTabs[0]).toMatchObject({ entityId: "my-actions", scopes: ["personal"], contentUrl: "https://eap.maidstone.example.gov.uk/index.html#/my-actions" });
    const tab = m.configurableTabs[0];
    expect(tab.configurationUrl).toBe("https://eap.maidstone.example.gov.uk/index.html#/config");
    expect(tab.scopes).toEqual(["team", "groupChat"]);
    expect(tab.meetingSurfaces).toEqual(["sidePanel", "stage"]);
    for (const c of ["meetingSidePanel", "meetingStage", "meetingChatTab", "channelTab", "privateChatTab"]) expect(tab.context).toContain(c);

    const bot = m.bots[0];
    expect(bot.botId).toBe(SAMPLE_ENV.EAP_BOT_ID);
    expect(bot.scopes).toEqual(expect.arrayContaining(["personal", "team"]));
    for (const list of bot.commandLists) expect(list.commands.map((c: { title: string }) => c.title)).toEqual(["remind", "unreachable", "help"]);

    expect(m.webApplicationInfo).toEqual({
      id: SAMPLE_ENV.EAP_TAB_CLIENT_ID,
      resource: `api://eap.maidstone.example.gov.uk/${SAMPLE_ENV.EAP_TAB_CLIENT_ID}`,
      nestedAppAuthInfo: [{ redirectUri: "brk-multihub://eap.maidstone.example.gov.uk", scopes: ["https://contoso.sharepoint.com/.default"] }],
    });
    expect(m.validDomains).toEqual(["eap.maidstone.example.gov.uk"]);

    expect(pngSize(Buffer.from(await zip.file("color.png")!.async("uint8array")))).toEqual({ width: 192, height: 192 });
    expect(pngSize(Buffer.from(await zip.file("outline.png")!.async("uint8array")))).toEqual({ width: 32, height: 32 });
  });

  it("reports a value the Teams schema rejects, with its path and value, and writes nothing", async () => {
    const out = outFile();
    const err = await buildAppPackage({ settings: settings({ EAP_DEVELOPER_NAME: "Maidstone Borough Council Equalities Team" }), outFile: out }).catch((e) => e);
    expect(err).toBeInstanceOf(PackageError);
    expect(err.reason).toBe("invalid-manifest");
    expect(err.problems).toEqual(['developer.name: must NOT have more than 32 characters (value: "Maidstone Borough Council Equalities Team")']);
    expect(existsSync(out)).toBe(false);
  });

  it("reports every schema error of a broken template", async () => {
    const dir = manifestCopy();
    const t = JSON.parse(readFileSync(join(dir, "manifest.template.json"), "utf8"));
    t.accentColor = "purple";
    t.staticTabs[0].scopes = ["everyone"];
    t.favouriteColour = "green";
    writeFileSync(join(dir, "manifest.template.json"), JSON.stringify(t));
    const err = await buildAppPackage({ settings: settings(), manifestDir: dir, outFile: outFile() }).catch((e) => e);
    expect(err).toBeInstanceOf(PackageError);
    const text = err.problems.join("\n");
    expect(text).toContain('accentColor: must match pattern "^#[0-9a-fA-F]{6}$" (value: "purple")');
    expect(text).toContain('staticTabs[0].scopes[0]: must be equal to one of the allowed values (allowed: team, personal, groupChat) (value: "everyone")');
    expect(text).toContain('(manifest): must NOT have additional properties: "favouriteColour"');
  });

  it("refuses a template placeholder it cannot fill and a string missing from en-gb.json", async () => {
    const dir = manifestCopy();
    const t = JSON.parse(readFileSync(join(dir, "manifest.template.json"), "utf8"));
    t.developer.mpnId = placeholder("EAP_PARTNER_ID");
    t.staticTabs[1].name = placeholder("loc:staticTabs[1].title");
    writeFileSync(join(dir, "manifest.template.json"), JSON.stringify(t));
    const err = await buildAppPackage({ settings: settings(), manifestDir: dir, outFile: outFile() }).catch((e) => e);
    expect(err.reason).toBe("invalid-template");
    expect(err.problems).toEqual([
      `developer.mpnId: unknown placeholder ${placeholder("EAP_PARTNER_ID")}`,
      'staticTabs[1].name: the string "staticTabs[1].title" is missing from manifest/locales/en-gb.json',
    ]);
  });

  it("adds a translation as an additional language, and rejects one with keys en-gb.json does not have", async () => {
    const dir = manifestCopy();
    const cy = {
      $schema: "https://developer.microsoft.com/json-schemas/teams/v1.30/MicrosoftTeams.Localization.schema.json",
      "name.short": "Cynllun Cydraddoldeb",
      "description.short": "Cynllun gweithredu cydraddoldeb yn Teams.",
      "description.full": "Cynllun gweithredu cydraddoldeb yn Teams a SharePoint.",
      "staticTabs[0].name": "Fy nghamau gweithredu",
    };
    writeFileSync(join(dir, "locales", "cy.json"), JSON.stringify(cy));
    const out = outFile();
    const built = await buildAppPackage({ settings: settings(), manifestDir: dir, outFile: out });
    expect(built.languages).toEqual(["en-gb", "cy"]);
    expect(built.manifest.localizationInfo).toEqual({ defaultLanguageTag: "en-gb", additionalLanguages: [{ languageTag: "cy", file: "cy.json" }] });
    const zip = await JSZip.loadAsync(readFileSync(out));
    expect(JSON.parse(await zip.file("cy.json")!.async("string"))["name.short"]).toBe("Cynllun Cydraddoldeb");

    writeFileSync(join(dir, "locales", "cy.json"), JSON.stringify({ ...cy, "name.short": "x".repeat(31), "staticTabs[7].name": "Nid yw'n bodoli" }));
    const err = await buildAppPackage({ settings: settings(), manifestDir: dir, outFile: outFile() }).catch((e) => e);
    expect(err.reason).toBe("invalid-locale");
    expect(err.problems).toEqual([
      `locales/cy.json: name.short: must NOT have more than 30 characters (value: "${"x".repeat(31)}")`,
      'locales/cy.json: "staticTabs[7].name" is not a key of en-gb.json',
    ]);
  });

  it("refuses icons of the wrong size", async () => {
    const dir = manifestCopy();
    cpSync(join(dir, "icons", "outline.png"), join(dir, "icons", "color.png"));
    const err = await buildAppPackage({ settings: settings(), manifestDir: dir, outFile: outFile() }).catch((e) => e);
    expect(err.reason).toBe("invalid-manifest");
    expect(err.problems).toEqual(["icons.color: manifest/icons/color.png is 32x32; Teams requires 192x192"]);
  });

  it("the committed icons are exactly what manifest/scripts/make-icons.mjs draws", async () => {
    const dir = join(work, "icons");
    cpSync(join(REPO_MANIFEST_DIR, "icons"), join(work, "committed-icons"), { recursive: true });
    rmSync(dir, { recursive: true, force: true });
    cpSync(join(REPO_MANIFEST_DIR, "icons"), dir, { recursive: true });
    rmSync(join(dir, "color.png"));
    rmSync(join(dir, "outline.png"));
    await run(process.execPath, [join(REPO_MANIFEST_DIR, "scripts", "make-icons.mjs"), dir]);
    for (const f of ["color.png", "outline.png"]) expect(readFileSync(join(dir, f)).equals(readFileSync(join(REPO_MANIFEST_DIR, "icons", f)))).toBe(true);
    // The outline icon must be white on transparent: no pixel of any other colour (checked on the raw RGBA rows).
    const { inflateSync } = await import("node:zlib");
    const png = readFileSync(join(dir, "outline.png"));
    const raw = inflateSync(png.subarray(41, 41 + png.readUInt32BE(33)));
    for (let y = 0; y < 32; y++)
      for (let x = 0; x < 32; x++) {
        const p = y * (32 * 4 + 1) + 1 + x * 4;
        expect([raw[p], raw[p + 1], raw[p + 2]]).toEqual([255, 255, 255]);
      }
    expect(raw[1 + 3]).toBe(0); // the corner is transparent
  });
});
