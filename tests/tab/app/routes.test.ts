// @vitest-environment jsdom
/** The one route table: which view a hash opens, with which parameters, and who may open it. */
import { describe, expect, it } from "vitest";
import { matchRoute, mayOpen, ROUTES, refusal } from "../../../src/tab/app/routes.tsx";

const officer = { isMember: false, isLead: false };
const member = { isMember: true, isLead: false };
const lead = { isMember: true, isLead: true };
const route = (path: string) => ROUTES.find((r) => r.path === path)!;

describe("route table", () => {
  it("opens My actions by default and reads parameters and queries", () => {
    expect(matchRoute("").route?.path).toBe("/my");
    expect(matchRoute("#/").route?.path).toBe("/my");
    expect(matchRoute("#/plan").route?.path).toBe("/plan");
    expect(matchRoute("#/actions/42")).toMatchObject({ route: { path: "/actions/:id" }, params: { id: "42" } });
    expect(matchRoute("#/review?view=stage").route?.path).toBe("/review");
  });

  it("opens My actions from the personal app's published tab URL (#/my-actions) too", () => {
    expect(matchRoute("#/my-actions").route?.path).toBe("/my");
  });

  it("answers no route for unknown paths and for ids that are not numbers", () => {
    expect(matchRoute("#/actions/x")).toMatchObject({ route: null, path: "/actions/x" });
    expect(matchRoute("#/nowhere")).toMatchObject({ route: null, path: "/nowhere" });
    expect(matchRoute("#/actions/1/2").route).toBeNull();
  });

  it("lets everyone open their own views, the EDI group theirs, and the equalities lead alone roll over and import", () => {
    for (const p of ["/my", "/plan", "/actions/:id", "/config"]) expect(mayOpen(route(p), officer)).toBe(true);
    for (const p of ["/due", "/review", "/dashboard"]) {
      expect(mayOpen(route(p), officer)).toBe(false);
      expect(mayOpen(route(p), member)).toBe(true);
      expect(refusal(route(p))).toBe(`The ${route(p).title} page is for the equalities lead and the EDI group.`);
    }
    expect(mayOpen(route("/rollover"), member)).toBe(false);
    expect(mayOpen(route("/rollover"), lead)).toBe(true);
    expect(refusal(route("/rollover"))).toBe("The Rollover page is for the equalities lead.");
    expect(mayOpen(route("/import"), member)).toBe(false);
    expect(mayOpen(route("/import"), lead)).toBe(true);
  });

  it("has one entry per path, a title for each, and a view module behind every split view", async () => {
    expect(new Set(ROUTES.map((r) => r.path)).size).toBe(ROUTES.length);
    for (const r of ROUTES) expect(r.title).not.toBe("");
    const loaded = (await Promise.all(ROUTES.map((r) => r.preload()))) as Array<{ default?: unknown } | undefined>;
    for (const [i, m] of loaded.entries()) if (ROUTES[i].path !== "/my") expect(typeof m?.default).toBe("function");
  });
});
