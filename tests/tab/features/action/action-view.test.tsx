// @vitest-environment jsdom
/**
 * The action view and its "Add update" form against the real local SharePoint (jsdom fetches over HTTP):
 * bad input is refused inline and writes nothing, user text is rendered as text, a conflict shows what changed and
 * re-applies without retyping; carried actions link to where they came from and went.
 */
import { cleanup, fireEvent, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { findPlan, getAction, getMyActions, getPlanActions, getUpdatesForAction, submitUpdate } from "../../../../src/data/index.ts";
import { MULTI_LINE_MAX } from "../../../../src/domain/types.ts";
import { SEED_EQUALITIES_LEAD_UPN, SEED_UPNS } from "../../../../src/seed/people.ts";
import ActionView from "../../../../src/tab/features/action/action-view.tsx";
import { type SeededSite, startSeededSite } from "../../../helpers/seeded-site.ts";
import { renderInApp, signedIn, type TestApp } from "../../support.tsx";

// jsdom has no ResizeObserver; Fluent's MessageBar (the "draft restored" notice) measures itself with one.
globalThis.ResizeObserver ??= class {
  observe() {}
  unobserve() {}
  disconnect() {}
} as unknown as typeof ResizeObserver;

let site: SeededSite;
let app: TestApp;
let actionId: number;

beforeAll(async () => {
  site = await startSeededSite({ shiftToToday: true });
  app = await signedIn(site.siteUrl, SEED_EQUALITIES_LEAD_UPN);
  const mine = (await getMyActions(app.value.sp, app.value.me.id)).filter((a) => a.planId === site.currentPlanId);
  actionId = mine[0].id;
});
afterEach(() => {
  cleanup();
  localStorage.clear();
});
afterAll(async () => {
  await site?.close();
});

async function openAction() {
  renderInApp(<ActionView id={actionId} />, app);
  await screen.findByRole("heading", { name: "Add update" });
  return screen.getByRole("textbox", { name: /What has happened/ });
}

const updateCount = async () => (await getUpdatesForAction(app.value.sp, actionId)).length;

describe("Add update", () => {
  it("refuses an empty update with an inline message and writes nothing", async () => {
    const before = await updateCount();
    await openAction();
    await userEvent.click(screen.getByRole("button", { name: "Save update" }));
    expect(await screen.findByText("Write what has happened since the last update.")).toBeTruthy();
    expect(app.announced).toContain("The update was not saved: check the highlighted fields.");
    expect(await updateCount()).toBe(before);
  });

  it("asks for a status where none was recorded, never offers 'Not recorded', and saves once one is chosen", async () => {
    const old = (await findPlan(app.value.sp, "2017-2021"))!;
    const history = (await getPlanActions(app.value.sp, old.id)).find((a) => a.status === "not-recorded" && a.disposition === "open")!;
    const before = (await getUpdatesForAction(app.value.sp, history.id)).length;
    renderInApp(<ActionView id={history.id} />, app);
    await screen.findByRole("heading", { name: "Add update" });
    const status = screen.getByRole("combobox", { name: /Status after this update/ }) as HTMLSelectElement;
    expect(status.value).toBe("");
    const offered = [...status.options].filter((o) => !o.disabled).map((o) => o.textContent);
    expect(offered).toEqual(["Not started", "On track", "At risk", "Complete"]);
    await userEvent.type(screen.getByRole("textbox", { name: /What has happened/ }), "Delivered in 2018, we now know");
    await userEvent.click(screen.getByRole("button", { name: "Save update" }));
    expect(await screen.findByText("Choose the action's status: none has been recorded for it yet.")).toBeTruthy();
    expect(await getUpdatesForAction(app.value.sp, history.id)).toHaveLength(before);
    await userEvent.selectOptions(status, "complete");
    await userEvent.click(screen.getByRole("button", { name: "Save update" }));
    await waitFor(async () => expect((await getAction(app.value.sp, history.id)).status).toBe("complete"));
    const after = await getUpdatesForAction(app.value.sp, history.id);
    expect(after).toHaveLength(before + 1);
    expect(after[0]).toMatchObject({ statusAtTime: "complete", text: "Delivered in 2018, we now know" });
  });

  it("refuses an update over SharePoint's 63,999 characters, saying by how much", async () => {
    const before = await updateCount();
    const box = await openAction();
    fireEvent.change(box, { target: { value: "x".repeat(MULTI_LINE_MAX + 1) } });
    await userEvent.click(screen.getByRole("button", { name: "Save update" }));
    expect(await screen.findByText(/keeps at most 63,999\. Shorten it by 1\./)).toBeTruthy();
    expect(await updateCount()).toBe(before);
  });

  it("refuses a requested date that is not after today", async () => {
    const box = await openAction();
    await userEvent.type(box, "Need more time");
    await userEvent.click(screen.getByRole("checkbox", { name: "Ask for a new delivery date" }));
    fireEvent.change(screen.getByLabelText(/New date requested/), { target: { value: "2020-01-01" } });
    await userEvent.click(screen.getByRole("button", { name: "Save update" }));
    expect(await screen.findByText(/The new date must be after today; the earliest is/)).toBeTruthy();
  });

  it("keeps HTML and script as typed and shows them as text, never as markup", async () => {
    const box = await openAction();
    const text = `<script>window.__pwned = 1</script><img src=x onerror="window.__pwned=2"> <b>bold?</b> ${Date.now()}`;
    fireEvent.change(box, { target: { value: text } });
    expect(screen.getByText("This looks like HTML. It will be saved and shown exactly as typed, as plain text.")).toBeTruthy();
    await userEvent.click(screen.getByRole("button", { name: "Save update" }));
    const timeline = await screen.findByRole("list", { name: "Updates, newest first" });
    await waitFor(() => expect(within(timeline).getByText(text)).toBeTruthy());
    expect(timeline.querySelector("script, img, b")).toBeNull();
    expect((window as unknown as { __pwned?: number }).__pwned).toBeUndefined();
    const saved = (await getUpdatesForAction(app.value.sp, actionId)).filter((u) => u.text === text);
    expect(saved).toHaveLength(1);
  });

  it("on a conflict shows what changed, keeps the text and re-applies it", async () => {
    const box = await openAction();
    const mine = `Mine ${Date.now()}`;
    await userEvent.type(box, mine);
    // Someone else updates the same action meanwhile (another person, another client).
    // (written as the app, as the server writes on that person's behalf: people only read the lists)
    const other = site.appSp();
    const theirs = `Theirs ${Date.now()}`;
    await submitUpdate(other, {
      action: await getAction(other, actionId),
      text: theirs,
      status: "at-risk",
      author: null,
      authorName: "Grace Mensah",
      submissionKey: `test-${Date.now()}`,
      now: new Date(),
    });
    await userEvent.click(screen.getByRole("button", { name: "Save update" }));
    expect(await screen.findByText("Not saved: someone else changed this action while you were writing")).toBeTruthy();
    expect(screen.getByText(/^Status: was “.*”, now “At risk”$/)).toBeTruthy();
    expect((screen.getByRole("textbox", { name: /What has happened/ }) as HTMLTextAreaElement).value).toBe(mine);
    await userEvent.click(screen.getByRole("button", { name: "Re-apply my update" }));
    await waitFor(() => expect(app.announced).toContain("Update saved."));
    // The view has re-read the action (nothing is left in flight when the test ends).
    await within(await screen.findByRole("list", { name: "Updates, newest first" })).findByText(mine);
    const texts = (await getUpdatesForAction(app.value.sp, actionId)).map((u) => u.text);
    expect(texts.filter((t) => t === mine)).toHaveLength(1);
    expect(texts.filter((t) => t === theirs)).toHaveLength(1);
  });
});

describe("Drafts", () => {
  it("keeps a draft for its author only: another person on the same device opens the action with an empty form", async () => {
    const box = await openAction();
    fireEvent.change(box, { target: { value: "Half-written update about the lead's own progress." } });
    cleanup();
    // The lead comes back: the draft is there.
    expect(((await openAction()) as HTMLTextAreaElement).value).toBe("Half-written update about the lead's own progress.");
    cleanup();
    // Someone else of the EDI group signs in on this device and opens the same action: nothing of the lead's text.
    const other = await signedIn(site.siteUrl, SEED_UPNS.headOfPolicy);
    renderInApp(<ActionView id={actionId} />, other);
    await screen.findByRole("heading", { name: "Add update" });
    expect((screen.getByRole("textbox", { name: /What has happened/ }) as HTMLTextAreaElement).value).toBe("");
    expect(screen.queryByText("Your unsaved update was restored.")).toBeNull();
  });
});

describe("Across plans", () => {
  it("links a carried action to the one it carries on, and back", async () => {
    const carried = await getAction(app.value.sp, actionId);
    expect(carried.carriedFromId).not.toBeNull();
    renderInApp(<ActionView id={actionId} />, app);
    const from = await screen.findByRole("link", { name: "Carried from the previous plan" });
    expect(from.getAttribute("href")).toBe(`#/actions/${carried.carriedFromId}`);
    cleanup();

    renderInApp(<ActionView id={carried.carriedFromId!} />, app);
    const into = await screen.findByRole("link", { name: `Carried into the next plan (${carried.reference})` });
    expect(into.getAttribute("href")).toBe(`#/actions/${actionId}`);
    expect(screen.queryByRole("link", { name: "Carried from the previous plan" })).toBeNull();
  });

  it("until it has its own, a carried action shows the last update and measures of the one it came from, as that one's", async () => {
    const plan = await getPlanActions(app.value.sp, site.currentPlanId);
    const sources = new Map((await Promise.all(plan.filter((a) => a.carriedFromId).map((a) => getAction(app.value.sp, a.carriedFromId as number)))).map((a) => [a.id, a]));
    const bare = plan.find((a) => a.carriedFromId && !a.lastUpdateAt && a.id !== actionId && sources.get(a.carriedFromId)?.lastUpdateAt);
    expect(bare, "a carried action with no update of its own, from one that has").toBeDefined();
    const source = sources.get(bare?.carriedFromId as number);
    renderInApp(<ActionView id={bare?.id as number} />, app);
    await screen.findByRole("heading", { name: "Details" });
    const term = screen.getAllByText("Last update").find((el) => el.tagName === "DT");
    const lastUpdate = term?.nextElementSibling?.textContent ?? "";
    expect(lastUpdate).toContain(`(on ${source?.reference} in the previous plan)`);
    if (source?.lastUpdateSummary) expect(lastUpdate).toContain(source.lastUpdateSummary);
  });
});
