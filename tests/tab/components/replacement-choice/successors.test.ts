/**
 * The successors the lead chooses for people who cannot be found: only those listed are sent, every one of them must
 * have one before anything is written, and a later answer (naming only a successor who cannot be found either)
 * keeps the earlier choices.
 */
import { describe, expect, it } from "vitest";
import type { UnresolvedPerson } from "../../../../src/data/plan-tree/people.ts";
import { reassignOf, successorsMissing, withoutSuccessor } from "../../../../src/tab/components/replacement-choice/replacement-choice.ts";
import { mergePeople } from "../../../../src/tab/components/replacement-choice/use-successors.ts";

const person = (login: string, replacement?: string): UnresolvedPerson => ({ login, replacement, places: [{ reference: "EMP-1", as: "owner" }], reason: "The specified user could not be found." });
const neil = person("Neil.Ashworth@example.org");
const hannah = person("hannah.quill@example.org");

describe("successors", () => {
  it("sends a successor only for someone listed, keyed by the lower-case sign-in name", () => {
    const chosen = { "neil.ashworth@example.org": "tom.okafor@example.org", "someone.else@example.org": "x@example.org" };
    expect(reassignOf([neil], chosen)).toEqual({ "neil.ashworth@example.org": "tom.okafor@example.org" });
  });

  it("names everyone still without a successor, in words", () => {
    const names: Record<string, string> = { "Neil.Ashworth@example.org": "Neil Ashworth", "hannah.quill@example.org": "Hannah Quill" };
    const missing = withoutSuccessor([neil, hannah], {});
    expect(successorsMissing(missing, (l) => names[l])).toBe("Choose who takes over from Neil Ashworth and Hannah Quill: nothing is written until each has a successor.");
    expect(successorsMissing(withoutSuccessor([neil, hannah], { "neil.ashworth@example.org": "a@example.org", "hannah.quill@example.org": "b@example.org" }), (l) => l)).toBeNull();
  });

  it("keeps an earlier choice when a later answer names only a successor who cannot be found", () => {
    const later = mergePeople([neil, hannah], [person("hannah.quill@example.org", "carys.wren@example.org")]);
    expect(later.map((p) => [p.login, p.replacement])).toEqual([
      ["Neil.Ashworth@example.org", undefined],
      ["hannah.quill@example.org", "carys.wren@example.org"],
    ]);
    expect(mergePeople([neil], [hannah]).map((p) => p.login)).toEqual([neil.login, hannah.login]);
  });
});
