/**
 * Indicators: the measurable form of an action's success measures ("Increased response rates from underrepresented
 * groups" → response rate, per cent, higher is better, annual, by age band). A text-only success measure stays a
 * line of the action's "How will we know"; an indicator adds a unit, a direction, a baseline, a target, a frequency
 * and values per period.
 *
 * Values are never overwritten: a correction is a new revision of the (period, group) value, and the history keeps
 * every revision with who recorded it and why. The current value of a period is its highest revision.
 *
 * Every check here returns problems that name the field ("target.date", "value", "period"), so a form, a card, an
 * import row or the server can say exactly what is wrong, and nothing is written while any problem remains.
 */
import { formatLongDate, isValidIsoDate } from "./dates.ts";
import { type IndicatorPeriod, parseIndicatorPeriod, periodFromId } from "./indicator-periods.ts";
import {
  INDICATOR_DIRECTIONS,
  INDICATOR_FREQUENCIES,
  INDICATOR_UNITS,
  type IndicatorDirection,
  type IndicatorFrequency,
  type IndicatorUnit,
  MAX_BREAKDOWN_GROUPS,
  MAX_GROUP_CHARS,
} from "./measure-constants.ts";
import { CHARACTERISTIC_LABELS, MULTI_LINE_MAX, PROTECTED_CHARACTERISTICS, SINGLE_LINE_MAX } from "./constants.ts";

export interface Baseline {
  value: number;
  /** Civil date the baseline was measured. */
  date: string;
}

export interface Target {
  value: number;
  /** Civil date by which it should be reached; null when the measure names no date. */
  date: string | null;
}

/** What the lists keep of an indicator's values so that roll-ups need not read them (see indicator-progress.ts). */
export interface IndicatorSummary {
  /** The newest period with a current overall value, and that value. */
  latestPeriod: string;
  latestValue: number | string;
  /** The newest period before it with a value, if any. */
  previousPeriod: string | null;
  previousValue: number | string | null;
  /** Periods with an overall value. */
  periods: number;
}

export interface Indicator {
  id: number;
  actionId: number;
  planId: number;
  name: string;
  unit: IndicatorUnit;
  /** Null only for text indicators. */
  direction: IndicatorDirection | null;
  frequency: IndicatorFrequency;
  baseline: Baseline | null;
  target: Target | null;
  /** Where the figures come from ("Let's Talk Maidstone", "Resident's Survey"). */
  dataSource: string;
  /** Site user id of whoever provides the values; null means the action's accountable officer. */
  ownerId: number | null;
  /** Characteristic keys it is broken down by (the nine, and the plan's local ones). */
  characteristics: string[];
  /** Breakdown groups, in the order shown ("18-24", "75 and over"); values of the whole are group "". */
  groups: string[];
  /** The success measure as written that this indicator measures, if any. */
  measure: string;
  /** Values are expected from the period containing this date; null: from after the baseline or the first value. */
  valuesFrom: string | null;
  order: number;
  summary: IndicatorSummary | null;
  /** Instant the indicator was created (the fallback start of expected values). */
  createdAt?: string;
  etag?: string;
}

export interface IndicatorValue {
  id: number;
  indicatorId: number;
  actionId: number;
  planId: number;
  /** Period id of the indicator's frequency ("2022-23"). */
  period: string;
  /** Breakdown group, "" for the whole. */
  group: string;
  value: number | string;
  note: string;
  /** 1 for the first value of a (period, group), 2 for its first correction, … */
  revision: number;
  recordedById: number | null;
  recordedByName: string;
  /** Instant it was recorded. */
  recordedAt: string;
  /** The body that reported it, for values taken from documents ("" when recorded in the product). */
  source: string;
}

export interface MeasureProblem {
  /** "name", "baseline.value", "target.date", "period", "group", "value", "note", "link", … */
  field: string;
  value: string;
  message: string;
}

const problem = (field: string, value: unknown, message: string): MeasureProblem => ({ field, value: String(value ?? "").slice(0, 120), message });

export const isNumericUnit = (u: IndicatorUnit): boolean => u !== "text";

// ---------------------------------------------------------------------------------------------------------------
// Values by unit.

export type ValueParse = { ok: true; value: number | string } | { ok: false; error: string };

const UNIT_WORDS: Record<IndicatorUnit, string> = {
  count: "a whole number such as 23",
  number: "a number such as 4.5",
  percent: "a percentage between 0 and 100 such as 19 or 19 %",
  gbp: "an amount in pounds such as 1250 or £1,250.50",
  days: "a number of days such as 12",
  text: "words",
};

/** "1,234.5" → 1234.5; commas only as thousands separators ("1,23" is not a number). */
function plainNumber(s: string): number | null {
  if (!/^-?(\d{1,3}(,\d{3})+|\d+)(\.\d+)?$/.test(s)) return null;
  const n = Number(s.replace(/,/g, ""));
  return Number.isFinite(n) ? n : null;
}

/**
 * A value as typed (or as a spreadsheet gives it) for an indicator of `unit`. Numbers may carry their unit's sign
 * ("19 %", "£1,250", "12 days"); another unit's sign is refused ("19 %" for a count). Words where a number is
 * wanted ("n/a", "about 20", "12-15") are refused with what is wanted.
 */
export function parseIndicatorValue(unit: IndicatorUnit, raw: string | number): ValueParse {
  if (unit === "text") {
    const t = String(raw).trim();
    if (t === "") return { ok: false, error: "the value is empty" };
    if (t.length > SINGLE_LINE_MAX) return { ok: false, error: `the value is ${t.length} characters; keep it to ${SINGLE_LINE_MAX}` };
    return { ok: true, value: t };
  }
  const wants = `this indicator wants ${UNIT_WORDS[unit]}`;
  let n: number | null;
  if (typeof raw === "number") n = Number.isFinite(raw) ? raw : null;
  else {
    let s = raw.trim().replace(/\u00a0/g, " ");
    if (s === "") return { ok: false, error: `the value is empty; ${wants}` };
    const percent = /\s*%$/.test(s);
    const pounds = /^-?£/.test(s);
    const days = /\s*days?$/i.test(s);
    if ((percent && unit !== "percent") || (pounds && unit !== "gbp") || (days && unit !== "days"))
      return { ok: false, error: `"${s}" is ${percent ? "a percentage" : pounds ? "an amount in pounds" : "a number of days"}; ${wants}` };
    s = s.replace(/\s*%$/, "").replace(/^(-?)£\s*/, "$1").replace(/\s*days?$/i, "").trim();
    n = plainNumber(s);
  }
  if (n === null) return { ok: false, error: `"${String(raw).trim()}" is not a number; ${wants}` };
  if (unit === "count" && (!Number.isInteger(n) || n < 0)) return { ok: false, error: `${n} is not a whole number of 0 or more; ${wants}` };
  if (unit === "percent" && (n < 0 || n > 100)) return { ok: false, error: `${n} % is outside 0 to 100; ${wants}` };
  if (unit === "days" && n < 0) return { ok: false, error: `${n} days is negative; ${wants}` };
  if (unit === "gbp" && Math.round(n * 100) !== n * 100) return { ok: false, error: `£${n} has more than two decimals (pence); ${wants}` };
  return { ok: true, value: n };
}

// Built on first use, not at load: a module that only labels things (the tab's first view) never pays for them.
let formats: { grouping: Intl.NumberFormat; pence: Intl.NumberFormat } | undefined;
function numberFormats() {
  formats ??= {
    grouping: new Intl.NumberFormat("en-GB", { maximumFractionDigits: 2 }),
    pence: new Intl.NumberFormat("en-GB", { minimumFractionDigits: 2, maximumFractionDigits: 2 }),
  };
  return formats;
}

/** "1,234", "19 %", "£1,250.50", "12 days", or the words of a text value. */
export function formatIndicatorValue(unit: IndicatorUnit, value: number | string): string {
  if (typeof value === "string") return value;
  const { grouping, pence } = numberFormats();
  switch (unit) {
    case "percent":
      return `${grouping.format(value)} %`;
    case "gbp":
      return `${value < 0 ? "-" : ""}£${Number.isInteger(value) ? grouping.format(Math.abs(value)) : pence.format(Math.abs(value))}`;
    case "days":
      return `${grouping.format(value)} ${value === 1 ? "day" : "days"}`;
    default:
      return grouping.format(value);
  }
}

// ---------------------------------------------------------------------------------------------------------------
// Definitions.

/** What a person (or an import) gives to define an indicator; values as typed or as numbers. */
export interface IndicatorInput {
  name: string;
  unit: string;
  direction?: string | null;
  frequency: string;
  baseline?: { value: string | number; date: string } | null;
  target?: { value: string | number; date?: string | null } | null;
  dataSource?: string;
  ownerId?: number | null;
  characteristics?: readonly string[];
  groups?: readonly string[];
  measure?: string;
  valuesFrom?: string | null;
}

/** A checked definition, ready to be written. */
export type IndicatorDefinition = Omit<Indicator, "id" | "actionId" | "planId" | "order" | "summary" | "createdAt" | "etag">;

export interface DefinitionContext {
  /** The plan's local characteristics (poverty, armed forces), allowed besides the nine. */
  localCharacteristics?: readonly string[];
}

function checkDate(field: string, date: unknown, problems: MeasureProblem[]): string | null {
  if (typeof date !== "string" || !isValidIsoDate(date)) {
    problems.push(problem(field, date, "expected a date as YYYY-MM-DD"));
    return null;
  }
  return date;
}

/** Checks a definition; every problem at once, each naming its field. */
export function checkIndicator(input: IndicatorInput, ctx: DefinitionContext = {}): { ok: true; definition: IndicatorDefinition } | { ok: false; problems: MeasureProblem[] } {
  const problems: MeasureProblem[] = [];
  const name = (input.name ?? "").replace(/\s+/g, " ").trim();
  if (name === "") problems.push(problem("name", input.name, "give the indicator a name"));
  else if (name.length > SINGLE_LINE_MAX) problems.push(problem("name", name, `the name is ${name.length} characters; keep it to ${SINGLE_LINE_MAX}`));

  const unit = input.unit as IndicatorUnit;
  const unitOk = (INDICATOR_UNITS as readonly string[]).includes(unit);
  if (!unitOk) problems.push(problem("unit", input.unit, `choose a unit: ${INDICATOR_UNITS.join(", ")}`));
  const frequency = input.frequency as IndicatorFrequency;
  if (!(INDICATOR_FREQUENCIES as readonly string[]).includes(frequency)) problems.push(problem("frequency", input.frequency, `choose a frequency: ${INDICATOR_FREQUENCIES.join(", ")}`));

  let direction: IndicatorDirection | null = null;
  if (unitOk && isNumericUnit(unit)) {
    if ((INDICATOR_DIRECTIONS as readonly string[]).includes(input.direction ?? "")) direction = input.direction as IndicatorDirection;
    else problems.push(problem("direction", input.direction, "say whether higher or lower values are better (higher-is-better or lower-is-better)"));
  }

  const numberFor = (field: string, raw: string | number): number | null => {
    if (!unitOk) return null;
    if (!isNumericUnit(unit)) {
      problems.push(problem(field, raw, "an indicator recorded in words has no baseline or target value"));
      return null;
    }
    const v = parseIndicatorValue(unit, raw);
    if (!v.ok) problems.push(problem(field, raw, v.error));
    return v.ok ? (v.value as number) : null;
  };

  let baseline: Baseline | null = null;
  if (input.baseline) {
    const value = numberFor("baseline.value", input.baseline.value);
    const date = checkDate("baseline.date", input.baseline.date, problems);
    if (value !== null && date !== null) baseline = { value, date };
  }
  let target: Target | null = null;
  if (input.target) {
    const value = numberFor("target.value", input.target.value);
    const date = input.target.date ? checkDate("target.date", input.target.date, problems) : null;
    if (date !== null && input.baseline && isValidIsoDate(input.baseline.date) && date <= input.baseline.date)
      problems.push(
        problem("target.date", date, `the target date (${formatLongDate(date)}) is not after the baseline date (${formatLongDate(input.baseline.date)})`),
      );
    if (value !== null) target = { value, date };
  }

  const allowed = new Set<string>([...PROTECTED_CHARACTERISTICS, ...(ctx.localCharacteristics ?? [])]);
  const characteristics: string[] = [];
  for (const c of input.characteristics ?? []) {
    const key = c.trim();
    if (!allowed.has(key)) problems.push(problem("characteristics", c, `not a characteristic of this plan (${[...allowed].map((k) => CHARACTERISTIC_LABELS[k] ?? k).join(", ")})`));
    else if (!characteristics.includes(key)) characteristics.push(key);
  }

  const groups: string[] = [];
  for (const g of input.groups ?? []) {
    const label = g.replace(/\s+/g, " ").trim();
    if (label === "") problems.push(problem("groups", g, "a breakdown group needs a name"));
    else if (label.length > MAX_GROUP_CHARS) problems.push(problem("groups", label, `keep a group's name to ${MAX_GROUP_CHARS} characters`));
    else if (groups.some((x) => x.toLowerCase() === label.toLowerCase())) problems.push(problem("groups", label, "the same group is listed twice"));
    else groups.push(label);
  }
  if (groups.length > MAX_BREAKDOWN_GROUPS) problems.push(problem("groups", groups.length, `at most ${MAX_BREAKDOWN_GROUPS} breakdown groups`));

  const dataSource = (input.dataSource ?? "").trim();
  if (dataSource.length > SINGLE_LINE_MAX) problems.push(problem("dataSource", dataSource, `keep the data source to ${SINGLE_LINE_MAX} characters`));
  const measure = (input.measure ?? "").trim();
  if (measure.length > MULTI_LINE_MAX) problems.push(problem("measure", measure, `keep the success measure to ${MULTI_LINE_MAX} characters`));
  const valuesFrom = input.valuesFrom ? checkDate("valuesFrom", input.valuesFrom, problems) : null;
  if (input.ownerId !== undefined && input.ownerId !== null && !(Number.isInteger(input.ownerId) && input.ownerId > 0))
    problems.push(problem("ownerId", input.ownerId, "the owner is a site user id"));

  if (problems.length) return { ok: false, problems };
  return {
    ok: true,
    definition: { name, unit, direction, frequency, baseline, target, dataSource, ownerId: input.ownerId ?? null, characteristics, groups, measure, valuesFrom },
  };
}

// ---------------------------------------------------------------------------------------------------------------
// Values.

export interface ValueInput {
  /** As typed: "2022-23", "Q1 2022-23", "April 2022". */
  period: string;
  /** Breakdown group as typed; "" or absent for the whole. */
  group?: string;
  value: string | number;
  note?: string;
}

export interface CheckedValue {
  period: IndicatorPeriod;
  /** The group as the indicator names it ("" for the whole). */
  group: string;
  value: number | string;
  note: string;
}

export interface ValueContext {
  /** London civil date today: a period that has not started cannot have a value. */
  today: string;
  /** A correction of a recorded value: it must say why. */
  correcting?: boolean;
}

/** Checks a value for an indicator; every problem at once, each naming its field. */
export function checkValue(
  indicator: Pick<Indicator, "unit" | "frequency" | "groups" | "name">,
  input: ValueInput,
  ctx: ValueContext,
): { ok: true; value: CheckedValue } | { ok: false; problems: MeasureProblem[] } {
  const problems: MeasureProblem[] = [];
  const p = parseIndicatorPeriod(indicator.frequency, String(input.period ?? ""));
  if (!p.ok) problems.push(problem("period", input.period, p.error));
  else if (p.period.start > ctx.today) problems.push(problem("period", input.period, `${p.period.label} has not started yet (it starts on ${formatLongDate(p.period.start)})`));

  const typed = (input.group ?? "").replace(/\s+/g, " ").trim();
  const group = typed === "" ? "" : indicator.groups.find((g) => g.toLowerCase() === typed.toLowerCase());
  if (group === undefined)
    problems.push(
      problem(
        "group",
        typed,
        indicator.groups.length ? `not a breakdown group of "${indicator.name}" (its groups: ${indicator.groups.join(", ")})` : `"${indicator.name}" has no breakdown groups`,
      ),
    );

  const v = parseIndicatorValue(indicator.unit, input.value ?? "");
  if (!v.ok) problems.push(problem("value", input.value, v.error));

  const note = (input.note ?? "").trim();
  if (note.length > MULTI_LINE_MAX) problems.push(problem("note", note, `keep the note to ${MULTI_LINE_MAX} characters`));
  if (ctx.correcting && note === "") problems.push(problem("note", "", "say why the value is corrected"));

  if (problems.length || !p.ok || !v.ok || group === undefined) return { ok: false, problems };
  return { ok: true, value: { period: p.period, group, value: v.value, note } };
}

/** The key of one (period, group) value of an indicator, for maps. */
export const seriesKey = (period: string, group: string): string => `${period}\u0000${group}`;

/**
 * The current value of each (period, group): its highest revision. Older revisions are the correction history;
 * they are kept, never counted.
 */
export function currentValues<V extends Pick<IndicatorValue, "period" | "group" | "revision">>(values: readonly V[]): V[] {
  const best = new Map<string, V>();
  for (const v of values) {
    const k = seriesKey(v.period, v.group);
    const have = best.get(k);
    if (!have || v.revision > have.revision) best.set(k, v);
  }
  return [...best.values()];
}

/** Every revision of one (period, group), oldest first: what a correction history shows. */
export function valueHistory<V extends Pick<IndicatorValue, "period" | "group" | "revision">>(values: readonly V[], period: string, group = ""): V[] {
  return values.filter((v) => v.period === period && v.group === group).sort((a, b) => a.revision - b.revision);
}

/** The current revision of a (period, group), 0 when none is recorded: what a new value must build on. */
export function currentRevision(values: readonly Pick<IndicatorValue, "period" | "group" | "revision">[], period: string, group = ""): number {
  return values.reduce((n, v) => (v.period === period && v.group === group && v.revision > n ? v.revision : n), 0);
}

export interface SeriesPoint {
  period: IndicatorPeriod;
  value: number | string;
}

/**
 * One group's current values in time order ("" = the whole), for periods that began before `before` (a civil date;
 * absent: all). Values whose period is not one of the indicator's frequency are left out.
 */
export function seriesOf(
  indicator: Pick<Indicator, "frequency">,
  values: readonly Pick<IndicatorValue, "period" | "group" | "revision" | "value">[],
  group = "",
  before?: string,
): SeriesPoint[] {
  const out: SeriesPoint[] = [];
  for (const v of currentValues(values.filter((x) => x.group === group))) {
    const period = periodFromId(indicator.frequency, v.period);
    if (period && (before === undefined || period.start < before)) out.push({ period, value: v.value });
  }
  return out.sort((a, b) => a.period.start.localeCompare(b.period.start));
}

/** The summary the indicators list keeps (newest overall value and the one before it), from the values. */
export function summariseValues(indicator: Pick<Indicator, "frequency">, values: readonly Pick<IndicatorValue, "period" | "group" | "revision" | "value">[]): IndicatorSummary | null {
  const series = seriesOf(indicator, values);
  const last = series.at(-1);
  if (!last) return null;
  const prev = series.at(-2);
  return {
    latestPeriod: last.period.id,
    latestValue: last.value,
    previousPeriod: prev?.period.id ?? null,
    previousValue: prev?.value ?? null,
    periods: series.length,
  };
}

/** Whether two summaries say the same (so an unchanged indicator item is not written again). */
export function sameSummary(a: IndicatorSummary | null, b: IndicatorSummary | null): boolean {
  if (a === null || b === null) return a === b;
  return (
    a.latestPeriod === b.latestPeriod &&
    a.latestValue === b.latestValue &&
    a.previousPeriod === b.previousPeriod &&
    a.previousValue === b.previousValue &&
    a.periods === b.periods
  );
}
