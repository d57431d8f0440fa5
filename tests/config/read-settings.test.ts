/** How every command reads its settings: options > environment > old names > defaults, and every problem at once. */
import { describe, expect, it } from "vitest";
import { gather, need, problem, settle, validate, withDefault } from "../../src/config/read-settings.ts";
import { OLD_NAMES_REMOVED_IN } from "../../src/config/settings.ts";
import { configErrorOf } from "../helpers/config-error.ts";

const read = (scope: Parameters<typeof gather>[0], options: Record<string, unknown>, env: Record<string, string>) => {
  const keys = ["port", "botId", "botSecret", "teamsAppId"] as const;
  const r = gather(scope, keys, { options, env });
  for (const k of keys) withDefault(r, k);
  return r;
};

describe("gather", () => {
  it("takes an option first, then the variable, then the platform's name, then the default", () => {
    expect(read("serve", { port: 1 }, { EAP_PORT: "2", PORT: "3" }).given.port).toEqual({ value: 1, from: "--port" });
    expect(read("serve", {}, { EAP_PORT: "2", PORT: "3" }).given.port).toEqual({ value: "2", from: "EAP_PORT" });
    expect(read("serve", {}, { PORT: "3" }).given.port).toEqual({ value: "3", from: "PORT" });
    expect(read("serve", {}, {}).given.port).toEqual({ value: 3978, from: "default" });
  });

  it("counts empty and blank values as unset, as App Service and .env files write them", () => {
    expect(read("serve", { port: "" }, { EAP_PORT: "  ", PORT: "8080" }).given.port).toEqual({ value: "8080", from: "PORT" });
    expect(read("serve", { port: " 9000 " }, {}).given.port).toEqual({ value: "9000", from: "--port" });
  });

  it("reads an old name only where it meant this setting, with a warning; the new name wins over it", () => {
    const old = read("remind", {}, { EAP_BOT_CLIENT_ID: "5c1b7f0e-8a7d-4c55-9d1e-3f6a2b9c0d11" });
    expect(old.given.botId).toEqual({ value: "5c1b7f0e-8a7d-4c55-9d1e-3f6a2b9c0d11", from: "EAP_BOT_CLIENT_ID" });
    expect(old.warnings).toEqual([
      { setting: "EAP_BOT_CLIENT_ID", message: `is an old name: use EAP_BOT_ID instead. It is still read, but not from release ${OLD_NAMES_REMOVED_IN}.` },
    ]);
    // The server never read EAP_BOT_CLIENT_ID: it does not start to now.
    expect(read("serve", {}, { EAP_BOT_CLIENT_ID: "5c1b7f0e-8a7d-4c55-9d1e-3f6a2b9c0d11" }).given.botId).toBeUndefined();
    const both = read("remind", {}, { EAP_BOT_ID: "11111111-1111-4111-8111-111111111111", EAP_BOT_CLIENT_ID: "22222222-2222-4222-8222-222222222222" });
    expect(both.given.botId?.value).toBe("11111111-1111-4111-8111-111111111111");
    expect(both.warnings[0].message).toMatch(/^is an old name of EAP_BOT_ID and is ignored because EAP_BOT_ID is set; remove it/);
  });

  it("warns about an old flag", () => {
    const r = gather("package", ["siteUrl"], { options: { siteUrl: "https://contoso.sharepoint.com/sites/x" }, flagsUsed: { siteUrl: "--site-url" }, env: {} });
    expect(r.given.siteUrl?.from).toBe("--site-url");
    expect(r.warnings).toEqual([{ setting: "--site-url", message: expect.stringMatching(/^is an old name: use --site instead/) }]);
  });
});

describe("validate and settle", () => {
  it("reports every invalid value, named by its variable, with the value and where it came from, never a secret", () => {
    const r = read("remind", { port: "http" }, { EAP_BOT_CLIENT_ID: "bot", EAP_BOT_SECRET: "" });
    r.given.botSecret = { value: "", from: "EAP_BOT_SECRET" };
    const { problems } = validate(r, ["port", "botId", "botSecret"]);
    expect(problems).toEqual([
      { setting: "EAP_PORT", message: 'must be a whole number (got "http" from --port)', reason: "invalid" },
      { setting: "EAP_BOT_ID", message: "must be a GUID (the bot's Entra app id) (got \"bot\" from EAP_BOT_CLIENT_ID)", reason: "invalid" },
      { setting: "EAP_BOT_SECRET", message: expect.not.stringContaining("got"), reason: "invalid" },
    ]);
    const err = configErrorOf(() => settle("The settings are not valid", [...problems, ...problems], r.warnings));
    expect(err.problems).toHaveLength(3);
    expect(err.warnings.map((w) => w.setting)).toEqual(["EAP_BOT_CLIENT_ID"]);
    expect(err.message).toMatch(/^The settings are not valid: 3 problems:\n {2}- EAP_PORT: /);
  });

  it("names a missing setting with why it is needed, and never shows a secret's value", () => {
    const r = read("remind", {}, { EAP_BOT_SECRET: "s3cr3t" });
    expect(need(r, "botId", "to send")).toEqual([{ setting: "EAP_BOT_ID", message: "is required to send", reason: "missing" }]);
    expect(need(r, "botSecret", "to send")).toEqual([]);
    expect(problem(r, "botSecret", "is wrong", "invalid").message).toBe("is wrong");
  });
});
