/** The directory file: every invalid entry is refused with its index, its id/UPN and the field at fault. */
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { Directory } from "../../../src/local/directory/directory";
import { CAST, CAST_DIRECTORY } from "../helpers";

const dir = mkdtempSync(join(tmpdir(), "eap-local-dir-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("directory validation", () => {
  it("names the entry (index, id, UPN) and the field for each kind of mistake", () => {
    const bad = (entries: unknown) => {
      try {
        new Directory(entries);
      } catch (e) {
        return (e as Error).message;
      }
      throw new Error("expected the directory to be refused");
    };
    const ok = { ...CAST.ann };
    expect(bad({})).toMatch(/JSON array/);
    expect(bad([])).toMatch(/empty/);
    expect(bad([ok, { ...CAST.bob, id: "not-a-guid" }])).toBe(`directory entry 1 (id not-a-guid, ${CAST.bob.userPrincipalName}): 'id' must be an Entra object id (a GUID) (got "not-a-guid").`);
    expect(bad([ok, { ...CAST.bob, mail: "" }])).toMatch(/^directory entry 1 \(id b0000000-.*\): 'mail' must be an email address, or null/);
    expect(bad([ok, { ...CAST.bob, userPrincipalName: 7 }])).toMatch(/entry 1 \(id b0000000-0000-4000-8000-000000000002\): 'userPrincipalName'/);
    expect(bad([ok, { ...CAST.bob, accountEnabled: "yes" }])).toMatch(/'accountEnabled' must be true or false/);
    expect(bad([ok, { ...CAST.bob, deleted: undefined }])).toMatch(/'deleted' must be true or false/);
    expect(bad([ok, { ...CAST.bob, displayName: " " }])).toMatch(/'displayName'/);
    expect(bad([ok, { ...CAST.bob, teamsLicenced: true }])).toMatch(/unknown field 'teamsLicenced'/);
    expect(bad([ok, { ...CAST.bob, id: CAST.ann.id }])).toMatch(/entry 1 .*: id is already used by entry 0/);
    expect(bad([ok, { ...CAST.bob, userPrincipalName: CAST.ann.userPrincipalName.toUpperCase() }])).toMatch(/userPrincipalName is already used by entry 0/);
    expect(bad([{ ...CAST.dan }, ok])).toMatch(/^directory entry 0 .*site collection administrator and must be enabled/);
  });

  it("reads a file, and says which file and why when it cannot", () => {
    const good = join(dir, "good.json");
    writeFileSync(good, JSON.stringify(CAST_DIRECTORY));
    expect(Directory.fromFile(good).admin.userPrincipalName).toBe(CAST.ann.userPrincipalName);
    const broken = join(dir, "broken.json");
    writeFileSync(broken, "[{");
    expect(() => Directory.fromFile(broken)).toThrow(new RegExp(`'${broken.replace(/[\\/.]/g, "\\$&")}' is not valid JSON`));
    const wrong = join(dir, "wrong.json");
    writeFileSync(wrong, JSON.stringify([CAST.ann, { ...CAST.bob, mail: 3 }]));
    expect(() => Directory.fromFile(wrong)).toThrow(/wrong\.json: directory entry 1 .*'mail'/);
    expect(() => Directory.fromFile(join(dir, "missing.json"))).toThrow(/Cannot read the directory file/);
  });

  it("resolves logons as SharePoint does: claims carry the UPN, plain names may be a UPN or a unique mail", () => {
    const d = new Directory(CAST_DIRECTORY);
    expect(d.resolveLogon(`i:0#.f|membership|${CAST.bob.userPrincipalName}`)?.id).toBe(CAST.bob.id);
    expect(d.resolveLogon(CAST.bob.userPrincipalName.toUpperCase())?.id).toBe(CAST.bob.id);
    expect(d.resolveLogon(CAST.bob.mail)?.id).toBe(CAST.bob.id);
    // A claims login built from a mail that is not the UPN names nobody.
    expect(d.resolveLogon(`i:0#.f|membership|${CAST.bob.mail}`)).toBeUndefined();
    expect(d.resolveLogon(CAST.dan.userPrincipalName)).toBeUndefined();
    expect(d.resolveLogon(CAST.erin.mail)).toBeUndefined();
    expect(d.resolveLogon("nobody@contoso.test")).toBeUndefined();
    expect(d.resolveLogon(`c:0(.s|true`)).toBeUndefined();
  });
});
