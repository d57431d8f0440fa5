import { describe, expect, it } from "vitest";
import * as domain from "../../src/domain/index";

describe("src/domain/index re-exports the whole domain", () => {
  it.each([
    "actionSchema",
    "planTreeSchema",
    "parseDuePhrase",
    "financialYearRange",
    "londonDate",
    "dueBucket",
    "ENGLAND_AND_WALES_BANK_HOLIDAYS",
    "addWorkingDays",
    "computeNudges",
    "reminderPolicySchema",
  ])("%s", (name) => {
    expect(domain).toHaveProperty(name);
    expect((domain as Record<string, unknown>)[name]).toBeDefined();
  });
});
