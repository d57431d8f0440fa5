/** The public page's .zip: read back by an independent reader (jszip), names in UTF-8, bytes and CRCs intact. */
import JSZip from "jszip";
import { describe, expect, it } from "vitest";
import { crc32, zipStore } from "../../../../src/tab/features/publication/zip-store.ts";

describe("zipStore", () => {
  it("writes files another reader opens byte for byte", async () => {
    const html = new TextEncoder().encode("<!doctype html><title>Progress – 2025-26</title>");
    const csv = new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode("Role,Objective\nEmployer,“Fair pay”\n")]);
    const zip = await JSZip.loadAsync(zipStore([{ name: "index.html", bytes: html }, { name: "progress-2025-26 – ü.csv", bytes: csv }], new Date("2026-11-26T10:15:30Z")), { checkCRC32: true });
    expect(Object.keys(zip.files)).toEqual(["index.html", "progress-2025-26 – ü.csv"]);
    expect(await zip.file("index.html")!.async("uint8array")).toEqual(html);
    expect(await zip.file("progress-2025-26 – ü.csv")!.async("uint8array")).toEqual(csv);
    expect(zip.files["index.html"].date.toISOString().slice(0, 10)).toBe("2026-11-26");
  });

  it("computes the standard CRC-32", () => {
    expect(crc32(new TextEncoder().encode("123456789"))).toBe(0xcbf43926);
    expect(crc32(new Uint8Array())).toBe(0);
  });
});
