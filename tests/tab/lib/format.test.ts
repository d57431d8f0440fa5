/** Short phrases for ages: "Updated 5 minutes ago" on the repeat visit's copy. */
import { describe, expect, it } from "vitest";
import { sinceText } from "../../../src/tab/lib/format.ts";

describe("sinceText", () => {
  it("says minutes, hours or days in whole units, and 'just now' under a minute", () => {
    expect(sinceText(0)).toBe("just now");
    expect(sinceText(59_999)).toBe("just now");
    expect(sinceText(60_000)).toBe("1 minute ago");
    expect(sinceText(12 * 60_000 + 5_000)).toBe("12 minutes ago");
    expect(sinceText(60 * 60_000)).toBe("1 hour ago");
    expect(sinceText(5 * 3_600_000)).toBe("5 hours ago");
    expect(sinceText(49 * 3_600_000)).toBe("2 days ago");
  });

  it("never says a negative age (a clock that moved back)", () => {
    expect(sinceText(-5_000)).toBe("just now");
  });
});
