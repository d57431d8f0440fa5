/**
 * Evidence and the EqIA register (src/domain/evidence.ts), and who may change measures (measures-access.ts):
 * links are http(s) only, every problem names its field, and the access rules table by table.
 */
import { describe, expect, it } from "vitest";
import { checkEqia, checkEvidence, checkLink, checkRelation, type EqiaInput } from "../../src/domain/evidence.ts";
import { mayAddEvidence, mayChangeEqia, mayChangeEvidence, mayDefineIndicator, mayLinkEqia, mayRecordValue } from "../../src/domain/measures-access.ts";

describe("links", () => {
  it.each(["https://maidstone.gov.uk/committee/report.pdf", "http://intranet.example.org/eqia?id=4", "https://contoso.sharepoint.com/sites/edi/Shared%20Documents/EqIA.docx"])(
    "accepts %s",
    (url) => {
      expect(checkLink(`  ${url} `)).toEqual({ ok: true, url });
    },
  );

  it.each<[string, RegExp]>([
    ["javascript:alert(document.cookie)", /"javascript:" links are not accepted/],
    ["data:text/html,<script>alert(1)</script>", /"data:" links are not accepted|no spaces/],
    ["file:///C:/EqIA.docx", /"file:" links are not accepted/],
    ["ftp://files.example.org/a", /"ftp:" links are not accepted/],
    ["www.maidstone.gov.uk/report", /not a web address/],
    ["/sites/edi/report.docx", /not a web address/],
    ["https://user:secret@example.org/x", /must not carry a user name or password/],
    ["https://example.org/a b", /no spaces/],
    ["", /the link is empty/],
    [`https://example.org/${"a".repeat(2100)}`, /links are kept to 2048/],
  ])("refuses %s", (raw, message) => {
    const r = checkLink(raw);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error).toMatch(message);
  });
});

describe("evidence", () => {
  it("is a title, an http(s) link, a type and a date", () => {
    expect(checkEvidence({ title: " Equalities data audit record ", link: "https://example.org/audit.xlsx", type: "data", date: "2018-03-31" })).toEqual({
      ok: true,
      evidence: { title: "Equalities data audit record", link: "https://example.org/audit.xlsx", type: "data", date: "2018-03-31" },
    });
  });

  it("names every field that is wrong", () => {
    const r = checkEvidence({ title: "", link: "javascript:alert(1)", type: "rumour", date: "31/03/2018" });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.problems.map((p) => p.field)).toEqual(["title", "link", "type", "date"]);
  });
});

const eqia: EqiaInput = {
  title: "Council Tax Reduction Scheme 2024",
  assessedOn: "2023-11-01",
  characteristics: ["age", "disability", "poverty"],
  outcome: "adjust",
  summary: "Protect pensioners and disabled residents on low incomes.",
  publishedLink: "https://example.org/eqia/ctr-2024.pdf",
  reviewDate: "2024-11-01",
};

describe("an EqIA", () => {
  it("considers the plan's local characteristics too", () => {
    expect(checkEqia(eqia, { localCharacteristics: ["poverty", "armed-forces"] })).toMatchObject({ ok: true, eqia: { characteristics: ["age", "disability", "poverty"], reviewDate: "2024-11-01" } });
  });

  it.each<[string, Partial<EqiaInput>, string, RegExp]>([
    ["a characteristic the plan does not consider", { characteristics: ["poverty"] }, "characteristics", /not a characteristic considered here/],
    ["no characteristics", { characteristics: [] }, "characteristics", /say which characteristics/],
    ["a review before the assessment", { reviewDate: "2023-10-01" }, "reviewDate", /the review date \(1 October 2023\) is not after the assessment \(1 November 2023\)/],
    ["a published link that is not http(s)", { publishedLink: "javascript:void(0)" }, "publishedLink", /not accepted/],
    ["an unknown outcome", { outcome: "maybe" }, "outcome", /choose one of: no-major-change, adjust, continue, stop/],
    ["no policy named", { title: "  " }, "title", /give the policy or decision assessed/],
  ])("refuses %s", (_, change, field, message) => {
    const r = checkEqia({ ...eqia, ...change });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.problems.find((p) => p.field === field)?.message).toMatch(message);
  });

  it("links to actions as 'gave rise to' or 'informs'", () => {
    expect(checkRelation("informs")).toEqual({ ok: true, relation: "informs" });
    expect(checkRelation("caused").ok).toBe(false);
  });
});

describe("who may change measures", () => {
  const action = { ownerId: 1, officerIds: [1, 2] };
  const as = (personId: number, isEdiMember = false) => ({ personId, isEdiMember });
  it.each<[string, ReturnType<typeof as>, boolean, boolean, boolean]>([
    // who, caller, record a value, define an indicator, add evidence
    ["the accountable officer", as(1), true, true, true],
    ["an officer named on the action", as(2), true, false, true],
    ["the indicator's owner", as(5), true, false, false],
    ["the EDI group", as(9, true), true, true, true],
    ["anyone else", as(7), false, false, false],
  ])("%s", (_, caller, record, define, evidence) => {
    expect([mayRecordValue(caller, action, { ownerId: 5 }), mayDefineIndicator(caller, action), mayAddEvidence(caller, action)]).toEqual([record, define, evidence]);
  });

  it("evidence is changed by who added it or the EDI group; the register by the EDI group or the EqIA's owner", () => {
    expect(mayChangeEvidence(as(2), { addedById: 2 })).toBe(true);
    expect(mayChangeEvidence(as(1), { addedById: 2 })).toBe(false);
    expect(mayChangeEvidence(as(1), { addedById: null })).toBe(false);
    expect(mayChangeEvidence(as(9, true), { addedById: 2 })).toBe(true);
    expect(mayChangeEqia(as(4), { ownerId: 4 })).toBe(true);
    expect(mayChangeEqia(as(4), null)).toBe(false);
    expect(mayChangeEqia(as(4), { ownerId: null })).toBe(false);
    expect(mayLinkEqia(as(4))).toBe(false);
    expect(mayLinkEqia(as(4, true))).toBe(true);
  });
});
