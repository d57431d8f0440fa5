/** docs/deploy.md lists exactly the settings the commands read: its tables are generated from the table. */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { DOCS_BEGIN, DOCS_END, settingsDocs } from "../../src/config/settings-docs.ts";
import { SETTINGS, type SettingDef } from "../../src/config/settings.ts";

const deploy = readFileSync(join(import.meta.dirname, "..", "..", "docs", "deploy.md"), "utf8");

describe("the configuration tables of docs/deploy.md", () => {
  it("are what `npx eap settings --write docs/deploy.md` writes from src/config/settings.ts", () => {
    const block = deploy.slice(deploy.indexOf(DOCS_BEGIN), deploy.indexOf(DOCS_END) + DOCS_END.length);
    expect(block, "run `npx eap settings --write docs/deploy.md` and commit the result").toBe(settingsDocs());
  });

  it("name every setting and every old name", () => {
    for (const d of Object.values(SETTINGS) as SettingDef[]) {
      expect(settingsDocs()).toContain(`| \`${d.env}\``);
      for (const o of d.oldNames ?? []) expect(settingsDocs()).toContain(`| \`${(o.env ?? o.flag ?? "").split(" ")[0]}\``);
    }
  });
});
