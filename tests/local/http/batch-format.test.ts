import { describe, expect, it } from "vitest";
import { buildBatchResponse, parseBatch } from "../../../src/local/http/batch-format";

describe("batch wire format", () => {
  it("flattens changesets and answers with a newline-terminated closing boundary", () => {
    const body = [
      "--batch_1",
      'Content-Type: multipart/mixed; boundary="changeset_2"',
      "",
      "--changeset_2",
      "Content-Type: application/http",
      "Content-Transfer-Encoding: binary",
      "",
      "MERGE http://127.0.0.1:1/sites/a/_api/web/lists/getbytitle('X')/items(1) HTTP/1.1",
      'IF-Match: "1"',
      "",
      '{"Title":"x"}',
      "",
      "--changeset_2--",
      "",
      "--batch_1",
      "Content-Type: application/http",
      "Content-Transfer-Encoding: binary",
      "",
      "GET http://127.0.0.1:1/sites/a/_api/web HTTP/1.1",
      "",
      "--batch_1--",
      "",
    ].join("\r\n");
    const parts = parseBatch(body, "multipart/mixed; boundary=batch_1");
    expect(parts.map((p) => [p.method, p.headers["if-match"], p.body])).toEqual([
      ["MERGE", '"1"', '{"Title":"x"}'],
      ["GET", undefined, ""],
    ]);
    const out = buildBatchResponse([
      { status: 204, headers: { ETag: '"2"' }, body: "" },
      { status: 200, headers: {}, body: "{}" },
    ]);
    expect(out.body.endsWith(`--${out.boundary}--\n`)).toBe(true);
    expect(out.body).toContain("HTTP/1.1 204 No Content\nETAG: \"2\"\n");
  });
});
