import { describe, expect, it } from "vitest";
import { startLocalSharePoint } from "../../../src/local/index";
import { startTestSharePoint } from "../../helpers/local-sharepoint";
import { batchBody, bearer, errorOf, freshDirs, pnp } from "../helpers";

const freshDir = freshDirs("eap-local-sp-srv-");

/** A data directory holding site "s" with one empty list, written by a server that is closed again. */
async function siteWithList(title: string): Promise<string> {
  const dataDir = freshDir();
  const setup = await startLocalSharePoint({ dataDir, sites: ["s"] });
  await pnp(setup.siteUrl("s")).web.lists.add(title);
  await setup.close();
  return dataDir;
}

const postItem = (siteUrl: string, list: string, title: string) =>
  fetch(`${siteUrl}/_api/web/lists/getbytitle('${list}')/items`, {
    method: "POST",
    headers: { ...bearer(), Accept: "application/json", "Content-Type": "application/json" },
    body: JSON.stringify({ Title: title }),
  });

/** The titles in a list, read by a fresh server on the data directory. */
async function titlesAfter(dataDir: string, list: string): Promise<string[]> {
  const after = await startLocalSharePoint({ dataDir });
  try {
    return (await pnp(after.siteUrl("s")).web.lists.getByTitle(list).items.select("Title")()).map((i) => i.Title);
  } finally {
    await after.close();
  }
}

describe("identity", () => {
  it("answers 401 without a token unless anonymous; anonymous writes need a request digest", async () => {
    const t = await startTestSharePoint({ open: true });
    try {
      const r = await fetch(`${t.siteUrl}/_api/web`, { headers: { Accept: "application/json" } });
      expect(r.status).toBe(401);
      // SharePoint's 401 is for token problems: an error_description body (no odata.error) and a Bearer challenge.
      expect(r.headers.get("www-authenticate")).toMatch(/^Bearer realm="[0-9a-f-]{36}",client_id="00000003-0000-0ff1-ce00-000000000000"/);
      expect(r.headers.get("x-ms-diagnostics")).toMatch(/^3000003;reason=".+";category="invalid_client"$/);
      const body = await r.json();
      expect(Object.keys(body)).toEqual(["error_description"]);
      const bad = await fetch(`${t.siteUrl}/_api/web`, { headers: { Authorization: "Bearer not-a-jwt" } });
      expect(bad.status).toBe(401);
    } finally {
      await t.close();
    }
    const anon = await startTestSharePoint({ anonymous: true });
    try {
      const { spfi, SPBrowser } = await import("@pnp/sp");
      const sp = spfi(anon.siteUrl).using(SPBrowser({ baseUrl: anon.siteUrl }));
      // PnPjs fetches a digest from contextinfo before its first write because there is no Authorization header.
      await sp.web.lists.add("Anon");
      const item = await sp.web.lists.getByTitle("Anon").items.add({ Title: "by nobody" });
      const author = await sp.web.getUserById(item.AuthorId)();
      expect(author.Title).toBe("System Account");
      const noDigest = await fetch(`${anon.siteUrl}/_api/web/lists/getbytitle('Anon')/items`, {
        method: "POST",
        headers: { Accept: "application/json", "Content-Type": "application/json" },
        body: JSON.stringify({ Title: "x" }),
      });
      expect(noDigest.status).toBe(403);
      expect((await noDigest.json())["odata.error"].message.value).toContain("The security validation for this page is invalid");
    } finally {
      await anon.close();
    }
  });
});

describe("request digests", () => {
  it("are valid only for the site that issued them, survive a restart, and cannot be forged", async () => {
    const dataDir = freshDir();
    const a = await startLocalSharePoint({ dataDir, sites: ["one", "two"], anonymous: true });
    const digestOf = async (site: string) =>
      (await (await fetch(`${a.siteUrl(site)}/_api/contextinfo`, { method: "POST", headers: { Accept: "application/json" } })).json()).FormDigestValue as string;
    const d1 = await digestOf("one");
    const post = (base: string, digest: string) =>
      fetch(`${base}/_api/web/lists`, {
        method: "POST",
        headers: { Accept: "application/json", "Content-Type": "application/json", "X-RequestDigest": digest },
        body: JSON.stringify({ Title: `L${Math.random().toString(36).slice(2, 8)}` }),
      });
    expect((await post(a.siteUrl("one"), d1)).status).toBe(201);
    expect((await post(a.siteUrl("two"), d1)).status).toBe(403);
    expect((await post(a.siteUrl("one"), `0x${"AB".repeat(64)},${new Date().toUTCString()}`)).status).toBe(403);
    await a.close();
    const b = await startLocalSharePoint({ dataDir, anonymous: true });
    try {
      expect((await post(b.siteUrl("one"), d1)).status).toBe(201);
    } finally {
      await b.close();
    }
  });
});

describe("fault injection", () => {
  // Seed 9 never injects three faults in a row in the first 100 requests, so PnPjs' 3 attempts always suffice.
  it("PnPjs retries through injected 429/503 and succeeds; stats count the faults", async () => {
    const t = await startTestSharePoint({ open: true, faults: "429:0.2,503:0.1", seed: 9, retryAfterSeconds: 0 });
    try {
      const sp = pnp(t.siteUrl);
      await sp.web.lists.add("Flaky");
      for (let i = 0; i < 15; i++) await sp.web.lists.getByTitle("Flaky").items.add({ Title: `f${i}` });
      const all = await sp.web.lists.getByTitle("Flaky").items.select("Title").top(100)();
      expect(all).toHaveLength(15);
      const s = await (await fetch(`${t.baseUrl}/_local/stats`)).json();
      expect(s.requests.faulted).toBeGreaterThan(0);
      expect(s.errors["429"] ?? 0).toBeGreaterThan(0);
    } finally {
      await t.close();
    }
  });

  it("an injected failure writes nothing", async () => {
    const dataDir = await siteWithList("Nothing");
    const b = await startLocalSharePoint({ dataDir, faults: "503:1", retryAfterSeconds: 0 });
    const r = await postItem(b.siteUrl("s"), "Nothing", "lost");
    expect(r.status).toBe(503);
    expect(r.headers.get("retry-after")).toBe("0");
    await b.close();
    expect(await titlesAfter(dataDir, "Nothing")).toEqual([]);
  });

  it("504-after-commit applies the request and loses the reply: PnPjs' retries then write it again", async () => {
    const dataDir = await siteWithList("Lost");
    const lossy = await startLocalSharePoint({ dataDir, faults: "504-after-commit:1", retryAfterSeconds: 0 });
    const sp = pnp(lossy.siteUrl("s"));
    const r = await postItem(lossy.siteUrl("s"), "Lost", "applied");
    expect(r.status).toBe(504);
    expect(r.headers.get("retry-after")).toBe("0");
    // PnPjs retries a 504 (3 attempts): each attempt was applied, and the caller still sees a failure.
    expect((await errorOf(sp.web.lists.getByTitle("Lost").items.add({ Title: "retried" }))).status).toBe(504);
    const stats = await (await fetch(`${lossy.baseUrl}/_local/stats`)).json();
    expect(stats.requests["add-item"]).toBe(4);
    await lossy.close();
    expect(await titlesAfter(dataDir, "Lost")).toEqual(["applied", "retried", "retried", "retried"]);
  });

  it("drop-after-commit closes the connection without a reply after applying the request; drop alone applies nothing", async () => {
    const dataDir = await siteWithList("Dropped");
    for (const spec of ["drop-after-commit:1", "drop:1"]) {
      const s = await startLocalSharePoint({ dataDir, faults: spec });
      await expect(postItem(s.siteUrl("s"), "Dropped", spec)).rejects.toThrow();
      await s.close();
    }
    expect(await titlesAfter(dataDir, "Dropped")).toEqual(["drop-after-commit:1"]);
  });

  it("a $batch is throttled as a whole: 429 on the outer POST, no part applied", async () => {
    const dataDir = await siteWithList("Batched");
    const s = await startLocalSharePoint({ dataDir, faults: "429:1", retryAfterSeconds: 3 });
    const api = `${s.siteUrl("s")}/_api`;
    const body = batchBody("batch_t", [[{ method: "POST", url: `${api}/web/lists/getbytitle('Batched')/items`, body: { Title: "in a throttled batch" } }]]);
    const r = await fetch(`${api}/$batch`, { method: "POST", headers: { ...bearer(), "Content-Type": "multipart/mixed; boundary=batch_t" }, body });
    expect(r.status).toBe(429);
    expect(r.headers.get("retry-after")).toBe("3");
    expect((await r.json())["odata.error"].code).toBe("-2147024860, Microsoft.SharePoint.SPRequestThrottledException");
    await s.close();
    expect(await titlesAfter(dataDir, "Batched")).toEqual([]);
  });

  it("delays responses by latencyMs and logs one line per request", async () => {
    const lines: string[] = [];
    const t = await startTestSharePoint({ open: true, latencyMs: 50, log: (l) => lines.push(l) });
    try {
      const started = Date.now();
      await pnp(t.siteUrl).web();
      expect(Date.now() - started).toBeGreaterThanOrEqual(45);
      expect(lines.some((l) => /^GET \/sites\/test\/_api\/web 200 \d+\.\dms$/.test(l))).toBe(true);
    } finally {
      await t.close();
    }
  });

  it("refuses bodies above maxBodyBytes with 413 and keeps serving", async () => {
    const t = await startTestSharePoint({ open: true, maxBodyBytes: 1000 });
    try {
      const sp = pnp(t.siteUrl);
      await sp.web.lists.add("Small");
      const big = await errorOf(sp.web.lists.getByTitle("Small").items.add({ Title: "x".repeat(2000) }));
      expect(big.status).toBe(413);
      expect((await sp.web.lists.getByTitle("Small")()).ItemCount).toBe(0);
    } finally {
      await t.close();
    }
  });
});
