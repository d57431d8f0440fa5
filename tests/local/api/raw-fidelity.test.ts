/**
 * Raw request/response pairs (plain fetch, no PnPjs) written from SharePoint Online's documented behaviour, so the
 * local server's fidelity is pinned independently of the client library.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestSharePoint, type TestSharePoint } from "../../helpers/local-sharepoint";
import { batchBody, bearer, raw } from "../helpers";

let t: TestSharePoint;
let api: string;
const MINIMAL = { ...bearer(), Accept: "application/json", "Content-Type": "application/json;charset=utf-8" };
const VERBOSE = { ...bearer(), Accept: "application/json;odata=verbose", "Content-Type": "application/json;odata=verbose" };
const NOMETA = { ...bearer(), Accept: "application/json;odata=nometadata" };

const call = (method: string, path: string, headers: Record<string, string>, body?: unknown) => raw(`${api}/${path}`, null, { method, headers, body });

beforeAll(async () => {
  t = await startTestSharePoint({ open: true, threshold: 3 });
  api = `${t.siteUrl}/_api`;
  await call("POST", "web/lists", MINIMAL, { Title: "Raw", BaseTemplate: 100 });
  await call("POST", "web/lists/getbytitle('Raw')/fields", VERBOSE, { __metadata: { type: "SP.FieldNumber" }, Title: "Score", FieldTypeKind: 9 });
  for (let i = 1; i <= 5; i++) await call("POST", "web/lists/getbytitle('Raw')/items", MINIMAL, { Title: `r${i}`, Score: i });
});
afterAll(async () => {
  await t.close();
});

describe("raw fidelity", () => {
  it("POST contextinfo: FormDigestValue and FormDigestTimeoutSeconds top-level in minimal metadata", async () => {
    const r = await call("POST", "contextinfo", MINIMAL);
    expect(r.status).toBe(200);
    expect(r.json.FormDigestValue).toMatch(/^0x[0-9A-F]+,/);
    expect(r.json.FormDigestTimeoutSeconds).toBe(1800);
    const v = await call("POST", "contextinfo", VERBOSE);
    expect(v.json.d.GetContextWebInformation.FormDigestValue).toMatch(/^0x/);
  });

  it("GET web in the three dialects", async () => {
    const m = await call("GET", "web", MINIMAL);
    expect(m.headers.get("content-type")).toContain("odata=minimalmetadata");
    expect(m.json["odata.metadata"]).toBe(`${api}/$metadata#SP.Web`);
    expect(m.json["odata.type"]).toBe("SP.Web");
    expect(m.json.Url).toBe(t.siteUrl);
    const v = await call("GET", "web", VERBOSE);
    expect(v.json.d.__metadata.type).toBe("SP.Web");
    expect(v.json.d.Title).toBe("test");
    const n = await call("GET", "web", NOMETA);
    expect(Object.keys(n.json).some((k) => k.startsWith("odata."))).toBe(false);
  });

  it("items: minimal has value/odata.etag/odata.nextLink, verbose has d.results/__metadata/d.__next", async () => {
    const m = await call("GET", "web/lists/getbytitle('Raw')/items?%24select=Id%2CTitle&%24top=2", MINIMAL);
    expect(m.status).toBe(200);
    expect(m.json.value).toHaveLength(2);
    expect(m.json.value[0]).toMatchObject({ "odata.type": "SP.Data.RawListItem", "odata.etag": '"1"', Id: 1, Title: "r1" });
    expect(m.json.value[0]["odata.editLink"]).toMatch(/^Web\/Lists\(guid'[0-9a-f-]{36}'\)\/Items\(1\)$/);
    const next = new URL(m.json["odata.nextLink"]);
    expect(next.origin + next.pathname).toBe(`${api}/web/lists/getbytitle('Raw')/items`);
    expect(next.searchParams.get("$skiptoken")).toBe("Paged=TRUE&p_ID=2");
    const page2 = await call("GET", m.json["odata.nextLink"].slice(api.length + 1), MINIMAL);
    expect(page2.json.value.map((i: { Id: number }) => i.Id)).toEqual([3, 4]);
    const v = await call("GET", "web/lists/getbytitle('Raw')/items?$top=2", VERBOSE);
    expect(v.json.d.results[0].__metadata).toMatchObject({ etag: '"1"', type: "SP.Data.RawListItem" });
    expect(v.json.d.__next).toContain("skiptoken");
    const n = await call("GET", "web/lists/getbytitle('Raw')/items?$top=1", NOMETA);
    expect(Object.keys(n.json.value[0]).some((k) => k.startsWith("odata."))).toBe(false);
  });

  it("add answers 201 with the item and ETag; MERGE answers 204 with the next ETag; stale IF-Match is 412", async () => {
    const add = await call("POST", "web/lists/getbytitle('Raw')/items", MINIMAL, { Title: "new" });
    expect(add.status).toBe(201);
    expect(add.headers.get("etag")).toBe('"1"');
    const id = add.json.Id;
    const merge = await call("POST", `web/lists/getbytitle('Raw')/items(${id})`, { ...MINIMAL, "X-HTTP-Method": "MERGE", "IF-Match": '"1"' }, { Title: "newer" });
    expect(merge.status).toBe(204);
    expect(merge.text).toBe("");
    expect(merge.headers.get("etag")).toBe('"2"');
    const stale = await call("POST", `web/lists/getbytitle('Raw')/items(${id})`, { ...MINIMAL, "X-HTTP-Method": "MERGE", "IF-Match": '"1"' }, { Title: "lost" });
    expect(stale.status).toBe(412);
    expect(stale.json).toEqual({
      "odata.error": {
        code: "-1, Microsoft.SharePoint.Client.ClientServiceException",
        message: { lang: "en-US", value: `The request ETag value '"1"' does not match the object's ETag value '"2"'.` },
      },
    });
    const del = await call("POST", `web/lists/getbytitle('Raw')/items(${id})`, { ...MINIMAL, "X-HTTP-Method": "DELETE", "IF-Match": "*" });
    expect(del.status).toBe(200);
  });

  it("verbose item shapes: multi-value columns as {results}, expanded people under __metadata; both write forms accepted", async () => {
    await call("POST", "web/lists", MINIMAL, { Title: "Shapes" });
    const me = (await call("GET", "web/currentuser", MINIMAL)).json.Id;
    await call("POST", "web/lists/getbytitle('Shapes')/fields", VERBOSE, {
      __metadata: { type: "SP.FieldUser" },
      Title: "Officers",
      FieldTypeKind: 20,
      AllowMultipleValues: true,
      SelectionMode: 0,
    });
    await call("POST", "web/lists/getbytitle('Shapes')/fields", VERBOSE, {
      __metadata: { type: "SP.FieldMultiChoice" },
      Title: "Tags",
      FieldTypeKind: 15,
      Choices: { results: ["a", "b"] },
    });
    const viaVerbose = await call("POST", "web/lists/getbytitle('Shapes')/items", VERBOSE, { __metadata: { type: "SP.Data.ShapesListItem" }, Title: "v", OfficersId: { results: [me] }, Tags: { results: ["a"] } });
    expect(viaVerbose.status).toBe(201);
    expect(viaVerbose.json.d.OfficersId).toEqual({ __metadata: { type: "Collection(Edm.Int32)" }, results: [me] });
    const viaMinimal = await call("POST", "web/lists/getbytitle('Shapes')/items", MINIMAL, { Title: "m", OfficersId: [me], Tags: ["a", "b"] });
    expect(viaMinimal.json.OfficersId).toEqual([me]);
    expect(viaMinimal.json.Tags).toEqual(["a", "b"]);
    const v = await call("GET", "web/lists/getbytitle('Shapes')/items?$select=Title,Officers/Title&$expand=Officers&$orderby=ID", VERBOSE);
    expect(v.json.d.results[0].Officers.results[0]).toMatchObject({ __metadata: { type: "SP.Data.UserInfoItem" }, Title: "Ann Admin" });
    const f = await call("GET", "web/lists/getbytitle('Shapes')/fields/getbyinternalnameortitle('Tags')", VERBOSE);
    expect(f.json.d.Choices.results).toEqual(["a", "b"]);
    expect(f.json.d.__metadata.type).toBe("SP.FieldMultiChoice");
    const list = (await call("GET", "web/lists/getbytitle('Shapes')", MINIMAL)).json;
    expect((await call("GET", `web/lists(guid'${list.Id}')/items(1)?$select=Title`, MINIMAL)).json.Title).toBe("v");
    expect((await call("GET", `web/lists('${list.Id}')?$select=ItemCount`, MINIMAL)).json.ItemCount).toBe(2);
    expect((await call("GET", `lists/getbyid('${list.Id}')/getitembyid(2)?$select=Title`, MINIMAL)).json.Title).toBe("m");
  });

  it("errors: unknown list 404, odata.error in minimal and error in verbose", async () => {
    const m = await call("GET", "web/lists/getbytitle('Nope')", MINIMAL);
    expect(m.status).toBe(404);
    expect(m.json["odata.error"]).toEqual({
      code: "-1, System.ArgumentException",
      message: { lang: "en-US", value: `List 'Nope' does not exist at site with URL '${t.siteUrl}'.` },
    });
    const v = await call("GET", "web/lists/getbytitle('Nope')", VERBOSE);
    expect(v.json.error.code).toBe("-1, System.ArgumentException");
    const item = await call("GET", "web/lists/getbytitle('Raw')/items(999)", MINIMAL);
    expect(item.status).toBe(404);
    expect(item.json["odata.error"].message.value).toBe("Item does not exist. It may have been deleted by another user.");
    const unknownProp = await call("POST", "web/lists/getbytitle('Raw')/items", MINIMAL, { Nope: 1 });
    expect(unknownProp.status).toBe(400);
    expect(unknownProp.json["odata.error"].message.value).toBe(
      "The property 'Nope' does not exist on type 'SP.Data.RawListItem'. Make sure to only use property names that are defined by the type.",
    );
    const badFilter = await call("GET", "web/lists/getbytitle('Raw')/items?$filter=Title eq", MINIMAL);
    expect(badFilter.status).toBe(400);
    expect(badFilter.json["odata.error"].code).toBe("-1, Microsoft.SharePoint.Client.InvalidClientQueryException");
    const badJson = await call("POST", "web/lists/getbytitle('Raw')/items", MINIMAL, "{not json");
    expect(badJson.status).toBe(400);
    const unknownPath = await call("GET", "web/nothinghere", MINIMAL);
    expect(unknownPath.status).toBe(404);
    // A body that names a type must name the list's item type.
    const wrongType = await call("POST", "web/lists/getbytitle('Raw')/items", VERBOSE, { __metadata: { type: "SP.Data.OtherListItem" }, Title: "x" });
    expect(wrongType.status).toBe(400);
    expect(wrongType.json.error.message.value).toContain("A type named 'SP.Data.OtherListItem' could not be resolved by the model.");
    const longTitle = await call("POST", "web/lists", MINIMAL, { Title: "L".repeat(256) });
    expect(longTitle.status).toBe(400);
  });

  it("list view threshold: HTTP 500 SPQueryThrottledException on a non-indexed filter", async () => {
    const r = await call("GET", "web/lists/getbytitle('Raw')/items?$filter=Score gt 2", MINIMAL);
    expect(r.status).toBe(500);
    expect(r.json).toEqual({
      "odata.error": {
        code: "-2147024860, Microsoft.SharePoint.SPQueryThrottledException",
        message: { lang: "en-US", value: "The attempted operation is prohibited because it exceeds the list view threshold." },
      },
    });
    expect((await call("GET", "web/lists/getbytitle('Raw')/items?$filter=ID gt 3", MINIMAL)).status).toBe(200);
  });

  it("$batch: flat batchresponse parts in order, closing boundary ending with a newline", async () => {
    const b = "batch_11111111-1111-1111-1111-111111111111";
    const body = batchBody(b, [
      [
        { method: "POST", url: `${api}/web/lists/getbytitle('Raw')/items`, body: { Title: "in batch" } },
        { method: "POST", url: `${api}/web/lists/getbytitle('Raw')/items`, body: { Nope: 1 } },
      ],
      { method: "GET", url: `${api}/web/lists/getbytitle('Raw')/items(1)` },
    ]);
    const r = await fetch(`${api}/$batch`, { method: "POST", headers: { ...bearer(), "Content-Type": `multipart/mixed; boundary=${b}` }, body });
    expect(r.status).toBe(200);
    const ct = r.headers.get("content-type") ?? "";
    expect(ct).toMatch(/^multipart\/mixed; boundary=batchresponse_/);
    const text = await r.text();
    const boundary = ct.split("boundary=")[1];
    expect(text.startsWith(`--${boundary}\n`)).toBe(true);
    expect(text.endsWith(`--${boundary}--\n`)).toBe(true);
    expect([...text.matchAll(/^HTTP\/1\.1 (\d+) /gm)].map((m) => m[1])).toEqual(["201", "400", "200"]);
    expect(text).not.toContain("changesetresponse");
  });

  it("a broken batch body is a 400 and the server keeps serving", async () => {
    const r = await fetch(`${api}/$batch`, { method: "POST", headers: { ...bearer(), "Content-Type": "multipart/mixed; boundary=batch_x" }, body: "--batch_x\ngarbage" });
    expect(r.status).toBe(400);
    const noBoundary = await fetch(`${api}/$batch`, { method: "POST", headers: { ...bearer(), "Content-Type": "application/json" }, body: "{}" });
    expect(noBoundary.status).toBe(400);
    expect((await call("GET", "web", MINIMAL)).status).toBe(200);
  });

  it("CORS: preflight from a loopback origin, ETag exposed, other origins not allowed", async () => {
    const pre = await fetch(`${api}/web`, {
      method: "OPTIONS",
      headers: { Origin: "http://localhost:5173", "Access-Control-Request-Method": "POST", "Access-Control-Request-Headers": "authorization,if-match" },
    });
    expect(pre.status).toBe(204);
    expect(pre.headers.get("access-control-allow-origin")).toBe("http://localhost:5173");
    const allowed = (pre.headers.get("access-control-allow-headers") ?? "").toLowerCase();
    for (const h of ["authorization", "x-requestdigest", "if-match", "x-http-method", "x-clientservice-clienttag", "x-pnpjs-requestid", "content-type", "accept"]) {
      expect(allowed).toContain(h);
    }
    const get = await fetch(`${api}/web`, { headers: { ...MINIMAL, Origin: "http://127.0.0.1:3000" } });
    expect(get.headers.get("access-control-expose-headers")).toContain("ETag");
    const foreign = await fetch(`${api}/web`, { headers: { ...MINIMAL, Origin: "https://evil.example" } });
    expect(foreign.headers.get("access-control-allow-origin")).toBeNull();
  });

  it("/_local/stats counts requests by kind and resets", async () => {
    await fetch(`${t.baseUrl}/_local/stats/reset`, { method: "POST" });
    await call("GET", "web/lists/getbytitle('Raw')/items", MINIMAL);
    await call("GET", "web/lists/getbytitle('Raw')/items(1)", MINIMAL);
    await call("GET", "web/lists/getbytitle('Raw')/items(999)", MINIMAL);
    const s = await (await fetch(`${t.baseUrl}/_local/stats`)).json();
    expect(s.requests).toMatchObject({ "get-items": 1, "get-item": 2 });
    expect(s.errors).toEqual({ "404": 1 });
  });
});
