/**
 * Evidence an action links to (an EqIA, a committee report, data, a consultation) and the register of Equality
 * Impact Assessments with the actions each gave rise to or informs. Checks return problems naming the field, as
 * for indicators, and nothing is written while any remains.
 *
 * Links are http(s) only: a link is opened by people from the tab, a card and the committee report, so a
 * `javascript:`, `data:` or `file:` link (or one that hides credentials) would run or leak something on click.
 */
import { formatLongDate, isValidIsoDate } from "./dates.ts";
import { CHARACTERISTIC_LABELS, MULTI_LINE_MAX, PROTECTED_CHARACTERISTICS, SINGLE_LINE_MAX } from "./constants.ts";
import type { MeasureProblem } from "./indicators.ts";
import {
  EQIA_OUTCOMES,
  EQIA_RELATIONS,
  type EqiaOutcome,
  type EqiaRelation,
  EVIDENCE_TYPES,
  type EvidenceType,
  MAX_LINK_CHARS,
} from "./measure-constants.ts";

export type LinkCheck = { ok: true; url: string } | { ok: false; error: string };

/** An absolute http(s) URL, as typed or pasted (surrounding spaces trimmed). */
export function checkLink(raw: string): LinkCheck {
  const s = (raw ?? "").trim();
  if (s === "") return { ok: false, error: "the link is empty; paste the address of the document (https://…)" };
  if (s.length > MAX_LINK_CHARS) return { ok: false, error: `the link is ${s.length} characters; links are kept to ${MAX_LINK_CHARS}` };
  if (/\s/.test(s)) return { ok: false, error: "a link has no spaces; copy the document's address again" };
  let url: URL;
  try {
    url = new URL(s);
  } catch {
    return { ok: false, error: `"${s.slice(0, 80)}" is not a web address; links start with https:// or http://` };
  }
  if (url.protocol !== "https:" && url.protocol !== "http:") return { ok: false, error: `links must be http(s); "${url.protocol}" links are not accepted` };
  if (url.username || url.password) return { ok: false, error: "a link must not carry a user name or password" };
  if (!url.hostname) return { ok: false, error: "the link has no site name" };
  return { ok: true, url: s };
}

const problem = (field: string, value: unknown, message: string): MeasureProblem => ({ field, value: String(value ?? "").slice(0, 120), message });

function text(field: string, raw: unknown, label: string, problems: MeasureProblem[], max = SINGLE_LINE_MAX, required = true): string {
  const s = typeof raw === "string" ? raw.replace(/[ \t]+/g, " ").trim() : "";
  if (required && s === "") problems.push(problem(field, raw, `give ${label}`));
  else if (s.length > max) problems.push(problem(field, s, `${label} is ${s.length} characters; keep it to ${max}`));
  return s;
}

function date(field: string, raw: unknown, problems: MeasureProblem[], required: boolean): string | null {
  if ((raw === null || raw === undefined || raw === "") && !required) return null;
  if (typeof raw !== "string" || !isValidIsoDate(raw)) {
    problems.push(problem(field, raw, "expected a date as YYYY-MM-DD"));
    return null;
  }
  return raw;
}

function oneOf<T extends string>(field: string, raw: unknown, allowed: readonly T[], problems: MeasureProblem[]): T | null {
  if ((allowed as readonly unknown[]).includes(raw)) return raw as T;
  problems.push(problem(field, raw, `choose one of: ${allowed.join(", ")}`));
  return null;
}

// ---------------------------------------------------------------------------------------------------------------
// Evidence.

export interface EvidenceInput {
  title: string;
  link: string;
  type: string;
  /** Civil date of the document (the committee meeting, the data's date). */
  date: string;
}

export interface EvidenceDefinition {
  title: string;
  link: string;
  type: EvidenceType;
  date: string;
}

export interface Evidence extends EvidenceDefinition {
  id: number;
  actionId: number;
  planId: number;
  addedById: number | null;
  addedByName: string;
  etag?: string;
}

export function checkEvidence(input: EvidenceInput): { ok: true; evidence: EvidenceDefinition } | { ok: false; problems: MeasureProblem[] } {
  const problems: MeasureProblem[] = [];
  const title = text("title", input.title, "a title", problems);
  const link = checkLink(input.link);
  if (!link.ok) problems.push(problem("link", input.link, link.error));
  const type = oneOf("type", input.type, EVIDENCE_TYPES, problems);
  const d = date("date", input.date, problems, true);
  if (problems.length || !link.ok || !type || !d) return { ok: false, problems };
  return { ok: true, evidence: { title, link: link.url, type, date: d } };
}

// ---------------------------------------------------------------------------------------------------------------
// Equality Impact Assessments.

export interface EqiaInput {
  /** The policy or decision assessed. */
  title: string;
  assessedOn: string;
  /** Characteristic keys considered: the nine and the plan's local ones (poverty, armed forces). */
  characteristics: readonly string[];
  outcome: string;
  /** The outcome in the assessment's own words. */
  summary?: string;
  /** Where it is published (the seeds: "All EIAs to be published on the website"); "" when not yet. */
  publishedLink?: string;
  reviewDate?: string | null;
  ownerId?: number | null;
}

export interface EqiaDefinition {
  title: string;
  assessedOn: string;
  characteristics: string[];
  outcome: EqiaOutcome;
  summary: string;
  publishedLink: string;
  reviewDate: string | null;
  ownerId: number | null;
}

export interface Eqia extends EqiaDefinition {
  id: number;
  etag?: string;
}

export function checkEqia(input: EqiaInput, ctx: { localCharacteristics?: readonly string[] } = {}): { ok: true; eqia: EqiaDefinition } | { ok: false; problems: MeasureProblem[] } {
  const problems: MeasureProblem[] = [];
  const title = text("title", input.title, "the policy or decision assessed", problems);
  const assessedOn = date("assessedOn", input.assessedOn, problems, true);
  const allowed = new Set<string>([...PROTECTED_CHARACTERISTICS, ...(ctx.localCharacteristics ?? [])]);
  const characteristics: string[] = [];
  for (const c of input.characteristics ?? []) {
    if (!allowed.has(c)) problems.push(problem("characteristics", c, `not a characteristic considered here (${[...allowed].map((k) => CHARACTERISTIC_LABELS[k] ?? k).join(", ")})`));
    else if (!characteristics.includes(c)) characteristics.push(c);
  }
  if ((input.characteristics ?? []).length === 0) problems.push(problem("characteristics", "", "say which characteristics the assessment considered"));
  const outcome = oneOf("outcome", input.outcome, EQIA_OUTCOMES, problems);
  const summary = text("summary", input.summary ?? "", "the summary", problems, MULTI_LINE_MAX, false);
  let publishedLink = "";
  if ((input.publishedLink ?? "").trim() !== "") {
    const l = checkLink(input.publishedLink ?? "");
    if (!l.ok) problems.push(problem("publishedLink", input.publishedLink, l.error));
    else publishedLink = l.url;
  }
  const reviewDate = date("reviewDate", input.reviewDate, problems, false);
  if (reviewDate && assessedOn && reviewDate <= assessedOn)
    problems.push(problem("reviewDate", reviewDate, `the review date (${formatLongDate(reviewDate)}) is not after the assessment (${formatLongDate(assessedOn)})`));
  if (input.ownerId !== undefined && input.ownerId !== null && !(Number.isInteger(input.ownerId) && input.ownerId > 0))
    problems.push(problem("ownerId", input.ownerId, "the owner is a site user id"));
  if (problems.length || !assessedOn || !outcome) return { ok: false, problems };
  return { ok: true, eqia: { title, assessedOn, characteristics, outcome, summary, publishedLink, reviewDate, ownerId: input.ownerId ?? null } };
}

/** A link between an EqIA and an action, read from either side. */
export interface EqiaLink {
  id: number;
  eqiaId: number;
  actionId: number;
  planId: number;
  relation: EqiaRelation;
  /** Shown from the action's side: the EqIA's title and dates (projected with the link). */
  eqiaTitle: string;
  eqiaAssessedOn: string | null;
  eqiaReviewDate: string | null;
  /** Shown from the EqIA's side: the action's reference and short text. */
  actionReference: string;
  actionTitle: string;
}

export function checkRelation(raw: string): { ok: true; relation: EqiaRelation } | { ok: false; problems: MeasureProblem[] } {
  const problems: MeasureProblem[] = [];
  const relation = oneOf("relation", raw, EQIA_RELATIONS, problems);
  return relation ? { ok: true, relation } : { ok: false, problems };
}
