/** The settings table itself: one meaning per name in every command, valid defaults, and nothing unread. */
import { describe, expect, it } from "vitest";
import { SCOPE_SETTINGS, type Scope, SETTINGS, type SettingDef, type SettingKey } from "../../src/config/settings.ts";

const scopes = Object.keys(SCOPE_SETTINGS) as Scope[];
const defOf = (k: SettingKey): SettingDef => SETTINGS[k];

/** Every name a scope reads for each setting: its variable, platform names, old names meant for this scope. */
function namesIn(scope: Scope): { name: string; key: SettingKey }[] {
  return (SCOPE_SETTINGS[scope] as readonly SettingKey[]).flatMap((key) => {
    const d = defOf(key);
    const olds = (d.oldNames ?? []).filter((o) => !o.scopes || o.scopes.includes(scope));
    return [d.env, ...(d.alsoFrom ?? []), ...olds.flatMap((o) => (o.env ? [o.env] : []))].map((name) => ({ name, key }));
  });
}

function flagsIn(scope: Scope): { flag: string; key: SettingKey }[] {
  return (SCOPE_SETTINGS[scope] as readonly SettingKey[]).flatMap((key) => {
    const d = defOf(key);
    const olds = (d.oldNames ?? []).filter((o) => o.flag && (!o.scopes || o.scopes.includes(scope)));
    return [d.flag, ...olds.map((o) => o.flag)].filter((f): f is string => Boolean(f)).map((f) => ({ flag: f.split(" ")[0], key }));
  });
}

describe("the settings table", () => {
  it.each(scopes)("%s: no environment variable or flag means two settings", (scope) => {
    const names = namesIn(scope);
    const clash = names.filter((n, i) => names.findIndex((m) => m.name === n.name) !== i);
    expect(clash).toEqual([]);
    const flags = flagsIn(scope);
    expect(flags.filter((f, i) => flags.findIndex((g) => g.flag === f.flag) !== i)).toEqual([]);
  });

  it("EAP_CLIENT_ID keeps the meaning it had in each command while it is still read", () => {
    const meaning = (scope: Scope) => namesIn(scope).find((n) => n.name === "EAP_CLIENT_ID")?.key;
    expect(meaning("serve")).toBe("tabClientId");
    expect(meaning("package")).toBe("tabClientId");
    expect(meaning("site")).toBe("spClientId");
    expect(meaning("remind")).toBe("spClientId");
  });

  it("every setting is read by some command, with a description and an example", () => {
    const read = new Set(scopes.flatMap((s) => SCOPE_SETTINGS[s] as readonly string[]));
    for (const [key, d] of Object.entries(SETTINGS) as [SettingKey, SettingDef][]) {
      expect(read, key).toContain(key);
      expect(d.description.length, key).toBeGreaterThan(10);
      expect(d.example, key).toBeTruthy();
    }
  });

  it("every fixed default passes its own validation", () => {
    for (const [key, d] of Object.entries(SETTINGS) as [SettingKey, SettingDef][])
      if (d.default !== undefined) expect(d.schema.safeParse(d.default).success, key).toBe(true);
  });

  it("names follow one convention: EAP_* (but the platform's and the Agents Toolkit's own names)", () => {
    for (const d of Object.values(SETTINGS) as SettingDef[]) expect(d.env).toMatch(/^(EAP_[A-Z0-9_]+|NODE_ENV|TEAMS_APP_ID)$/);
  });
});
