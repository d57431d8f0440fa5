/**
 * The public progress page end to end: the real `eap publish` against the real local SharePoint with the seeded
 * plan; the folder read back from disk: the HTML parsed (parse5) and checked against the seeds' 2022-23 appendix
 * (shared/seeds/004, its 17 actions written out below by hand), against the HTML standard (html-validate) and, in
 * headless Chromium, with axe (WCAG 2.2 AA) in light, dark and forced colours and at 320 CSS px; the CSV read back
 * (papaparse). Approved text only, no officer's name, and a folder written whole or not at all.
 */
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { HtmlValidate } from "html-validate";
import Papa from "papaparse";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { approveUpdate, getUpdate, type SPFI, withholdUpdate } from "../../src/data/index.ts";
import type { PublicationReviewer } from "../../src/domain/publication.ts";
import { SEED_DEPARTED, SEED_PEOPLE } from "../../src/seed/people.ts";
import { axeScan, describeViolations, launchBrowser, screenshot } from "../helpers/browser.ts";
import { all, byTag, closest, type El, readHtml, textOf } from "../helpers/html-reader.ts";
import { officerDraft, PLAN_2017, seededLead } from "../helpers/publication.ts";
import { runCli } from "../helpers/run-cli.ts";
import { type SeededSite, startSeededSite } from "../helpers/seeded-site.ts";

const CLOSED = "This action is now closed.";
const ONGOING = "This action remains ongoing in the new plan.";
const DEVELOPED = "This action has now developed in the new plan.";

/** 004, in its order: role, the start of the action, a phrase of its update, its sentence. */
const APPENDIX: Array<[string, string, string, string]> = [
  ["As a Community Leader", "Ongoing delivery of One View project", "continue to work on developing the OneView system", ONGOING],
  ["As a Community Leader", "Implement no wrong door", "Debt advice Pilot at Trinity", ONGOING],
  ["As a Community Leader", "Provide access to digital training and support at Trinity House", "Training suite up at Trinity House", CLOSED],
  ["As a Community Leader", "Increase response rates from underrepresented groups", "Let's Talk Maidstone site was launched in 2022", DEVELOPED],
  ["As a Community Leader", "Expand internal Equality Diversity and Inclusion Group", "The group continues to meet", DEVELOPED],
  ["As a Community Leader", "Annual calendar of events to celebrate diversity", "Google calendar developed for Intranet and website", ONGOING],
  ["As a Community Leader", "Provide guidance to enable all staff to support Armed Forces Community", "Armed Forced pages have been updated", ONGOING],
  ["As an Employer", "Introduce Equalities Champions", "A Senior Leader Champion and a Member Champion agreed", CLOSED],
  ["As an Employer", "Deliver the Culture change project", "The culture change project has been delivered", CLOSED],
  ["As an Employer", "Introduce Bi-Annual staff EDI survey", "Carried out first EDI Staff Survey", CLOSED],
  ["As an Employer", "Provide training and support for Mental Health Champions", "The Staff EDI Survey suggests", ONGOING],
  ["As a Service Provider", "Adopt of LGA Inclusive Language Guide", "inclusive language guide has not yet been released", ONGOING],
  ["As a Service Provider", "Proactively use 'neutral spaces'", "Face to face support has been provided at Trinity House", ONGOING],
  ["As a Service Provider", "Identify emerging needs from Census data", "Analysis of the Census data has been undertaken", CLOSED],
  ["As a Service Provider", "Include 'Poverty' as a local protected characteristic", "9 protected characteristics were expanded to include Poverty", CLOSED],
  ["As a Service Provider", "Include Armed Forces Act 2021 in Equality, Diversity and Inclusion Policy", "Armed Forces included in revised Policy", CLOSED],
  ["As a Service Provider", "Prioritise existing policies by review date", "The process has been reactive to date", ONGOING],
];

/** Every way an officer of the seed could be named: display name, sign-in name, mailbox. */
const OFFICER_NAMES = [...SEED_PEOPLE, SEED_DEPARTED].flatMap((p) => [p.name, p.upn, ...(p.mail ? [p.mail] : [])]);

let site: SeededSite;
let dir: string;
const publish = (out: string, ...extra: string[]) =>
  runCli(["publish", "--site", site.siteUrl, "--plan", PLAN_2017, "--period", "2022-23", "--out", out, "--published-on", "2026-11-14", ...extra]);

beforeAll(async () => {
  site = await startSeededSite();
  dir = mkdtempSync(join(tmpdir(), "eap-publish-"));
});
afterAll(async () => {
  await site?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe("eap publish for the seeded plan, 2022-23", () => {
  let out: string;
  let html: string;
  let doc: El;
  let browser: Browser;
  let page: Page;
  beforeAll(async () => {
    out = join(dir, "site");
    const r = await publish(out);
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(`Published 17 action(s) of "${PLAN_2017}" for 2022-23 to ${out} (index.html, progress-2022-23.csv), dated 2026-11-14.`);
    html = readFileSync(join(out, "index.html"), "utf8");
    doc = readHtml(html);
    browser = await launchBrowser();
  });
  afterAll(async () => browser?.close());

  test("writes exactly the page and its CSV, and leaves no temporary folder beside it", () => {
    expect(readdirSync(out).sort()).toEqual(["index.html", "progress-2022-23.csv"]);
    expect(readdirSync(dir)).toEqual(["site"]);
  });

  test("is a self-contained page in British English: no script, nothing fetched, a policy that allows its stylesheet alone", () => {
    expect(doc.attrs.lang).toBe("en-GB");
    expect(byTag(doc, "script")).toEqual([]);
    expect(all(doc, (e) => Boolean(e.attrs.src) || (e.tag === "link" && e.attrs.rel === "stylesheet"))).toEqual([]);
    const csp = all(doc, (e) => e.tag === "meta" && e.attrs["http-equiv"] === "Content-Security-Policy")[0];
    expect(csp.attrs.content).toMatch(/^default-src 'none'; style-src 'sha256-[A-Za-z0-9+/]+=*'; base-uri 'none'; form-action 'none'$/);
    expect(textOf(byTag(doc, "title")[0])).toBe(`Progress in 2022-23: ${PLAN_2017}`);
  });

  test("has one h1, the roles as h2, the objectives as h3 and the actions as h4, and the date of publication", () => {
    expect(byTag(doc, "h1").map(textOf)).toEqual(["Progress in 2022-23"]);
    expect(byTag(doc, "h2").map(textOf)).toEqual([
      "Contents",
      "Summary",
      "As a Community Leader",
      "As an Employer",
      "As a Service Provider",
      "The data behind this page",
    ]);
    expect(byTag(doc, "h3").map(textOf)[0]).toBe("Objective: To lead by example, to ensure every individual resident is connected and supported");
    expect(byTag(doc, "h4")).toHaveLength(17);
    const time = byTag(doc, "time")[0];
    expect(time.attrs.datetime).toBe("2026-11-14");
    expect(textOf(closest(time, (e) => e.tag === "p")!)).toBe("Published on 14 November 2026.");
  });

  test("lists every 2022-23 action of the appendix, in its order, under its role, with its approved progress and outcome", () => {
    const articles = byTag(doc, "article");
    expect(articles).toHaveLength(APPENDIX.length);
    for (const [i, [role, action, update, outcome]] of APPENDIX.entries()) {
      const a = articles[i];
      const roleSection = closest(a, (e) => e.tag === "section" && byTag(e, "h2").length > 0)!;
      expect(textOf(byTag(roleSection, "h2")[0]), `action ${i + 1}`).toBe(role);
      expect(textOf(byTag(a, "h4")[0]).startsWith(action), `action ${i + 1}`).toBe(true);
      expect(textOf(a), `action ${i + 1}`).toContain(update);
      expect(textOf(all(a, (e) => e.attrs.class === "outcome")[0]), `action ${i + 1}`).toBe(outcome);
    }
  });

  test("has a summary table with a caption and header cells for its columns and rows", () => {
    const table = byTag(doc, "table")[0];
    expect(textOf(byTag(table, "caption")[0])).toBe("Actions reported on in 2022-23, by role");
    const head = all(table, (e) => e.tag === "th" && e.attrs.scope === "col").map(textOf);
    expect(head).toEqual(["Role", "Actions", "Not recorded", "Closed", "Ongoing in the new plan", "Developed in the new plan"]);
    const rows = byTag(byTag(table, "tbody")[0], "tr").map((tr) => byTag(tr, "th").concat(byTag(tr, "td")).map(textOf));
    expect(rows).toEqual([
      ["Community Leader", "7", "7", "1", "4", "2"],
      ["Employer", "4", "4", "3", "1", "0"],
      ["Service Provider", "6", "6", "3", "3", "0"],
      ["All roles", "17", "17", "7", "8", "2"],
    ]);
    expect(all(table, (e) => e.tag === "th" && e.attrs.scope === "row")).toHaveLength(4);
  });

  test("names no officer, in the page or its CSV: teams and job roles only", () => {
    const csv = readFileSync(join(out, "progress-2022-23.csv"), "utf8");
    for (const name of OFFICER_NAMES) {
      expect(html.toLowerCase(), name).not.toContain(name.toLowerCase());
      expect(csv.toLowerCase(), name).not.toContain(name.toLowerCase());
    }
    const oneView = byTag(doc, "article")[0];
    const facts = byTag(oneView, "dl")[0];
    expect(byTag(facts, "dt").map(textOf)).toEqual(["Reference", "Responsible"]);
    expect(byTag(facts, "dd").map(textOf)).toEqual(["CL-22-1", "Housing team"]);
  });

  test("publishes the same progress as CSV: one row per approved update", () => {
    const csv = readFileSync(join(out, "progress-2022-23.csv"), "utf8");
    expect(csv.charCodeAt(0)).toBe(0xfeff);
    const parsed = Papa.parse<Record<string, string>>(csv.slice(1), { header: true });
    expect(parsed.meta.fields).toEqual(["Role", "Objective", "Reference", "Action", "Responsible", "Progress", "Reported", "Outcome"]);
    expect(parsed.data).toHaveLength(17);
    expect(parsed.data.map((r) => r.Outcome)).toEqual(APPENDIX.map((a) => a[3]));
    expect(parsed.data[0]).toMatchObject({ Role: "As a Community Leader", Reference: "CL-22-1", Responsible: "Housing team" });
  });

  test("is valid HTML by html-validate's recommended rules", async () => {
    const report = await new HtmlValidate({ extends: ["html-validate:recommended"] }).validateString(html, "index.html");
    const messages = report.results.flatMap((r) => r.messages.map((m) => `${m.line}:${m.column} ${m.ruleId}: ${m.message}`));
    expect(messages).toEqual([]);
    expect(report.valid).toBe(true);
  });

  test("passes axe (WCAG 2.2 AA) in light, dark and forced colours, and at 320 CSS px without sideways scrolling", async () => {
    const context = await browser.newContext();
    page = await context.newPage();
    await page.goto(pathToFileURL(join(out, "index.html")).href);
    // The stylesheet applied: its hash in the policy is right (a wrong one would leave the page unstyled).
    expect(await page.evaluate(() => getComputedStyle(document.body).fontFamily)).toContain("Arial");
    for (const [name, media] of [
      ["light", { colorScheme: "light", forcedColors: "none" }],
      ["dark", { colorScheme: "dark", forcedColors: "none" }],
      ["forced-colours", { colorScheme: "light", forcedColors: "active" }],
    ] as const) {
      await page.emulateMedia(media);
      const violations = await axeScan(page);
      await screenshot(page, `public-page-${name}`);
      expect(violations, `${name}:\n${describeViolations(violations)}`).toEqual([]);
    }
    await page.emulateMedia({ colorScheme: "light", forcedColors: "none" });
    await page.setViewportSize({ width: 320, height: 640 });
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(320);
    expect(await axeScan(page)).toEqual([]);
    await screenshot(page, "public-page-320px");
    await context.close();
  });

  test("works from the keyboard: the skip link comes first and leads to the report; wide tables scroll into view", async () => {
    const context = await browser.newContext({ viewport: { width: 320, height: 640 } });
    const p = await context.newPage();
    await p.goto(pathToFileURL(join(out, "index.html")).href);
    await p.keyboard.press("Tab");
    expect(await p.evaluate(() => document.activeElement?.textContent)).toBe("Skip to the progress report");
    await p.keyboard.press("Enter");
    expect(await p.evaluate(() => location.hash)).toBe("#main");
    // The summary's region takes focus, so arrow keys scroll it sideways when it is wider than the screen.
    const region = p.locator("section.table-wrap").first();
    await region.focus();
    expect(await region.evaluate((e) => e === document.activeElement && e.scrollWidth > e.clientWidth)).toBe(true);
    await p.keyboard.press("ArrowRight");
    await p.waitForFunction(() => (document.querySelector("section.table-wrap") as HTMLElement).scrollLeft > 0);
    await context.close();
  });

  test("prints without the contents list, black on white, with the CSV's file name after its link", async () => {
    const context = await browser.newContext();
    const p = await context.newPage();
    await p.goto(pathToFileURL(join(out, "index.html")).href);
    await p.emulateMedia({ media: "print", colorScheme: "dark" });
    expect(await p.locator("nav").evaluate((e) => getComputedStyle(e).display)).toBe("none");
    expect(await p.evaluate(() => [getComputedStyle(document.body).color, getComputedStyle(document.body).backgroundColor])).toEqual(["rgb(0, 0, 0)", "rgb(255, 255, 255)"]);
    expect(await p.locator('a[href$=".csv"]').evaluate((e) => getComputedStyle(e, "::after").content)).toBe('" (progress-2022-23.csv)"');
    await context.close();
  });
});

describe("eap publish: approval first, officers' names never, markup as text, and a folder written whole or not at all", () => {
  const out = () => join(dir, "site");
  const pageOf = () => readHtml(readFileSync(join(out(), "index.html"), "utf8"));
  const articleOf = (d: El, reference: string) => byTag(d, "article").find((a) => byTag(a, "dd").some((dd) => textOf(dd) === reference))!;
  const noTemporaryLeft = () => expect(readdirSync(dir).filter((n) => n.startsWith("."))).toEqual([]);
  let reviewer: PublicationReviewer;
  let lead: SPFI;
  const draft = (reference: string, text: string) => officerDraft(site, reference, text);
  const approve = async (id: number, text?: string) => approveUpdate(lead, { update: await getUpdate(lead, id), reviewer, text, now: new Date() });

  beforeAll(async () => {
    ({ sp: lead, reviewer } = await seededLead(site));
  });

  let awaiting: number;
  test("refuses while an update awaits approval, listing it, and writes nothing", async () => {
    awaiting = (await draft("CL-22-2", "Helped Mrs Example of 3 Acacia Avenue with her arrears.")).id;
    const target = join(dir, "awaiting");
    const r = await publish(target);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(`1 progress update(s) for 2022-23 on the plan "${PLAN_2017}" await approval by the equalities lead:`);
    expect(r.stderr).toContain('- CL-22-2 Implement no wrong door (local campaign to signpost to…: update of 1 February 2023, "Helped Mrs Example of 3 Acacia Avenue with her arrears."');
    expect(r.stderr).toContain("--approved-only");
    expect(existsSync(target)).toBe(false);
    noTemporaryLeft();
  });

  test("--approved-only publishes the approved updates over the earlier publication and lists the one left out", async () => {
    const r = await publish(out(), "--approved-only");
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain("Left out, awaiting approval (1):\n- CL-22-2");
    const html = readFileSync(join(out(), "index.html"), "utf8");
    expect(html).not.toContain("Mrs Example");
    expect(byTag(readHtml(html), "article")).toHaveLength(17);
    noTemporaryLeft();
  });

  test("publishes the lead's approved wording, never the original; a withheld update stays internal", async () => {
    await approve(awaiting, "A resident was helped with rent arrears through the no wrong door approach.");
    const withheld = await draft("CL-22-3", "Internal note about a complaint.");
    await withholdUpdate(lead, { update: withheld, reviewer, reason: "Internal only", now: new Date() });
    const r = await publish(out());
    expect(r.code, r.stderr).toBe(0);
    const d = pageOf();
    const noWrongDoor = articleOf(d, "CL-22-2");
    expect(textOf(noWrongDoor)).toContain("A resident was helped with rent arrears through the no wrong door approach.");
    expect(all(noWrongDoor, (e) => e.attrs.class === "attribution")).toHaveLength(2);
    const html = readFileSync(join(out(), "index.html"), "utf8");
    expect(html).not.toContain("Mrs Example");
    expect(html).not.toContain("Internal note about a complaint");
  });

  test("refuses a page whose approved words name an officer, saying who and where, and keeps the earlier publication", async () => {
    const before = readFileSync(join(out(), "index.html"));
    const named = await draft("CL-22-3", "Robin Ashdown led the training sessions.");
    await approve(named.id);
    const r = await publish(out());
    expect(r.code).toBe(1);
    expect(r.stderr).toContain("The page would publish officers' names (teams and job roles only): Robin Ashdown in CL-22-3, progress 1");
    expect(readFileSync(join(out(), "index.html")).equals(before)).toBe(true);
    noTemporaryLeft();
    await approve(named.id, "The Data Intelligence Officer led the training sessions.");
    expect((await publish(out())).code).toBe(0);
  });

  test("attack: approved words that are markup or a formula are published as text, run nowhere", async () => {
    const attack = `=HYPERLINK("http://attacker.example/","Click") <script>alert(1)</script><img src=x onerror="alert(2)"> </main><a href="javascript:alert(3)">x</a>`;
    const hostile = await draft("CL-22-4", "Placeholder");
    await approve(hostile.id, attack);
    const r = await publish(out());
    expect(r.code, r.stderr).toBe(0);
    const html = readFileSync(join(out(), "index.html"), "utf8");
    const d = readHtml(html);
    expect(byTag(d, "script")).toEqual([]);
    expect(byTag(d, "img")).toEqual([]);
    expect(all(d, (e) => (e.attrs.href ?? "").startsWith("javascript:"))).toEqual([]);
    expect(textOf(articleOf(d, "CL-22-4"))).toContain(attack.replace(/\s+/g, " "));
    const report = await new HtmlValidate({ extends: ["html-validate:recommended"] }).validateString(html, "index.html");
    expect(report.valid).toBe(true);
    const csv = Papa.parse<Record<string, string>>(readFileSync(join(out(), "progress-2022-23.csv"), "utf8").slice(1), { header: true });
    expect(csv.data.find((row) => row.Progress.includes("HYPERLINK"))?.Progress.startsWith(`'=HYPERLINK`)).toBe(true);
    // Opened in a browser, nothing runs.
    const browser = await launchBrowser();
    try {
      const p = await (await browser.newContext()).newPage();
      const dialogs: string[] = [];
      p.on("dialog", (dlg) => {
        dialogs.push(dlg.message());
        void dlg.dismiss();
      });
      await p.goto(pathToFileURL(join(out(), "index.html")).href);
      await p.waitForLoadState("load");
      expect(dialogs).toEqual([]);
    } finally {
      await browser.close();
    }
  });

  test("an output folder that cannot take the page is named before SharePoint is read, and nothing is written", async () => {
    const missing = await publish(join(dir, "no-such-folder", "site"));
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain("the folder");
    expect(missing.stderr).toContain("does not exist");

    writeFileSync(join(dir, "page.txt"), "not a folder");
    const file = await publish(join(dir, "page.txt"));
    expect(file.code).toBe(1);
    expect(file.stderr).toContain("it is a file, not a folder");
    expect(readFileSync(join(dir, "page.txt"), "utf8")).toBe("not a folder");

    mkdirSync(join(dir, "documents"));
    writeFileSync(join(dir, "documents", "minutes.docx"), "keep me");
    const other = await publish(join(dir, "documents"));
    expect(other.code).toBe(1);
    expect(other.stderr).toContain("the folder holds other files (minutes.docx); choose a new or empty folder");
    expect(readdirSync(join(dir, "documents"))).toEqual(["minutes.docx"]);

    const badDate = await publish(join(dir, "dated"), "--published-on", "14/11/2026");
    expect(badDate.code).toBe(2);
    expect(badDate.stderr).toContain('--published-on "14/11/2026" is not a date such as 2026-11-24');
    expect(existsSync(join(dir, "dated"))).toBe(false);
    noTemporaryLeft();
  });
});

describe("eap publish for the seeded plan, 2020-21 (a year the documents give figures for)", () => {
  test("publishes the year's indicator as a table with its breakdown: 000's 23 consultations, 14 external and 9 internal", async () => {
    const out = join(dir, "site-2020-21");
    const r = await runCli(["publish", "--site", site.siteUrl, "--plan", PLAN_2017, "--period", "2020-21", "--out", out, "--published-on", "2026-11-14"]);
    expect(r.code, r.stderr).toBe(0);
    const doc = readHtml(readFileSync(join(out, "index.html"), "utf8"));
    expect(byTag(doc, "h2").map(textOf)).toContain("Indicators");
    const section = byTag(doc, "h3").find((h) => textOf(h) === "Consultations completed");
    expect(section).toBeTruthy();
    const table = byTag(doc, "table").find((t) => textOf(byTag(t, "caption")[0] ?? t).startsWith("Consultations completed"))!;
    const rows = byTag(table, "tr").map((tr) => [...byTag(tr, "th"), ...byTag(tr, "td")].map(textOf));
    expect(rows[0]).toEqual(["Measure", "Baseline", "Target", "Latest", "Trend", "Against target"]);
    expect(rows.slice(1).map((row) => [row[0], row[3]])).toEqual([
      ["Consultations completed", "23 (2020-21)"],
      ["External resident or stakeholder surveys", "14 (2020-21)"],
      ["Internal staff or Member surveys", "9 (2020-21)"],
    ]);
    // The measure with no figure for the year is not published (the committee report says it is not measured).
    expect(byTag(doc, "h3").map(textOf)).not.toContain("Equalities Impact Assessments completed");
  });
});
