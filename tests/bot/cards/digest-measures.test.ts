/**
 * The digest's "Figures due" and "Impact assessments to review", on the card and in the email: a busy officer's
 * card (20 long actions, 20 figures, 20 reviews) stays under 40 KB in UTF-16 and says how many more are in the tab;
 * people's text is text on both (TextRuns on the card, escaped in the email); the email's sections have headings
 * and links that name what they open.
 */
import { describe, expect, it } from "vitest";
import { CARD_UTF16_BUDGET_BYTES, utf16Bytes } from "../../../src/bot/cards/common.ts";
import { buildDigestCard } from "../../../src/bot/cards/digest-card.ts";
import { buildDigestEmail } from "../../../src/bot/cards/digest-email.ts";
import type { DigestFigure, DigestReview } from "../../../src/bot/cards/digest-measures.ts";
import { eqiaLink } from "../../../src/bot/cards/digest-measures.ts";
import { routeFromSubEntityId } from "../../../src/domain/deep-links.ts";
import { periodOf } from "../../../src/domain/indicator-periods.ts";
import { allText, executeActions, NOW, sampleAction } from "../../helpers/bot-harness.ts";

const links = { appBaseUrl: "https://eap.example.gov.uk/" };
const figure = (i: number, over: Partial<DigestFigure> = {}): DigestFigure => ({
  actionId: 100 + i,
  actionReference: `QA${i}`,
  indicatorId: 500 + i,
  indicatorName: `Response rate of residents aged 18 to 24 to the annual residents' survey, ward ${i} ${"x".repeat(60)}`,
  unit: "percent",
  period: periodOf("quarterly", "2026-08-01"),
  missing: 1,
  ...over,
});
const review = (i: number, over: Partial<DigestReview> = {}): DigestReview => ({ eqiaId: 700 + i, title: `Library opening hours review ${i} ${"y".repeat(150)}`, reviewDate: "2026-12-01", ...over });
const long = (i: number) =>
  sampleAction(i, { text: `Embed equality requirements ${i}: ${"specifications and contract monitoring ".repeat(10)}`, lastUpdateSummary: "z".repeat(250) });

describe("figures due and EqIAs to review on the digest", () => {
  it("a busy officer's card stays under 40 KB and says how many more are in the tab", () => {
    const card = buildDigestCard({
      officerName: "Tom Okafor",
      officerId: 3,
      actions: Array.from({ length: 20 }, (_, i) => long(i + 1)),
      figures: Array.from({ length: 20 }, (_, i) => figure(i + 1)),
      reviews: Array.from({ length: 20 }, (_, i) => review(i + 1)),
      now: NOW,
      links,
      refreshObjectIds: ["oid"],
      bankHolidays: [],
    });
    expect(utf16Bytes(card)).toBeLessThanOrEqual(CARD_UTF16_BUDGET_BYTES);
    const text = allText(card);
    expect(text).toContain("You have 20 figures to give and 20 impact assessments to review.");
    expect(text).toContain("Figures due");
    expect(text).toMatch(/…and \d+ more figures or reviews in the tab\./);
  });

  it("says the figure, its action and period; the form records the value; people's text is runs, never markdown", () => {
    const card = buildDigestCard({
      officerName: "Leah",
      officerId: 7,
      actions: [],
      figures: [figure(1, { indicatorName: "[Sign in](https://evil.example) <at>Sam</at>", missing: 3 })],
      reviews: [review(1, { title: "**EqIA** of libraries" })],
      now: NOW,
      links,
      refreshObjectIds: [],
      bankHolidays: [],
    });
    const text = allText(card);
    expect(text).toContain("You have 1 figure to give and 1 impact assessment to review.");
    expect(text).toContain("(QA1) for Q2 2026-27");
    expect(text).toContain("2 earlier periods have no value either: record them in the tab.");
    expect(text).toContain("Review by 1 December 2026 (due in 7 days)");
    const json = JSON.stringify(card);
    // Markdown and mentions never come alive: the name is a TextRun, the <at> tag broken.
    expect(json).toContain('"type":"TextRun","text":"[Sign in](https://evil.example) <\u200Bat>Sam<\u200B/at>"');
    expect(json).not.toMatch(/"type":"TextBlock","text":"[^"]*(evil\.example|\*\*EqIA)/);
    const [save] = executeActions(card).filter((a) => a.verb === "eap.recordValue");
    // With what else the card lists, so that the answer to the press lists those still due.
    expect(save.data).toEqual({ v: 1, actionId: 101, officer: 7, indicatorId: 501, period: "2026-27-Q2", figures: [[501, 101]], reviews: [701] });
    expect((card.refresh as { action: { data: unknown } }).action.data).toEqual({ v: 1, officer: 7, figures: [[501, 101]], reviews: [701] });
    expect(json).toContain('"type":"Input.Number","id":"value-501","label":"Value for Q2 2026-27 (in per cent)","min":0,"max":100');
    expect(json).toContain('"url":"https://eap.example.gov.uk/#/eqias/701"');
  });

  it("in Teams the assessment's link is a deep link into the personal tab, which opens that assessment", () => {
    const link = new URL(eqiaLink({ ...links, teamsAppId: "3f1e0a2b-0000-4000-8000-000000000001" }, 701));
    expect(`${link.origin}${link.pathname}`).toBe("https://teams.microsoft.com/l/entity/3f1e0a2b-0000-4000-8000-000000000001/my-actions");
    const { subEntityId } = JSON.parse(link.searchParams.get("context") ?? "{}") as { subEntityId: string };
    expect(routeFromSubEntityId(subEntityId)).toBe("#/eqias/701");
  });

  it("the email has the same sections under headings, links naming what they open, and people's text escaped", () => {
    const { subject, html } = buildDigestEmail({
      officerName: "Leah",
      actions: [],
      figures: [figure(1, { indicatorName: "<img src=x onerror=alert(1)> rate" })],
      reviews: [review(1, { title: "<script>x</script> hours" })],
      now: NOW,
      links,
      bankHolidays: [],
    });
    expect(subject).toBe("Your equality actions: 1 figure to give and 1 impact assessment to review");
    expect(html).toContain("<h2>Figures due</h2>");
    expect(html).toContain("<h2>Impact assessments to review</h2>");
    expect(html).not.toMatch(/<img|<script/);
    expect(html).toContain('<a href="https://eap.example.gov.uk/#/actions/101">Record the value of &lt;img src=x onerror=alert(1)&gt; rate in Equality Action Plan</a>');
    expect(html).toContain('<a href="https://eap.example.gov.uk/#/eqias/701">Open the assessment &lt;script&gt;x&lt;/script&gt; hours in Equality Action Plan</a>');
    expect(html).not.toContain("<h2>Actions due</h2>");
  });
});
