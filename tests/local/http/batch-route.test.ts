import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { devToken, startTestSharePoint, type TestSharePoint } from "../../helpers/local-sharepoint";
import { batchBody, errorOf, pnp, raw, stats as statsOf } from "../helpers";

let t: TestSharePoint;
beforeAll(async () => {
  t = await startTestSharePoint({ open: true, threshold: 50 });
});
afterAll(async () => {
  await t.close();
});

const stats = () => statsOf(t.baseUrl);

describe("$batch", () => {
  async function run(siteUrl: string, list: string) {
    const sp = pnp(siteUrl);
    await sp.web.lists.add(list);
    await sp.web.lists.getByTitle(list).fields.createFieldAsXml(`<Field Type="Text" Name="Code" DisplayName="Code" Indexed="TRUE" EnforceUniqueValues="TRUE" />`);
    const [batched, execute] = sp.batched();
    const l = batched.web.lists.getByTitle(list);
    // PnPjs groups consecutive writes into one changeset: {add, add}, GET, {add dup, update, add}, GET.
    const results = Promise.allSettled([
      l.items.add({ Title: "one", Code: "1" }),
      l.items.add({ Title: "two", Code: "2" }),
      l.items.getById(1)(),
      l.items.add({ Title: "dup", Code: "1" }),
      l.items.getById(2).update({ Title: "two!" }),
      l.items.add({ Title: "three", Code: "3" }),
      l.items.select("Title").orderBy("ID")(),
    ]);
    await execute();
    return results;
  }
  const reasonOf = (r: PromiseSettledResult<unknown>) => (r as PromiseRejectedResult).reason as { status: number; message: string };

  it("applies GETs and changesets in order, one response per request; after a failed part the changeset's later parts fail, nothing is rolled back", async () => {
    await fetch(`${t.baseUrl}/_local/stats/reset`, { method: "POST" });
    const r = await run(t.siteUrl, "Batch");
    expect(r.map((x) => x.status)).toEqual(["fulfilled", "fulfilled", "fulfilled", "rejected", "rejected", "rejected", "fulfilled"]);
    expect((r[2] as PromiseFulfilledResult<{ Title: string }>).value.Title).toBe("one");
    expect(reasonOf(r[3]).status).toBe(500);
    expect(reasonOf(r[3]).message).toContain("SPDuplicateValuesFoundException");
    for (const later of [r[4], r[5]]) {
      expect(reasonOf(later).status).toBe(500);
      expect(reasonOf(later).message).toContain("-1, System.IndexOutOfRangeException");
      expect(reasonOf(later).message).toContain("Index was outside the bounds of the array.");
    }
    // The first changeset stays applied; the update and the third add never happened.
    expect((r[6] as PromiseFulfilledResult<{ Title: string }[]>).value.map((i) => i.Title)).toEqual(["one", "two"]);
    const s = await stats();
    expect(s.requests.batch).toBe(1);
    expect(s.requests["batch-parts"]).toBe(7);
    expect(s.requests["add-item"]).toBe(3);
  });

  it("with batchPartsIndependent every part stands alone (the other behaviour SharePoint has shown)", async () => {
    const loose = await startTestSharePoint({ open: true, batchPartsIndependent: true });
    try {
      const r = await run(loose.siteUrl, "Loose");
      expect(r.map((x) => x.status)).toEqual(["fulfilled", "fulfilled", "fulfilled", "rejected", "fulfilled", "fulfilled", "fulfilled"]);
      expect((r[4] as PromiseFulfilledResult<{ etag: string }>).value.etag).toBe('"2"');
      expect((r[6] as PromiseFulfilledResult<{ Title: string }[]>).value.map((i) => i.Title)).toEqual(["one", "two!", "three"]);
    } finally {
      await loose.close();
    }
  });

  it("refuses a $batch of more than 100 requests with a 400 and applies none of it", async () => {
    const sp = pnp(t.siteUrl);
    await sp.web.lists.add("TooMany");
    const api = `${t.siteUrl}/_api`;
    const adds = Array.from({ length: 101 }, (_, i) => ({ method: "POST", url: `${api}/web/lists/getbytitle('TooMany')/items`, body: { Title: `t${i}` } }));
    const body = batchBody("batch_b", [adds]);
    const r = await raw(`${api}/$batch`, devToken({ upn: "ann.admin@contoso.test" }), { method: "POST", headers: { "Content-Type": "multipart/mixed; boundary=batch_b" }, body });
    expect(r.status).toBe(400);
    expect(r.json["odata.error"].message.value).toContain("at most 100");
    expect((await sp.web.lists.getByTitle("TooMany")()).ItemCount).toBe(0);
  });

  it("pages through 12,000 items following odata.nextLink", async () => {
    // SharePoint Online's own threshold (5,000): pages of 2,000 are fine, a $top of 6,000 is not.
    const real = await startTestSharePoint({ open: true });
    const sp = pnp(real.siteUrl);
    await sp.web.lists.add("Big");
    const [batched, execute] = sp.batched({ maxRequests: 100 });
    const bigList = batched.web.lists.getByTitle("Big");
    const adds: Promise<unknown>[] = [];
    // Each request needs its own queryable instance in a PnPjs batch.
    for (let i = 1; i <= 12_000; i++) adds.push(bigList.items.add({ Title: `item ${i}` }));
    await execute();
    await Promise.all(adds);
    const big = sp.web.lists.getByTitle("Big");
    expect((await big.select("ItemCount")()).ItemCount).toBe(12_000);
    const seen: number[] = [];
    let pages = 0;
    for await (const page of big.items.select("Id", "Title").top(2000)) {
      pages++;
      for (const i of page as { Id: number }[]) seen.push(i.Id);
    }
    expect(pages).toBe(6);
    expect(seen.length).toBe(12_000);
    expect(new Set(seen).size).toBe(12_000);
    expect(seen[0]).toBe(1);
    expect(seen[11_999]).toBe(12_000);
    // Default page size is 100; an explicit $top above the threshold is refused on a list past it.
    expect(await big.items()).toHaveLength(100);
    expect(await big.items.top(5000)()).toHaveLength(5000);
    const over = await errorOf(big.items.top(6000)());
    expect(over.status).toBe(500);
    expect(over.message).toContain("SPQueryThrottledException");
    await real.close();
  }, 60_000);
});

describe("$batch with throttled parts (429-in-batch)", () => {
  it("answers each throttled part with its own 429 and Retry-After while the batch itself answers 200", async () => {
    const s = await startTestSharePoint({ open: true, faults: "429-in-batch:0.5", seed: 3, retryAfterSeconds: 2 });
    try {
      const sp = pnp(s.siteUrl);
      await fetch(`${s.baseUrl}/_local/stats/reset`, { method: "POST" });
      const created = await raw(`${s.siteUrl}/_api/web/lists`, devToken({ upn: "ann.admin@contoso.test" }), { method: "POST", body: { Title: "Parts" } });
      expect(created.status).toBe(201);
      const [batched, execute] = sp.batched();
      // Reads only (no changeset), so each part stands alone.
      const reads = Array.from({ length: 10 }, () => batched.web.lists.getByTitle("Parts").select("Title")());
      const settled = Promise.allSettled(reads);
      await execute();
      const r = await settled;
      const refused = r.filter((x) => x.status === "rejected").map((x) => (x as PromiseRejectedResult).reason as { status: number; response: Response });
      expect(refused.length).toBeGreaterThan(0);
      expect(refused.length).toBeLessThan(10);
      for (const e of refused) {
        expect(e.status).toBe(429);
        expect(e.response.headers.get("Retry-After")).toBe("2");
      }
    } finally {
      await s.close();
    }
  });
});
