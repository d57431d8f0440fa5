/** The `eap` program itself: every command is listed and has --help; its flags come from the settings table. */
import { describe, expect, it } from "vitest";
import { SETTINGS } from "../../src/config/settings.ts";
import { runCli } from "../helpers/run-cli.ts";

const COMMANDS = ["provision", "seed", "serve-sharepoint", "dev", "import", "rollover", "report", "export", "remind", "serve", "package"];

describe("eap", () => {
  it("has --help on every command, and each setting's flag names its environment variable", async () => {
    const top = await runCli(["--help"]);
    expect(top.code).toBe(0);
    for (const c of COMMANDS) expect(top.stdout).toContain(c);
    const helps = await Promise.all(COMMANDS.map(async (c) => [c, await runCli([c, "--help"])] as const));
    for (const [c, sub] of helps) {
      expect(sub.code, c).toBe(0);
      expect(sub.stdout).toContain(`Usage: eap ${c}`);
    }
    const help = Object.fromEntries(helps.map(([c, r]) => [c, r.stdout.replace(/\s+/g, " ")]));
    expect(help.serve).toContain(`--port <port> the port; 0 picks a free one (env ${SETTINGS.port.env}; default 3978)`);
    expect(help.provision).toContain(`--site <url>`);
    expect(help.provision).toContain(`(env ${SETTINGS.siteUrl.env})`);
    expect(help.remind).toContain(`(env ${SETTINGS.appUrl.env};`);
    expect(help.dev).toContain(`(env ${SETTINGS.sharepointPort.env}; default 4321)`);
    // Old flags still work but are not offered.
    expect(help.package).not.toContain("--site-url");
    expect(help.package).toContain("--tab-client-id <guid>");
  }, 60_000);

  it("exits 2 on an unknown option, with the usage", async () => {
    const r = await runCli(["provision", "--sitte", "x"]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/unknown option '--sitte'/);
  });
});
