/**
 * Step 7, validation: the checks that need the whole file — the plan's name (its period: period.ts), text that
 * became too long only once continued rows were joined, whether anything is left to import — and the one decision
 * that follows: whether a plan may be written at all (all or nothing, unless the person chose to leave bad rows out).
 */
import { MULTI_LINE_MAX, SINGLE_LINE_MAX } from "../../domain/types.ts";
import type { ImportProblem } from "../types.ts";
import type { Draft } from "./build-drafts.ts";
import { short } from "./text.ts";

export function checkPlanTitle(raw: string): { title: string; problems: ImportProblem[] } {
  const title = raw.trim();
  if (!title) return { title, problems: [{ reason: "bad-plan", place: {}, value: "", message: "Give the new plan a name." }] };
  if (title.length > SINGLE_LINE_MAX)
    return { title, problems: [{ reason: "bad-plan", place: {}, value: short(title), message: `The plan's name is ${title.length} characters; SharePoint keeps at most ${SINGLE_LINE_MAX}.` }] };
  return { title, problems: [] };
}

/** Merged rows can make text too long only after merging; the totals are checked once, at the end. */
export function checkJoinedLengths(drafts: readonly Draft[], problems: readonly ImportProblem[]): ImportProblem[] {
  const out: ImportProblem[] = [];
  for (const d of drafts) {
    const text = d.actionLines.join("\n");
    if (text.length > MULTI_LINE_MAX && !problems.some((p) => p.rowKey === d.rowKey && p.reason === "too-long"))
      out.push({ reason: "too-long", place: { ...d.place, column: d.columns.action }, value: short(text), message: `An action may be at most ${MULTI_LINE_MAX} characters (it has ${text.length}).`, rowKey: d.rowKey });
    for (const [f, v] of [["officer", d.teams.join("\n")], ["measures", d.measures.join("\n")], ["update", d.update]] as const) {
      if (v.length > MULTI_LINE_MAX)
        out.push({ reason: "too-long", place: { ...d.place, column: d.columns[f] }, value: short(v), message: `This cell may be at most ${MULTI_LINE_MAX} characters (it has ${v.length}).`, rowKey: d.rowKey });
    }
  }
  return out;
}

export interface Verdict {
  /** Rows (by key) with a problem of their own. */
  badRows: Set<string>;
  /** The drafts that will be written. */
  kept: Draft[];
  /** Whether a plan may be written at all. */
  writable: boolean;
  /** A problem to add when nothing is left to import. */
  nothingLeft?: ImportProblem;
}

export function decide(drafts: readonly Draft[], problems: readonly ImportProblem[], skipInvalid: boolean): Verdict {
  const badRows = new Set(problems.filter((p) => p.rowKey).map((p) => p.rowKey!));
  const fileProblems = problems.some((p) => !p.rowKey);
  const blocking = fileProblems || (badRows.size > 0 && !skipInvalid);
  const kept = drafts.filter((d) => !badRows.has(d.rowKey) && d.roleIndex >= 0 && d.objectiveIndex >= 0);
  const nothingLeft: ImportProblem | undefined =
    !blocking && kept.length === 0
      ? { reason: "missing-value", place: {}, value: "", message: drafts.length ? "Every action has a problem, so nothing is left to import." : "No action was found under the header row." }
      : undefined;
  return { badRows, kept, writable: !blocking && kept.length > 0, nothingLeft };
}
