import { describe, expect, it } from "vitest";
import {
  ACTION_COMMANDS,
  type ActionCommand,
  type ActionField,
  dueDateChange,
  editableFields,
  mayDo,
  mayEdit,
  type PlanRole,
  rolesOn,
  samePerson,
} from "../../src/domain/permissions";

const lead = { id: 1, upn: "lead@council.example" };
const edi = { id: 2, upn: "edi@council.example" };
const owner = { id: 3, upn: "owner@council.example" };
const helper = { id: 4, upn: "helper@council.example" };
const stranger = { id: 5, upn: "stranger@council.example" };
const group = { leads: [lead], members: [lead, edi] };
const action = { owner, officers: [owner, helper] };

describe("who someone is on an action", () => {
  it.each<[string, { id?: number; upn?: string }, PlanRole[]]>([
    ["the lead (also in the EDI group)", lead, ["lead", "edi-group"]],
    ["an EDI group member", edi, ["edi-group"]],
    ["the accountable officer", owner, ["officer"]],
    ["a responsible officer", helper, ["officer"]],
    ["anyone else", stranger, []],
    ["the officer known by UPN only (any case)", { upn: "HELPER@council.example" }, ["officer"]],
    ["nobody (no id, no UPN)", { upn: "" }, []],
  ])("%s", (_, who, roles) => {
    expect([...rolesOn(who, action, group)].sort()).toEqual([...roles].sort());
  });

  it("matches on the site user id when both sides know it, whatever the UPN says", () => {
    expect(samePerson({ id: 9, upn: "owner@council.example" }, owner)).toBe(false);
    expect(samePerson({ id: 3, upn: "renamed@council.example" }, { id: 3, upn: "owner@council.example" })).toBe(true);
  });

  it("never matches on an empty UPN", () => {
    expect(samePerson({ upn: "" }, { upn: "" })).toBe(false);
  });
});

describe("who may do what", () => {
  const table: Record<ActionCommand, Record<"lead" | "edi" | "officer" | "stranger", boolean>> = {
    "add-update": { lead: true, edi: true, officer: true, stranger: false },
    complete: { lead: true, edi: true, officer: true, stranger: false },
    "propose-due-date": { lead: true, edi: true, officer: true, stranger: false },
    "change-due-date": { lead: true, edi: false, officer: false, stranger: false },
    "decide-proposal": { lead: true, edi: false, officer: false, stranger: false },
    "edit-action": { lead: true, edi: true, officer: true, stranger: false },
    "review-decision": { lead: true, edi: true, officer: false, stranger: false },
    snooze: { lead: true, edi: true, officer: true, stranger: false },
    "record-value": { lead: true, edi: true, officer: true, stranger: false },
    "add-evidence": { lead: true, edi: true, officer: true, stranger: false },
    "remove-evidence": { lead: true, edi: true, officer: true, stranger: false },
  };
  const people = { lead, edi, officer: owner, stranger };
  for (const command of ACTION_COMMANDS) {
    for (const [name, who] of Object.entries(people)) {
      const expected = table[command][name as keyof typeof people];
      it(`${command}: ${name} ${expected ? "may" : "may not"}`, () => {
        const d = mayDo(command, rolesOn(who, action, group));
        expect(d.allowed).toBe(expected);
        if (!d.allowed) {
          expect(d.reason).toMatch(/^not-/);
          expect(d.message).toMatch(/^Only /);
        }
      });
    }
  }

  it("words the review refusal for officers", () => {
    expect(mayDo("review-decision", rolesOn(owner, action, group))).toEqual({
      allowed: false,
      reason: "not-edi-group",
      message: "Only the EDI group and the equalities lead can record review decisions.",
    });
  });

  it("rollover and import are the lead's", () => {
    expect(mayDo("rollover", new Set(["lead"])).allowed).toBe(true);
    expect(mayDo("rollover", new Set(["edi-group"])).allowed).toBe(false);
    expect(mayDo("import", new Set(["officer"])).allowed).toBe(false);
  });

  it("the EqIA register is the EDI group's and the lead's, not an action's officers'", () => {
    expect(mayDo("edit-eqias", new Set(["lead"])).allowed).toBe(true);
    expect(mayDo("edit-eqias", new Set(["edi-group"])).allowed).toBe(true);
    expect(mayDo("edit-eqias", new Set(["officer"]))).toMatchObject({ allowed: false, reason: "not-edi-group" });
  });
});

describe("which fields a role may edit", () => {
  it.each<[string, PlanRole[], ActionField[]]>([
    ["officer", ["officer"], ["status", "teams", "successMeasures"]],
    ["EDI group", ["edi-group"], ["status", "teams", "successMeasures", "characteristics"]],
    ["lead", ["lead"], ["status", "teams", "successMeasures", "characteristics", "text", "owner", "officers", "due"]],
    ["nobody", [], []],
  ])("%s", (_, roles, fields) => {
    expect([...editableFields(new Set(roles))].sort()).toEqual([...fields].sort());
  });

  it.each<[PlanRole[], ActionField[], true | string]>([
    [["officer"], ["teams", "successMeasures"], true],
    [["officer"], ["teams", "owner"], "Only the equalities lead can change the accountable officer."],
    [["officer"], ["characteristics"], "Only the EDI group and the equalities lead can change the protected characteristics."],
    [["edi-group"], ["characteristics", "text"], "Only the equalities lead can change the action's wording."],
    // A due date is not refused here: an officer's change becomes a proposal (dueDateChange).
    [["officer"], ["due"], true],
    [["lead"], ["text", "owner", "officers", "due"], true],
    [[], ["teams"], "Only the officers named on this action, the EDI group and the equalities lead can edit it."],
  ])("%o editing %o", (roles, fields, expected) => {
    const d = mayEdit(fields, new Set(roles));
    if (expected === true) expect(d).toEqual({ allowed: true });
    else expect(d).toMatchObject({ allowed: false, message: expected });
  });

  it("a due-date change is the lead's to make and anyone else's to propose", () => {
    expect(dueDateChange(new Set(["lead"]))).toBe("direct");
    expect(dueDateChange(new Set(["officer"]))).toBe("proposal");
    expect(dueDateChange(new Set(["edi-group"]))).toBe("proposal");
    expect(dueDateChange(new Set())).toBeNull();
  });
});
