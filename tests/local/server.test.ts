import { spawn } from "node:child_process";
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { startLocalSharePoint } from "../../src/local/index";
import { startTestSharePoint } from "../helpers/local-sharepoint";
import { bearer, freshDirs, pnp, statusOf } from "./helpers";

const freshDir = freshDirs("eap-local-sp-srv-");

describe("process and storage", () => {
  it("refuses to listen on a non-loopback address", async () => {
    await expect(startLocalSharePoint({ dataDir: freshDir(), host: "0.0.0.0" })).rejects.toThrow(/loopback/);
  });

  it("keeps sites, lists, fields, users, items and etags across a restart", async () => {
    const dataDir = freshDir();
    const first = await startLocalSharePoint({ dataDir, sites: ["edi"] });
    let sp = pnp(first.siteUrl("edi"));
    await sp.web.lists.add("Keep");
    await sp.web.lists.getByTitle("Keep").fields.createFieldAsXml(`<Field Type="Text" Name="Code" DisplayName="Code" Indexed="TRUE" EnforceUniqueValues="TRUE" />`);
    await sp.web.lists.getByTitle("Keep").fields.addUser("Owner", { SelectionMode: 0 });
    const me = await sp.web.currentUser();
    const added = await sp.web.lists.getByTitle("Keep").items.add({ Title: "kept", Code: "K1", OwnerId: me.Id });
    await sp.web.lists.getByTitle("Keep").items.getById(added.Id).update({ Title: "kept!" });
    await first.close();

    const second = await startLocalSharePoint({ dataDir });
    try {
      sp = pnp(second.siteUrl("edi"));
      const item = await sp.web.lists.getByTitle("Keep").items.getById(added.Id).select("Title", "Code", "Owner/Title").expand("Owner")();
      expect(item).toMatchObject({ Title: "kept!", Code: "K1", Owner: { Title: "Ann Admin" } });
      expect(item["odata.etag"]).toBe('"2"');
      expect((await sp.web.currentUser()).Id).toBe(me.Id);
      expect(await statusOf(sp.web.lists.getByTitle("Keep").items.add({ Code: "k1" }))).toBe(500);
      expect((await sp.web.lists.getByTitle("Keep").fields.getByInternalNameOrTitle("Code")()).EnforceUniqueValues).toBe(true);
    } finally {
      await second.close();
    }
  });

  it("creates sites through PUT /_local/sites/<name> and reports health", async () => {
    const t = await startTestSharePoint({ open: true });
    try {
      const url = await t.addSite("other");
      expect(url).toBe(`${t.baseUrl}/sites/other`);
      expect((await pnp(url).web()).Title).toBe("other");
      const health = await (await fetch(`${t.baseUrl}/_local/health`)).json();
      expect(health.status).toBe("ok");
      expect(health.sites).toEqual(expect.arrayContaining(["test", "other"]));
      expect((await fetch(`${t.baseUrl}/sites/missing/_api/web`, { headers: bearer() })).status).toBe(404);
    } finally {
      await t.close();
    }
  });
});

describe("eap serve-sharepoint", () => {
  it("prints the site URL and the unverified-token warning, serves, and stops cleanly on SIGTERM", async () => {
    const dataDir = freshDir();
    const child = spawn(process.execPath, ["bin/eap.mjs", "serve-sharepoint", "--port", "0", "--data", dataDir, "--site", "edi", "--threshold", "10"], {
      stdio: ["ignore", "pipe", "pipe"],
    });
    let out = "";
    child.stdout.on("data", (d: Buffer) => {
      out += d.toString();
    });
    child.stderr.on("data", (d: Buffer) => {
      out += d.toString();
    });
    const url = await new Promise<string>((resolve, reject) => {
      const timer = setInterval(() => {
        const m = /http:\/\/127\.0\.0\.1:\d+\/sites\/edi/.exec(out);
        if (m) {
          clearInterval(timer);
          resolve(m[0]);
        }
      }, 50);
      child.once("exit", (code) => {
        clearInterval(timer);
        reject(new Error(`exited ${code}: ${out}`));
      });
    });
    expect(out).toMatch(/READ, NOT VERIFIED/);
    expect((await pnp(url).web()).Title).toBe("edi");
    const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
    child.kill("SIGTERM");
    expect(await exited).toBe(0);
    expect(out).toContain("Local SharePoint stopped.");
  }, 60_000);
});

describe("eap serve-sharepoint --directory", () => {
  it("refuses an invalid directory file at start, naming the entry and the field (exit code 2)", async () => {
    const dataDir = freshDir();
    const file = join(dataDir, "people.json");
    writeFileSync(file, JSON.stringify([{ id: "a0000000-0000-4000-8000-000000000001", userPrincipalName: "ann@contoso.test", mail: null, displayName: "Ann", accountEnabled: true, deleted: false }, { id: "x", userPrincipalName: "bob@contoso.test" }]));
    const child = spawn(process.execPath, ["bin/eap.mjs", "serve-sharepoint", "--port", "0", "--data", dataDir, "--directory", file], { stdio: ["ignore", "pipe", "pipe"] });
    let out = "";
    child.stdout.on("data", (d: Buffer) => {
      out += d.toString();
    });
    child.stderr.on("data", (d: Buffer) => {
      out += d.toString();
    });
    const code = await new Promise<number | null>((resolve) => child.once("exit", (c) => resolve(c)));
    expect(code).toBe(2);
    expect(out).toContain("directory entry 1 (id x, bob@contoso.test): 'id' must be an Entra object id (a GUID)");
  }, 60_000);
});
