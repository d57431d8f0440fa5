/**
 * The digest as an email: the same actions as the card, most urgent first, each with its status and due state in
 * words and a link to it in the tab (its own address, not Teams'); people's text arrives as text, never markup.
 */
import { describe, expect, it } from "vitest";
import { buildDigestEmail } from "../../../src/bot/cards/digest-email.ts";
import { NOW, sampleAction } from "../../helpers/bot-harness.ts";

const links = { appBaseUrl: "https://eap.example.gov.uk/", teamsAppId: "5e0f4a7c-2b1d-4c3e-9f80-7a6b5c4d3e2f" };

describe("the digest email", () => {
  it("lists each action most urgent first, with status, due state, last update and a link to the tab's own page", () => {
    const later = sampleAction(2, { reference: "CL-2", due: { date: "2026-12-01", precision: "day", kind: "deliver-by", text: "" } });
    const overdue = sampleAction(1, { reference: "CL-1" });
    const { subject, html } = buildDigestEmail({ officerName: "Dan Fairweather", actions: [later, overdue], now: NOW, links, bankHolidays: [] });
    expect(subject).toBe("Your equality actions: 1 overdue and 1 due soon");
    expect(html).toContain('<html lang="en-GB">');
    expect(html.indexOf("CL-1: ")).toBeLessThan(html.indexOf("CL-2: "));
    expect(html).toContain("<strong>Status:</strong> On track. <strong>Due:</strong> 20 November 2026, 4 days overdue.");
    expect(html).toContain('<a href="https://eap.example.gov.uk/#/actions/1">Update CL-1 in Equality Action Plan</a>');
    expect(html).not.toContain("teams.microsoft.com");
  });

  it("attack: markup, a script and a link typed into an action and its update arrive as text", () => {
    const evil = sampleAction(1, {
      reference: '"><script>alert(1)</script>',
      text: '<img src=x onerror="fetch(`https://evil.example`)">',
      lastUpdateSummary: "[Sign in again](https://evil.example) <a href='https://evil.example'>here</a>",
    });
    const { html } = buildDigestEmail({ officerName: "<b>Mallory</b>", actions: [evil], now: NOW, links, bankHolidays: [] });
    expect(html).not.toMatch(/<script|<img|<a href='https|<b>Mallory/);
    expect(html).toContain("&lt;script&gt;alert(1)&lt;/script&gt;");
    expect(html).toContain("&lt;a href=&#39;https://evil.example&#39;&gt;here&lt;/a&gt;");
    // The only links are ours.
    expect([...html.matchAll(/href="([^"]+)"/g)].map((m) => m[1]).every((u) => u.startsWith("https://eap.example.gov.uk/"))).toBe(true);
  });

  it("a carried action without its own history shows the previous plan's, said to be that action's", () => {
    const carried = sampleAction(3, {
      reference: "CL-3",
      lastUpdateAt: null,
      lastUpdateSummary: null,
      carried: { from: "CL-20-4", lastUpdate: { at: "2026-11-10T09:00:00Z", summary: "Survey sent" }, successMeasures: ["Response rate above 30%"] },
    });
    const { html } = buildDigestEmail({ officerName: "Dan", actions: [carried], now: NOW, links, bankHolidays: [] });
    expect(html).toContain("<strong>Last update:</strong> 14 days ago: Survey sent (on CL-20-4 in the previous plan)");
    expect(html).toContain("<strong>Success measures:</strong> Response rate above 30% (from CL-20-4 in the previous plan)");
  });
});
