/**
 * The OData filter helper (src/data/odata.ts): every value is a literal of its type, and a quote inside a string
 * (a UPN such as o'brien@…, an import key, a period) can never end the string and change the query.
 */
import { describe, expect, it } from "vitest";
import { and, datetime, eq, ge, grouped, gt, le, literal, ne, quote } from "../../src/data/odata.ts";

describe("OData literals", () => {
  it.each([
    ["plain", "'plain'"],
    ["o'brien@example.org", "'o''brien@example.org'"],
    ["'", "''''"],
    ["' or 1 eq 1 or Title eq '", "''' or 1 eq 1 or Title eq '''"],
    ["", "''"],
  ])("quote(%j) = %s", (value, expected) => {
    expect(quote(value)).toBe(expected);
  });

  it.each<[Parameters<typeof literal>[0], string]>([
    [42, "42"],
    [0, "0"],
    [true, "true"],
    ["open", "'open'"],
    [datetime("2024-06-28T00:00:00Z"), "datetime'2024-06-28T00:00:00Z'"],
  ])("literal(%o) = %s", (value, expected) => {
    expect(literal(value)).toBe(expected);
  });
});

describe("filter shapes", () => {
  it.each([
    [eq("OwnerId", 7), "OwnerId eq 7"],
    [eq("Upn", "o'brien@example.org"), "Upn eq 'o''brien@example.org'"],
    [ne("ActionStatus", "complete"), "ActionStatus ne 'complete'"],
    [ge("RunAt", datetime("2026-11-23T09:00:00Z")), "RunAt ge datetime'2026-11-23T09:00:00Z'"],
    [and(gt("Id", 0), le("Id", 5000), grouped("PlanId eq 3")), "Id gt 0 and Id le 5000 and (PlanId eq 3)"],
    [and(gt("Id", 0), le("Id", 5000), grouped(undefined)), "Id gt 0 and Id le 5000"],
    [and(eq("PlanId", 3), undefined, false, ""), "PlanId eq 3"],
    [and(eq("PlanId", 3), eq("Period", "2022-23")), "PlanId eq 3 and Period eq '2022-23'"],
  ])("%s", (built, expected) => {
    expect(built).toBe(expected);
  });
});
