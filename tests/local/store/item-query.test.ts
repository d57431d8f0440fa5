import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestSharePoint, type TestSharePoint } from "../../helpers/local-sharepoint";
import { errorOf, pnp, stats as statsOf } from "../helpers";

let t: TestSharePoint;
beforeAll(async () => {
  t = await startTestSharePoint({ open: true, threshold: 50 });
});
afterAll(async () => {
  await t.close();
});

const stats = () => statsOf(t.baseUrl);

describe("paging with $orderby", () => {
  it("pages by the sort values (nulls, duplicates, several keys, both directions) without gaps or repeats", async () => {
    const sp = pnp(t.siteUrl);
    await sp.web.lists.add("Sorted");
    const list = sp.web.lists.getByTitle("Sorted");
    await list.fields.addNumber("Score");
    await list.fields.addText("Name");
    const [batched, execute] = sp.batched({ maxRequests: 100 });
    const bl = batched.web.lists.getByTitle("Sorted");
    const adds: Promise<unknown>[] = [];
    for (let i = 1; i <= 45; i++) {
      adds.push(bl.items.add({ Title: `s${i}`, Score: i % 5 === 0 ? null : i % 4, Name: i % 7 === 0 ? null : `n${i % 3}` }));
    }
    await execute();
    await Promise.all(adds);
    for (const [orders, label] of [
      [[["Score", true]], "Score asc"],
      [[["Score", false]], "Score desc"],
      [[["Name", true], ["Score", false]], "Name asc, Score desc"],
      [[["Name", false], ["ID", false]], "Name desc, ID desc"],
    ] as [[string, boolean][], string][]) {
      let all = list.items.select("Id");
      let paged = list.items.select("Id").top(4);
      for (const [f, asc] of orders) {
        all = all.orderBy(f, asc);
        paged = paged.orderBy(f, asc);
      }
      const expected = (await all.top(5000)()).map((i) => i.Id);
      const got: number[] = [];
      for await (const page of paged) got.push(...(page as { Id: number }[]).map((i) => i.Id));
      expect(got, label).toEqual(expected);
      expect(got).toHaveLength(45);
    }
  });
});

describe("list view threshold (threshold 50 here)", () => {
  it("throttles non-indexed filters and sorts on a big list, allows indexed ones and ID paging", async () => {
    const sp = pnp(t.siteUrl);
    await sp.web.lists.add("Wide");
    const list = sp.web.lists.getByTitle("Wide");
    await list.fields.addText("Status");
    await list.fields.addNumber("Rank");
    const [batched, execute] = sp.batched({ maxRequests: 100 });
    const adds: Promise<unknown>[] = [];
    for (let i = 1; i <= 80; i++) adds.push(batched.web.lists.getByTitle("Wide").items.add({ Title: `w${i}`, Status: i <= 10 ? "Open" : "Closed", Rank: i }));
    await execute();
    await Promise.all(adds);

    const throttled = await errorOf(list.items.filter("Status eq 'Open'")());
    expect(throttled.status).toBe(500);
    expect(throttled.message).toContain("-2147024860, Microsoft.SharePoint.SPQueryThrottledException");
    expect(throttled.message).toContain("The attempted operation is prohibited because it exceeds the list view threshold.");
    expect((await errorOf(list.items.orderBy("Rank")())).status).toBe(500);
    expect(await list.items.top(5)()).toHaveLength(5);

    await list.fields.getByInternalNameOrTitle("Status").update({ Indexed: true }, "SP.FieldText");
    expect(await list.items.filter("Status eq 'Open'")()).toHaveLength(10);
    // The first clause drives the query; a second, non-indexed clause is fine once the first narrows enough.
    expect(await list.items.filter("Status eq 'Open' and Rank gt 5")()).toHaveLength(5);
    // ...but not when the non-indexed clause comes first.
    expect((await errorOf(list.items.filter("Rank gt 5 and Status eq 'Open'")())).status).toBe(500);
    // An indexed clause that still selects more than the threshold is throttled.
    expect((await errorOf(list.items.filter("Status eq 'Closed'")())).status).toBe(500);
    // Narrowing filter + sort on a non-indexed column is allowed.
    const sorted = await list.items.select("Rank").filter("Status eq 'Open'").orderBy("Rank", false)();
    expect(sorted[0].Rank).toBe(10);
    // An ID window (a range on the always-indexed ID) narrows the scan, so the clauses after it may be anything...
    expect(await list.items.filter("Id gt 0 and Id le 40 and Rank gt 35")()).toHaveLength(5);
    // ...but an open-ended ID clause alone does not narrow.
    expect((await errorOf(list.items.filter("Id gt 0 and Rank gt 35")())).status).toBe(500);
    // Unfiltered paging by ID always works.
    let n = 0;
    for await (const page of list.items.select("Id").top(30)) n += (page as unknown[]).length;
    expect(n).toBe(80);
    const s = await stats();
    expect(s.requests.throttled).toBeGreaterThanOrEqual(4);
  });
});

describe("lookup column threshold", () => {
  it("refuses a query joining more than 12 person/lookup columns (all of them when no $select); single columns are fine", async () => {
    const sp = pnp(t.siteUrl);
    await sp.web.lists.add("Targets");
    const targets = await sp.web.lists.getByTitle("Targets")();
    await sp.web.lists.add("Joins");
    const list = sp.web.lists.getByTitle("Joins");
    // Author and Editor are two person columns already; 11 lookups make 13.
    for (let i = 1; i <= 11; i++) await list.fields.addLookup(`L${i}`, { LookupListId: targets.Id, LookupFieldName: "Title" });
    await list.items.add({ Title: "x" });
    for (const q of [list.items, list.items.select("*")]) {
      const e = await errorOf(q());
      expect(e.status).toBe(500);
      expect(e.message).toContain("-2147024749, Microsoft.SharePoint.SPQueryThrottledException");
      expect(e.message).toContain("exceeds the lookup column threshold");
    }
    expect(await list.items.select("Title", "L1Id", "L2/Title").expand("L2")()).toHaveLength(1);
    // A single item is not a list query.
    expect((await list.items.getById(1)()).Title).toBe("x");
  });
});
