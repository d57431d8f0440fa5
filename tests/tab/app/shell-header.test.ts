// @vitest-environment jsdom
/** The compact header's account button shows initials; they must come from any name the directory holds. */
import { describe, expect, it } from "vitest";
import { initialsOf } from "../../../src/tab/app/shell-header.tsx";

describe("initials on the compact header's account button", () => {
  it("takes the first and last names' first letters", () => {
    expect(initialsOf("Sam Kowalski")).toBe("SK");
    expect(initialsOf("Mary Anne de la Cruz")).toBe("MC");
    expect(initialsOf("  priya   shah ")).toBe("PS");
  });
  it("copes with one name, letters beyond ASCII, punctuation and an empty name", () => {
    expect(initialsOf("Cher")).toBe("C");
    expect(initialsOf("Élodie Ørsted")).toBe("ÉØ");
    expect(initialsOf("Siân O'Neill (Policy)")).toBe("SO");
    expect(initialsOf("— Ng")).toBe("N");
    expect(initialsOf("")).toBe("?");
  });
});
