/**
 * Writing the public page's folder (src/report/publish/write-folder.ts) is all or nothing: a failure part-way leaves
 * the earlier publication exactly as it was and no temporary folder behind; a folder of other things is never
 * replaced.
 */
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, test } from "vitest";
import { PublishFolderError, writeFolderAtomic } from "../../src/report/publish/write-folder.ts";

const GENERATOR = "Equality Action Plan";
const page = (words: string) => new TextEncoder().encode(`<!DOCTYPE html><html lang="en-GB"><head><meta name="generator" content="${GENERATOR}"><title>t</title></head><body>${words}</body></html>`);
let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), "eap-folder-"));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe("writing a publication folder", () => {
  test("writes a new folder, then replaces an earlier publication with the new one", () => {
    const out = join(dir, "site");
    writeFolderAtomic(out, [{ name: "index.html", bytes: page("first") }, { name: "progress-2022-23.csv", bytes: new Uint8Array([1]) }], GENERATOR);
    writeFolderAtomic(out, [{ name: "index.html", bytes: page("second") }], GENERATOR);
    expect(readdirSync(out)).toEqual(["index.html"]);
    expect(readFileSync(join(out, "index.html"), "utf8")).toContain("second");
    expect(readdirSync(dir)).toEqual(["site"]);
  });

  test("a failure part-way (the second file cannot be written) leaves the earlier publication untouched and nothing else", () => {
    const out = join(dir, "site");
    writeFolderAtomic(out, [{ name: "index.html", bytes: page("published") }], GENERATOR);
    const failing = () => writeFolderAtomic(out, [{ name: "index.html", bytes: page("half") }, { name: "missing/progress.csv", bytes: new Uint8Array([1]) }], GENERATOR);
    expect(failing).toThrow(PublishFolderError);
    expect(failing).toThrow(/^cannot publish to .*site: ENOENT/);
    expect(readFileSync(join(out, "index.html"), "utf8")).toContain("published");
    expect(readdirSync(dir)).toEqual(["site"]);
  });

  test("never replaces a folder that is not an earlier publication, nor one with other files beside the page", () => {
    const notOurs = join(dir, "theirs");
    mkdirSync(notOurs);
    writeFileSync(join(notOurs, "index.html"), "<html>the council's own page</html>");
    expect(() => writeFolderAtomic(notOurs, [{ name: "index.html", bytes: page("x") }], GENERATOR)).toThrow(/holds other files \(index\.html\)/);
    const mixed = join(dir, "mixed");
    writeFolderAtomic(mixed, [{ name: "index.html", bytes: page("ours") }], GENERATOR);
    writeFileSync(join(mixed, "budget.xlsx"), "keep");
    expect(() => writeFolderAtomic(mixed, [{ name: "index.html", bytes: page("y") }], GENERATOR)).toThrow(/holds other files/);
    expect(readFileSync(join(notOurs, "index.html"), "utf8")).toBe("<html>the council's own page</html>");
    expect(readdirSync(mixed).sort()).toEqual(["budget.xlsx", "index.html"]);
  });
});
