import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type TestSharePoint, startTestSharePoint } from "../../helpers/local-sharepoint";
import { pnp } from "../helpers";

let t: TestSharePoint;
beforeAll(async () => {
  t = await startTestSharePoint({ threshold: 50 });
});
afterAll(async () => {
  await t.close();
});

async function stats(): Promise<{ requests: Record<string, number>; errors: Record<string, number> }> {
  return (await fetch(`${t.baseUrl}/_local/stats`)).json();
}

describe("$batch", () => {
  it("applies GETs and changesets in order, one response per request, a failing part in its own part", async () => {
    const sp = pnp(t.siteUrl);
    await sp.web.lists.add("Batch");
    await sp.web.lists.getByTitle("Batch").fields.createFieldAsXml(`<Field Type="Text" Name="Code" DisplayName="Code" Indexed="TRUE" EnforceUniqueValues="TRUE" />`);
    await fetch(`${t.baseUrl}/_local/stats/reset`, { method: "POST" });
    const [batched, execute] = sp.batched();
    const list = batched.web.lists.getByTitle("Batch");
    const results = Promise.allSettled([
      list.items.add({ Title: "one", Code: "1" }),
      list.items.add({ Title: "two", Code: "2" }),
      list.items.getById(1)(),
      list.items.add({ Title: "dup", Code: "1" }),
      list.items.getById(2).update({ Title: "two!" }),
      list.items.add({ Title: "three", Code: "3" }),
      list.items.select("Title").orderBy("ID")(),
    ]);
    await execute();
    const r = await results;
    expect(r.map((x) => x.status)).toEqual(["fulfilled", "fulfilled", "fulfilled", "rejected", "fulfilled", "fulfilled", "fulfilled"]);
    expect((r[2] as PromiseFulfilledResult<{ Title: string }>).value.Title).toBe("one");
    expect(((r[3] as PromiseRejectedResult).reason as { status: number }).status).toBe(500);
    expect((r[4] as PromiseFulfilledResult<{ etag: string }>).value.etag).toBe('"2"');
    expect((r[6] as PromiseFulfilledResult<{ Title: string }[]>).value.map((i) => i.Title)).toEqual(["one", "two!", "three"]);
    const s = await stats();
    expect(s.requests.batch).toBe(1);
    expect(s.requests["batch-parts"]).toBe(7);
    expect(s.requests["add-item"]).toBe(4);
  });

  it("pages through 12,000 items following odata.nextLink", async () => {
    const sp = pnp(t.siteUrl);
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
    // Default page size is 100 and $top is capped at 5000.
    expect(await big.items()).toHaveLength(100);
    expect(await big.items.top(6000)()).toHaveLength(5000);
  }, 60_000);
});
