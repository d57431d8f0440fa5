// @vitest-environment jsdom
/**
 * This device's copy of the first view: one per person and site, without ETags, one person at a time, gone on
 * sign-out, and never read for anyone but its owner.
 */
import { afterEach, describe, expect, it } from "vitest";
import type { ActionRecord } from "../../../src/data/actions/mapping.ts";
import { clearFirstViews, dropFirstView, type FirstView, readFirstView, saveFirstView } from "../../../src/tab/app/first-view-cache.ts";

const SITE = "https://contoso.sharepoint.com/sites/edi";
const OTHER_SITE = "https://contoso.sharepoint.com/sites/hr";
const ALICE = "11111111-1111-4111-8111-111111111111";
const BOB = "22222222-2222-4222-8222-222222222222";

function viewOf(personId: number, etag = '"3"'): FirstView {
  const action = { id: 7, ownerId: personId, officerIds: [personId], planId: 1, text: "An action", etag } as unknown as ActionRecord;
  return {
    me: { id: personId, name: `Person ${personId}`, email: "" },
    members: [],
    plans: [{ id: 1, title: "Plan", period: "2023-2027", status: "active", predecessorId: null, localCharacteristics: [] }],
    myActions: [action],
  };
}

afterEach(() => localStorage.clear());

describe("first view copy", () => {
  it("is kept per person and per site, and read only for the person and site it belongs to", () => {
    saveFirstView(SITE, ALICE, viewOf(10), new Date("2026-11-20T09:00:00Z"));
    expect(readFirstView(SITE, ALICE)?.me.id).toBe(10);
    expect(readFirstView(SITE, ALICE)?.savedAt).toBe("2026-11-20T09:00:00.000Z");
    expect(readFirstView(SITE, BOB)).toBeNull();
    expect(readFirstView(OTHER_SITE, ALICE)).toBeNull();
    saveFirstView(OTHER_SITE, ALICE, viewOf(42), new Date());
    expect(readFirstView(SITE, ALICE)?.me.id).toBe(10);
    expect(readFirstView(OTHER_SITE, ALICE)?.me.id).toBe(42);
  });

  it("holds no ETag, so nothing can ever be written from it", () => {
    saveFirstView(SITE, ALICE, viewOf(10, '"9"'), new Date());
    const copy = readFirstView(SITE, ALICE)!;
    expect(copy.myActions).toHaveLength(1);
    expect(copy.myActions[0].etag).toBeUndefined();
    expect(localStorage.getItem(localStorage.key(0)!)).not.toContain('\\"9\\"');
  });

  it("keeps one person's copies at a time: a fresh read for Bob removes Alice's, on every site", () => {
    saveFirstView(SITE, ALICE, viewOf(10), new Date());
    saveFirstView(OTHER_SITE, ALICE, viewOf(11), new Date());
    saveFirstView(SITE, BOB, viewOf(20), new Date());
    expect(readFirstView(SITE, ALICE)).toBeNull();
    expect(readFirstView(OTHER_SITE, ALICE)).toBeNull();
    expect(readFirstView(SITE, BOB)?.me.id).toBe(20);
  });

  it("is dropped for a person and site when a read says they may no longer see it", () => {
    saveFirstView(SITE, ALICE, viewOf(10), new Date());
    dropFirstView(SITE, ALICE);
    expect(readFirstView(SITE, ALICE)).toBeNull();
  });

  it("is cleared for everyone on sign-out, and nothing else in storage is touched", () => {
    localStorage.setItem("eap.draft.v1.something", "kept");
    saveFirstView(SITE, ALICE, viewOf(10), new Date());
    saveFirstView(OTHER_SITE, ALICE, viewOf(11), new Date());
    clearFirstViews();
    expect(readFirstView(SITE, ALICE)).toBeNull();
    expect(readFirstView(OTHER_SITE, ALICE)).toBeNull();
    expect(localStorage.getItem("eap.draft.v1.something")).toBe("kept");
  });

  it("ignores a damaged copy instead of showing it", () => {
    saveFirstView(SITE, ALICE, viewOf(10), new Date());
    const key = localStorage.key(0)!;
    localStorage.setItem(key, "{not json");
    expect(readFirstView(SITE, ALICE)).toBeNull();
    localStorage.setItem(key, JSON.stringify({ savedAt: "yesterday", me: { id: 10 } }));
    expect(readFirstView(SITE, ALICE)).toBeNull();
  });
});
