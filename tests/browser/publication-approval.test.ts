/**
 * Approval and publication in headless Chromium against the real local SharePoint, by keyboard: the count awaiting
 * approval in the navigation, approving as written and with an edit (Tab and Enter only), withholding with a
 * reason, the public page asked for while updates still await (publish the approved only: a .zip read back), the
 * published words in the action's timeline, axe in the three themes, and no publication controls for others.
 */
import { readFileSync } from "node:fs";
import JSZip from "jszip";
import { describe, expect, it } from "vitest";
import { LOCAL_APP_IDENTITY } from "../../src/config/local-identities.ts";
import { DevAppAuth } from "../../src/data/auth/dev-token.ts";
import { createSp } from "../../src/data/index.ts";
import { getUpdate } from "../../src/data/updates/publication.ts";
import { SEED_EQUALITIES_LEAD_UPN, SEED_UPNS } from "../../src/seed/people.ts";
import { axeScan, describeViolations, screenshot, setTheme, signInAs, type ThemeName } from "../helpers/browser.ts";
import { DRAFT_TEXTS, writeDrafts } from "../helpers/publication-drafts.ts";
import { signedInTab } from "../helpers/signed-in-tab.ts";

let drafts: number[] = [];
const tab = signedInTab(SEED_EQUALITIES_LEAD_UPN, {
  downloads: true,
  before: async (stack) => {
    // Officers' drafts are written by the app (as the server does for them): no person's token writes the lists.
    drafts = await writeDrafts(createSp(stack.siteUrl, DevAppAuth(LOCAL_APP_IDENTITY)), stack.currentPlanId, null, 4);
  },
});

const article = (id: number) => tab.page().locator(`article[data-update-id="${id}"]`);

/** Presses Tab until `target` has focus (at most `max` times); fails if the keyboard never reaches it. */
async function tabTo(target: ReturnType<ReturnType<typeof tab.page>["locator"]>, max = 40): Promise<void> {
  const handle = await target.elementHandle();
  for (let i = 0; i < max; i++) {
    await tab.page().keyboard.press("Tab");
    if (await tab.page().evaluate((el) => document.activeElement === el, handle)) return;
  }
  throw new Error(`Tab never reached ${target}`);
}

describe("approval and publication in the tab", () => {
  it("shows the lead how many updates await approval, in the navigation", async () => {
    const link = tab.page().getByRole("navigation", { name: "Views" }).getByRole("link", { name: /Publication/ });
    await expect.poll(() => link.textContent(), { timeout: 15_000 }).toBe(`Publication${drafts.length} awaiting`);
  });

  it("approves as written and with an edit by keyboard alone, and withholds with a reason", async () => {
    await tab.page().goto(`${tab.stack().url}#/publication`);
    const heading = tab.page().getByRole("heading", { level: 2, name: /^Progress updates for/ });
    await heading.waitFor();
    await article(drafts[0]).waitFor();
    await heading.focus();

    await tabTo(article(drafts[0]).getByRole("button", { name: "Approve as written" }));
    await tab.page().keyboard.press("Enter");
    await expect.poll(() => article(drafts[0]).getAttribute("data-state")).toBe("approved");
    expect(await article(drafts[0]).evaluate((el) => document.activeElement === el)).toBe(true);

    await tabTo(article(drafts[1]).getByRole("button", { name: "Edit, then approve" }));
    await tab.page().keyboard.press("Enter");
    const box = article(drafts[1]).getByRole("textbox", { name: /Text to publish/ });
    expect(await box.evaluate((el) => document.activeElement === el)).toBe(true);
    await tab.page().keyboard.press("ControlOrMeta+A");
    await tab.page().keyboard.type("Training restarted in October; feedback is being collected.");
    await tabTo(article(drafts[1]).getByRole("button", { name: "Approve with my edit" }));
    await tab.page().keyboard.press("Enter");
    await expect.poll(() => article(drafts[1]).getAttribute("data-state")).toBe("approved");

    await tabTo(article(drafts[2]).getByRole("button", { name: "Withhold…" }));
    await tab.page().keyboard.press("Enter");
    await tab.page().keyboard.type("Names a member of staff");
    await tabTo(article(drafts[2]).getByRole("button", { name: "Withhold the update" }));
    await tab.page().keyboard.press("Enter");
    await expect.poll(() => article(drafts[2]).getAttribute("data-state")).toBe("withheld");
    await tab.page().getByTestId("live-region").getByText(/^Withheld: /).waitFor();

    const sp = tab.stack().spAs(SEED_EQUALITIES_LEAD_UPN);
    expect((await getUpdate(sp, drafts[0])).publication).toMatchObject({ state: "approved", approvedText: DRAFT_TEXTS[0] });
    expect((await getUpdate(sp, drafts[1])).publication).toMatchObject({ state: "approved", approvedText: "Training restarted in October; feedback is being collected." });
    expect((await getUpdate(sp, drafts[2])).publication).toMatchObject({ state: "withheld", withheldReason: "Names a member of staff" });
    const link = tab.page().getByRole("navigation", { name: "Views" }).getByRole("link", { name: /Publication/ });
    await expect.poll(() => link.textContent(), { timeout: 15_000 }).toBe("Publication1 awaiting");
    await screenshot(tab.page(), "publication-approval");
  });

  it("asks before publishing while an update awaits, then publishes the approved only as a .zip", async () => {
    await tabTo(tab.page().getByRole("button", { name: "Make the public page" }), 80);
    await tab.page().keyboard.press("Enter");
    const ask = tab.page().getByTestId("publish-ask");
    await ask.waitFor();
    expect(await ask.getByRole("listitem").count()).toBe(1);
    await screenshot(tab.page(), "publication-ask");
    await tabTo(tab.page().getByRole("button", { name: "Publish the approved updates only" }));
    const [download] = await Promise.all([tab.page().waitForEvent("download"), tab.page().keyboard.press("Enter")]);
    expect(download.suggestedFilename()).toMatch(/\.zip$/);
    const zip = await JSZip.loadAsync(readFileSync(await download.path()), { checkCRC32: true });
    const names = Object.keys(zip.files).sort();
    expect(names[0]).toBe("index.html");
    expect(names[1]).toMatch(/^progress-\d{4}-\d{2}\.csv$/);
    const html = await zip.file("index.html")!.async("string");
    expect(html).toContain(DRAFT_TEXTS[0]);
    expect(html).toContain("Training restarted in October; feedback is being collected.");
    expect(html).not.toContain(DRAFT_TEXTS[1]); // the original, as written, is not what was approved
    expect(html).not.toContain(DRAFT_TEXTS[2]); // withheld
    expect(html).not.toContain(DRAFT_TEXTS[3]); // still awaiting
    expect(await tab.page().getByTestId("publish-status").textContent()).toMatch(/Left out, awaiting approval: /);
  });

  it("passes axe in the default, dark and high-contrast themes, with the publish question open", async () => {
    await tab.page().getByRole("button", { name: "Make the public page" }).press("Enter");
    await tab.page().getByTestId("publish-ask").waitFor();
    await article(drafts[3]).getByRole("button", { name: "Withhold…" }).press("Enter");
    for (const theme of ["default", "dark", "contrast"] as ThemeName[]) {
      await setTheme(tab.page(), theme);
      const violations = await axeScan(tab.page());
      await screenshot(tab.page(), `publication-${theme}`);
      expect(violations, `publication in the ${theme} theme:\n${describeViolations(violations)}`).toEqual([]);
    }
    await setTheme(tab.page(), "default");
  });

  it("fits 320 px: nothing in the view scrolls sideways", async () => {
    await tab.page().setViewportSize({ width: 320, height: 800 });
    await tab.page().getByRole("button", { name: "Make the public page" }).press("Enter");
    await tab.page().getByTestId("publish-ask").waitFor();
    const wider = await tab.page().evaluate(() => {
      const main = document.querySelector("main")!;
      return Array.from(main.querySelectorAll<HTMLElement>("*"))
        .filter((e) => e.getBoundingClientRect().right > main.getBoundingClientRect().right + 1)
        .map((e) => `${e.tagName.toLowerCase()}${e.id ? `#${e.id}` : ""} "${(e.textContent ?? "").slice(0, 30)}"`)
        .slice(0, 5);
    });
    await screenshot(tab.page(), "publication-320");
    await tab.page().setViewportSize({ width: 1280, height: 720 });
    expect(wider).toEqual([]);
  });

  it("shows officers what was published in the action's timeline", async () => {
    const update = await getUpdate(tab.stack().spAs(SEED_EQUALITIES_LEAD_UPN), drafts[1]);
    await tab.page().goto(`${tab.stack().url}#/actions/${update.actionId}`);
    const entry = tab.page().locator(`li[data-update-id="${drafts[1]}"]`);
    await entry.waitFor();
    expect(await entry.textContent()).toContain("Approved for publication");
    expect(await entry.locator("[data-published-text]").textContent()).toBe("Training restarted in October; feedback is being collected.");
  });

  it("shows no publication controls to an EDI group member who is not the lead", async () => {
    const other = await (await tab.browser().newContext()).newPage();
    await other.goto(tab.stack().url);
    await signInAs(other, SEED_UPNS.headOfPolicy);
    expect(await other.getByRole("navigation", { name: "Views" }).getByRole("link", { name: /Publication/ }).count()).toBe(0);
    await other.goto(`${tab.stack().url}#/publication`);
    await other.getByText("The Approval and publication page is for the equalities lead.").waitFor();
    expect(await other.getByRole("button", { name: /Approve|public page/ }).count()).toBe(0);
    await other.close();
  });
});
