/**
 * The import and rollover wizards in headless Chromium against the real local SharePoint (seeded): upload a CSV
 * with a bad date → preview names the problem's place and nothing can be imported, and says the period it inferred
 * from the plan's name → the equalities lead explicitly leaves the bad row out → confirm → the plan is in SharePoint
 * with the good rows only, written by the server: the page itself sends SharePoint no write at all. A file naming
 * an officer who has left: the preview lists him with a choice of successor, and nothing is written until one is
 * chosen. Rollover: preview of what is carried and closed, confirmation, links checked in SharePoint, again without
 * a write from the page. axe scans in Teams' default, dark and high-contrast themes.
 */
import Papa from "papaparse";
import type { Browser, Page, Request } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { LOCAL_APP_IDENTITY } from "../../src/config/local-identities.ts";
import { createSp, DevAppAuth, findPlan, getPlanActions, getSiteUsers, updateAction } from "../../src/data/index.ts";
import { SEED_DEPARTED_UPN, SEED_EQUALITIES_LEAD_UPN, SEED_UPNS } from "../../src/seed/people.ts";
import { axeScan, describeViolations, launchBrowser, screenshot, setTheme, signInAs, type ThemeName } from "../helpers/browser.ts";
import { markDeparted } from "../helpers/local-sharepoint.ts";
import { startTabStack, type TabStack } from "../helpers/tab-stack.ts";

let stack: TabStack;
let browser: Browser;
let page: Page;
/** What the page sent: every request, to tell SharePoint writes from reads and from the server's API. */
let sent: Request[] = [];

/**
 * The page's writes to SharePoint: any request to the site other than a read (GET), a $batch of reads only, or the
 * form digest. The tab's only way to write is the server's API (/api/…), which is not SharePoint.
 */
function sharePointWrites(): string[] {
  return sent
    .filter((r) => r.url().startsWith(stack.siteUrl) || r.url().startsWith(stack.baseUrl))
    .filter((r) => {
      const method = (r.headers()["x-http-method"] ?? r.method()).toUpperCase();
      if (method === "GET") return false;
      if (r.url().endsWith("/_api/contextinfo")) return false;
      if (r.url().includes("/_api/$batch")) return /^(POST|PUT|PATCH|MERGE|DELETE) /m.test(r.postData() ?? "");
      return true;
    })
    .map((r) => `${r.method()} ${r.url()}`);
}

beforeAll(async () => {
  [stack, browser] = await Promise.all([startTabStack(), launchBrowser()]);
  const context = await browser.newContext();
  page = await context.newPage();
  page.on("request", (r) => sent.push(r));
  await page.goto(stack.url);
  await signInAs(page, SEED_EQUALITIES_LEAD_UPN);
}, 300_000);

afterAll(async () => {
  await browser?.close();
  await stack?.close();
});

async function scanAllThemes(name: string): Promise<void> {
  for (const theme of ["default", "dark", "contrast"] as ThemeName[]) {
    await setTheme(page, theme);
    const violations = await axeScan(page);
    await screenshot(page, `${name}-${theme}`);
    expect(violations, `${name} in the ${theme} theme:\n${describeViolations(violations)}`).toEqual([]);
  }
  await setTheme(page, "default");
}

const CSV = Papa.unparse(
  [
    ["Role", "Objective", "Actions", "Responsible officer", "How will we know that this is done?", "To be delivered by"],
    ["Community Leader: We will engage with residents.", "Increase understanding of residents.", "Provide ward analysis.", "Robin Ashdown", "Report produced", "November 2027"],
    ["Community Leader", "Consistent alternative formats.", "Audit alternative formats <b>now</b>.", "Jamila Hart", "Clear process", "Spring 2028"],
    ["Employer: To have a workforce that feels valued.", "Integrate Equalities into Service Planning.", "• Equalities in service plans\n• Staff presentation", "Policy team", "More EqIAs", "Review by March 2028"],
  ],
  { newline: "\r\n" },
);

describe("import wizard", () => {
  it("upload → preview with a problem → leave it out explicitly → confirm", async () => {
    const title = "Imported from CSV in the tab 2027-2031";
    await page.goto(`${stack.url}#/import`);
    await page.getByRole("heading", { name: "Import a plan", level: 1 }).waitFor();
    await page.locator('input[type="file"]').setInputFiles({ name: "plan.csv", mimeType: "text/csv", buffer: Buffer.from(CSV) });
    await page.getByLabel("Name of the new plan").fill(title);
    // No period: it is inferred from the plan's name, and the preview says so.
    await page.getByRole("button", { name: "Check the file" }).click();

    await page.getByText("Period: 2027-2031, inferred from the plan's name.").waitFor();
    const problem = page.getByText('CSV, row 3, column "To be delivered by": "Spring 2028" is not a date');
    await problem.waitFor();
    expect(await page.getByRole("button", { name: "Continue" }).isDisabled()).toBe(true);
    // User text is shown as text: the "<b>" is visible characters, not markup.
    expect(await page.getByRole("cell", { name: "Audit alternative formats <b>now</b>." }).count()).toBe(1);
    expect(await page.getByText("Has a problem", { exact: true }).count()).toBe(1);
    await scanAllThemes("import-preview-problem");
    expect(await findPlan(stack.spAs(SEED_EQUALITIES_LEAD_UPN), title)).toBeNull();

    await page.getByRole("checkbox", { name: "Leave out the action with problems and import the others" }).check();
    await page.getByText("Has a problem: left out").waitFor();
    sent = [];
    await page.getByRole("button", { name: "Continue" }).click();
    await page.getByRole("button", { name: "Import 2 actions" }).click();
    await page.getByText("Imported", { exact: true }).waitFor({ timeout: 60_000 });
    // Written by the server with the app's identity: the lead's page sent the file to /api/imports, and no write
    // of its own to SharePoint.
    expect(sent.filter((r) => new URL(r.url()).pathname === "/api/imports" && r.method() === "POST")).toHaveLength(2);
    expect(sent.some((r) => r.url().startsWith(stack.siteUrl)), "the page's reads of SharePoint are seen").toBe(true);
    expect(sharePointWrites()).toEqual([]);
    await scanAllThemes("import-done");

    const sp = stack.spAs(SEED_EQUALITIES_LEAD_UPN);
    const plan = await findPlan(sp, title);
    expect(plan?.status).toBe("active");
    expect(plan?.period).toBe("2027-2031");
    const actions = await getPlanActions(sp, plan!.id);
    expect(actions.map((a) => a.text)).toEqual(["Provide ward analysis.", "• Equalities in service plans\n• Staff presentation"]);
  });
});

describe("someone who has left", () => {
  it("the preview lists him with a choice of successor, and nothing is written until one is chosen", async () => {
    const title = "Imported naming a leaver 2027-2031";
    const csv = Papa.unparse(
      [
        ["Role", "Objective", "Actions", "Responsible officer", "To be delivered by"],
        ["Employer: To have a workforce that feels valued.", "Fair procurement.", "Review supplier contracts.", SEED_DEPARTED_UPN, "June 2028"],
      ],
      { newline: "\r\n" },
    );
    await page.goto(`${stack.url}#/import`);
    await page.reload();
    await page.getByRole("heading", { name: "Import a plan", level: 1 }).waitFor();
    await page.locator('input[type="file"]').setInputFiles({ name: "leaver.csv", mimeType: "text/csv", buffer: Buffer.from(csv) });
    await page.getByLabel("Name of the new plan").fill(title);
    await page.getByRole("button", { name: "Check the file" }).click();
    await page.getByRole("button", { name: "Continue" }).click();
    await page.getByRole("heading", { name: "People who cannot be found", level: 3 }).waitFor();
    const choice = page.getByRole("combobox", { name: /^Who takes over from Neil Ashworth \(neil\.ashworth@example\.org\)/ });
    await choice.waitFor();
    expect(await page.getByText(/^Named as accountable officer on /).count()).toBe(1);
    await scanAllThemes("import-successor");

    await page.getByRole("button", { name: "Import 1 action" }).click();
    await page.getByText("Choose who takes over from Neil Ashworth: nothing is written until each has a successor.").waitFor();
    const sp = stack.spAs(SEED_EQUALITIES_LEAD_UPN);
    expect(await findPlan(sp, title)).toBeNull();

    // Keyboard only: focus the choice and type the start of a name, as a person without a mouse does.
    await choice.focus();
    await page.keyboard.type("Tom Okafor");
    expect(await choice.inputValue()).toBe(SEED_UPNS.procurement);
    await page.getByRole("button", { name: "Import 1 action" }).click();
    await page.getByText("Imported", { exact: true }).waitFor({ timeout: 60_000 });
    const plan = await findPlan(sp, title);
    const [action] = await getPlanActions(sp, plan!.id);
    expect(action.owner?.upn).toBe(SEED_UPNS.procurement);
  });
});

describe("column mapping", () => {
  it("headers that are not recognised can be mapped, and the file is read again at once", async () => {
    const csv = Papa.unparse(
      [
        ["Role", "Theme", "Deliverable", "Who", "When by"],
        ["Employer: To have a workforce that feels valued.", "Fair recruitment", "Review job adverts", "HR", "June 2028"],
      ],
      { newline: "\r\n" },
    );
    await page.goto(`${stack.url}#/import`);
    await page.reload();
    await page.getByRole("heading", { name: "Import a plan", level: 1 }).waitFor();
    await page.locator('input[type="file"]').setInputFiles({ name: "odd.csv", mimeType: "text/csv", buffer: Buffer.from(csv) });
    await page.getByLabel("Name of the new plan").fill("Mapped plan");
    await page.getByLabel("Period").fill("2027-2031");
    await page.getByRole("button", { name: "Check the file" }).click();
    await page.getByText("There is no Action column", { exact: false }).waitFor();
    await page.getByText("Period: 2027-2031, as you gave it.").waitFor();
    await page.getByRole("heading", { name: "Columns", level: 2 }).waitFor();
    await scanAllThemes("import-columns");

    await page.getByLabel("Theme").selectOption({ label: "Objective" });
    await page.getByLabel("Deliverable").selectOption({ label: "Action" });
    await page.getByRole("cell", { name: "Review job adverts" }).waitFor();
    expect(await page.getByText("There is no Action column", { exact: false }).count()).toBe(0);
    expect(await page.getByRole("button", { name: "Continue" }).isDisabled()).toBe(false);
  });
});

describe("rollover wizard", () => {
  it("previews what is carried and closed, names a successor for an officer who has left, and rolls over after confirmation", async () => {
    const sp = stack.spAs(SEED_EQUALITIES_LEAD_UPN);
    const from = (await findPlan(sp, "Equality Objectives and Action Plan 2023-2027"))!;
    const [a] = await getPlanActions(sp, from.id);
    // The review's decision, written as the server writes it (the lead's own token writes no EAP list); the action's
    // accountable officer leaves the council afterwards (SharePoint no longer resolves her).
    const app = createSp(stack.siteUrl, DevAppAuth(LOCAL_APP_IDENTITY));
    const leaver = (await getSiteUsers(app)).find((u) => u.upn === SEED_UPNS.communications)!;
    await updateAction(app, a.id, a.etag ?? "*", { disposition: "ongoing", ownerId: leaver.id });
    await markDeparted(stack.baseUrl, leaver.upn!);

    await page.goto(`${stack.url}#/rollover`);
    await page.reload();
    await page.getByRole("heading", { name: "Roll a plan over", level: 1 }).waitFor();
    await page.getByLabel("Plan to roll over").selectOption({ label: `${from.title} (${from.period})` });
    await page.getByLabel("Name of the new plan").fill("Equality Objectives and Action Plan 2027-2031");
    await page.getByRole("button", { name: "Preview" }).click();
    await page.getByText('Carried into "Equality Objectives and Action Plan 2027-2031" (1)').waitFor();
    const choice = page.getByRole("combobox", { name: `Who takes over from ${leaver.name} (${leaver.upn})` });
    await choice.waitFor();
    await scanAllThemes("rollover-preview");
    await page.getByRole("button", { name: "Continue" }).click();
    await page.getByRole("button", { name: "Roll over now" }).click();
    await page.getByText(`Choose who takes over from ${leaver.name}: nothing is written until each has a successor.`).waitFor();
    expect(await findPlan(sp, "Equality Objectives and Action Plan 2027-2031")).toBeNull();
    await choice.focus();
    await page.keyboard.type("Tom Okafor");
    expect(await choice.inputValue()).toBe(SEED_UPNS.procurement);
    sent = [];
    await page.getByRole("button", { name: "Roll over now" }).click();
    await page.getByText("Rolled over", { exact: true }).waitFor({ timeout: 60_000 });
    expect(sent.filter((r) => new URL(r.url()).pathname === `/api/plans/${from.id}/rollover`)).toHaveLength(1);
    expect(sharePointWrites()).toEqual([]);

    const to = await findPlan(sp, "Equality Objectives and Action Plan 2027-2031");
    expect(to?.predecessorId).toBe(from.id);
    expect(to?.period).toBe("2027-2031");
    const carried = await getPlanActions(sp, to!.id);
    expect(carried.map((x) => [x.carriedFromId, x.owner?.upn])).toEqual([[a.id, SEED_UPNS.procurement]]);
    expect((await findPlan(sp, from.id))?.status).toBe("closed");
  });
});
