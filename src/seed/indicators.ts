/**
 * The seeded plan's indicators: the success measures of the documents that are measurable (a count, a share, "every
 * ward member", "all staff", "all EqIAs"), as indicators on the actions they belong to, with the values the
 * documents give and no others. The documents give one set of figures, 000 §2.10: "a total of 23 consultations
 * completed in 2020/21; 14 were external resident or stakeholder surveys and 9 were internal staff or Member
 * surveys". Its "15 consultations for 2021/22 to date" is a count part-way through a year (the report is dated
 * October 2021): recorded as that year's value it would read as the whole year's, so it is left out.
 *
 * No baseline is invented: the documents name none. A target is set only where a measure's own words fix it
 * ("every ward member", "all staff", "All EqIAs": 100 %), dated by the action's delivery date where the row has one.
 * Every choice is listed with its basis in docs/seed-provenance.md, and checked against the documents by the tests.
 *
 * The demonstration 2023-2027 plan carries the definitions of its carried actions' indicators (not their values),
 * as a rollover carries an action without its history, expecting values from the plan's first year.
 */
import type { IndicatorInput } from "../domain/indicators.ts";
import { COMMITTEE_DATE_2020_21, SOURCE_2020_21 } from "./progress-2020-21.ts";

export interface SeedValue {
  period: string;
  group?: string;
  value: number | string;
  /** The body that reported it, as the update it comes from says. */
  source: string;
  /** Civil date the document reported it. */
  reportedOn: string;
}

export interface SeedIndicator {
  actionReference: string;
  definition: IndicatorInput;
  values: SeedValue[];
}

const reported2020_21 = (value: number, group?: string): SeedValue => ({ period: "2020/21", group, value, source: SOURCE_2020_21, reportedOn: COMMITTEE_DATE_2020_21 });

/** The documents report on the plan annually (000 §2.1: "monitored, reviewed, and reported on, on an annual basis"). */
const annual = { frequency: "annual" } as const;

export const SEED_INDICATORS_2017_21: readonly SeedIndicator[] = [
  {
    // 002, CL-17-1: "Report to be produced for every ward member following annual Resident's Survey", by November 2017.
    actionReference: "CL-17-1",
    definition: {
      name: "Ward members given a ward-level report after the Resident's Survey",
      measure: "Report to be produced for every ward member following annual Resident's Survey",
      unit: "percent",
      direction: "higher-is-better",
      ...annual,
      target: { value: 100, date: "2017-11-30" },
      dataSource: "Annual Resident's Survey",
    },
    values: [],
  },
  {
    // 002, CL-17-4: "Increased number of consultation responses from seldom heard groups per public […]".
    actionReference: "CL-17-4",
    definition: {
      name: "Consultation responses from seldom heard groups per public consultation",
      measure: "Increased number of consultation responses from seldom heard groups per public […]",
      unit: "number",
      direction: "higher-is-better",
      ...annual,
    },
    values: [],
  },
  {
    // 002, SP-17-2: "All EqIAs to be published on the website." (no delivery date in the row).
    actionReference: "SP-17-2",
    definition: {
      name: "EqIAs published on the website",
      measure: "All EqIAs to be published on the website.",
      unit: "percent",
      direction: "higher-is-better",
      ...annual,
      target: { value: 100, date: null },
    },
    values: [],
  },
  {
    // 002, EM-17-1: "Increase in the number and quality of EqIA's completed.", by September 2018.
    actionReference: "EM-17-1",
    definition: {
      name: "EqIAs completed",
      measure: "Increase in the number and quality of EqIA's completed.",
      unit: "count",
      direction: "higher-is-better",
      ...annual,
    },
    values: [],
  },
  {
    // 002, EM-17-1: "NETconsent reporting and testing functionality used to ensure all staff have read and understood the policy."
    actionReference: "EM-17-1",
    definition: {
      name: "Staff who have read and accepted the Equality Policy in NETconsent",
      measure: "NETconsent reporting and testing functionality used to ensure all staff have read and understood the policy.",
      unit: "percent",
      direction: "higher-is-better",
      ...annual,
      target: { value: 100, date: "2018-09-30" },
      dataSource: "NETconsent reporting",
    },
    values: [],
  },
  {
    // 000 §2.10 reports the consultations under the review of consultation and engagement activities (CL-20-4).
    actionReference: "CL-20-4",
    definition: {
      name: "Consultations completed",
      unit: "count",
      direction: "higher-is-better",
      ...annual,
      groups: ["External resident or stakeholder surveys", "Internal staff or Member surveys"],
      valuesFrom: "2020-04-01",
    },
    values: [reported2020_21(23), reported2020_21(14, "External resident or stakeholder surveys"), reported2020_21(9, "Internal staff or Member surveys")],
  },
  {
    // 001, Service Provider measures: "Increased completion of Equalities Impact Assessments …" (SP-20-7 reviews the process).
    actionReference: "SP-20-7",
    definition: {
      name: "Equalities Impact Assessments completed",
      measure: "Increased completion of Equalities Impact Assessments with clearer and more transparent evidence of Equalities in decision making.",
      unit: "count",
      direction: "higher-is-better",
      ...annual,
    },
    values: [],
  },
  {
    // 004, CL-22-4: "Increase response rates from underrepresented groups though us of Let's Talk Maidstone"
    // (001's outcome "Increased response rates from underrepresented groups").
    actionReference: "CL-22-4",
    definition: {
      name: "Consultation response rate from underrepresented groups",
      measure: "Increase response rates from underrepresented groups",
      unit: "percent",
      direction: "higher-is-better",
      ...annual,
      dataSource: "Let's Talk Maidstone",
    },
    values: [],
  },
];

/** First day of the demonstration plan's period: its indicators expect values from its first year. */
export const DEMONSTRATION_VALUES_FROM = "2023-04-01";

/**
 * The demonstration plan's indicators: the definitions of the indicators on the actions it carries (by reference),
 * with no values: nobody has reported on them in that plan.
 */
export function demonstrationIndicators(carriedReferences: readonly string[], from: readonly SeedIndicator[] = SEED_INDICATORS_2017_21): SeedIndicator[] {
  return from
    .filter((i) => carriedReferences.includes(i.actionReference))
    .map((i) => ({ actionReference: i.actionReference, definition: { ...i.definition, valuesFrom: DEMONSTRATION_VALUES_FROM }, values: [] }));
}
