/** Entra's answer at the redirect URI is told from a visit to the tab without loading MSAL. */
import { describe, expect, it } from "vitest";
import { isSignInAnswer } from "../../../../src/tab/app/auth/sign-in-answer.ts";

describe("Entra's answer at the redirect URI", () => {
  it("is told from a visit to the tab by its state and code or error, in the fragment or the query", () => {
    expect(isSignInAnswer({ hash: "#code=abc&state=xyz", search: "" })).toBe(true);
    expect(isSignInAnswer({ hash: "", search: "?error=login_required&state=xyz" })).toBe(true);
    expect(isSignInAnswer({ hash: "#/my", search: "" })).toBe(false);
    expect(isSignInAnswer({ hash: "#/actions/12", search: "?theme=dark" })).toBe(false);
    expect(isSignInAnswer({ hash: "#code=abc", search: "" })).toBe(false);
  });
});
