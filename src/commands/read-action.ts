/**
 * Every action command starts here: ONE $batch reads the EDI group (with the equalities lead) and the action as it
 * is now, with its ETag; the caller's roles on it come from the domain's rule. The person the caller is on the site
 * (the update's author) is found among the people the action and the group name, matched on the site user id
 * (when the caller's is known) or the UPN, never on what a request says.
 */
import type { ActionRecord } from "../data/actions/index.ts";
import { getAction } from "../data/actions/repository.ts";
import { settleBatch } from "../data/batching.ts";
import type { SPFI } from "../data/create-sp.ts";
import { DataError, toDataError } from "../data/errors.ts";
import type { IndicatorValueRecord } from "../data/indicator-values/mapping.ts";
import type { IndicatorRecord } from "../data/indicators/mapping.ts";
import { getEvidence } from "../data/evidence/repository.ts";
import { getActionIndicators, getIndicator } from "../data/indicators/repository.ts";
import { type EdiGroup, getEdiGroup } from "../data/members/repository.ts";
import { proposalDecisionKey, submissionKey, type UpdateRecord } from "../data/updates/mapping.ts";
import { getUpdate } from "../data/updates/publication.ts";
import { getUpdateByKey } from "../data/updates/repository.ts";
import { type ActionCommand, type GroupPeople, mayDo, type PlanRole, rolesOn, samePerson, type Who } from "../domain/permissions.ts";
import type { Evidence } from "../domain/evidence.ts";
import type { Person } from "../domain/types.ts";
import type { Caller, CommandContext } from "./context.ts";
import { CommandError } from "./errors.ts";
import { changesSince, type Seen } from "./seen.ts";

export interface ActionRead {
  action: ActionRecord;
  group: EdiGroup;
  roles: Set<PlanRole>;
  /** The site user the caller is (the update's author); null when they hold no role. */
  author: Person | null;
}

export const callerWho = (c: Pick<Caller, "upn" | "siteUserId">): Who => ({ id: c.siteUserId ?? null, upn: c.upn });

export function groupPeople(group: EdiGroup): GroupPeople {
  return {
    leads: group.members.filter((m) => m.role === "equalities-lead").map((m) => m.person),
    members: group.members.filter((m) => m.role === "edi-group").map((m) => m.person),
  };
}

/** The caller's roles on `action` and the site user they are (from the action's people, else the group's). */
export function judge(caller: Pick<Caller, "upn" | "siteUserId">, action: ActionRecord, group: EdiGroup): Omit<ActionRead, "action" | "group"> {
  const who = callerWho(caller);
  const roles = rolesOn(who, { owner: action.owner, officers: action.officers }, groupPeople(group));
  const people = [action.owner, ...action.officers, ...group.members.map((m) => m.person)].filter((p): p is Person => p !== null);
  return { roles, author: roles.size ? (people.find((p) => samePerson(who, p)) ?? null) : null };
}

export interface ReadExtras {
  /** The submission's key: an update already saved under it (a retry whose answer was lost) is found, not redone. */
  submissionKey?: string;
  /** A date-change request, with the answer already given to it, if any. */
  proposalId?: number;
  /** One of the action's indicators (a value recorded): not found unless it belongs to the action. */
  indicatorId?: number;
  /** One of the action's evidence items (removing it): not found unless it belongs to the action. */
  evidenceId?: number;
  /** All of the action's indicators (values recorded with an update). */
  indicators?: boolean;
}

export interface ActionReadWith extends ActionRead {
  /** The update already saved under the submission's key. */
  submitted: UpdateRecord | null;
  proposal: UpdateRecord | null;
  answer: UpdateRecord | null;
  indicator?: IndicatorRecord | null;
  evidence?: Evidence | null;
  indicators?: IndicatorRecord[] | null;
  /** Every revision of `indicator`'s values, when the caller read them in its own $batch (a card's press). */
  indicatorValues?: IndicatorValueRecord[] | null;
}

const gone = (e: { ok: boolean; error?: unknown }) => !e.ok && toDataError(e.error).reason === "not-found";

/** ONE $batch: the group, the action, and what `extras` asks for. */
export async function readAction(ctx: CommandContext, caller: Caller, actionId: number, extras: ReadExtras = {}): Promise<ActionReadWith> {
  const { submissionKey: key, proposalId, indicatorId, evidenceId, indicators: withIndicators } = extras;
  const [groupPart, actionPart, submittedPart, proposalPart, answerPart, indicatorPart, evidencePart, indicatorsPart] = await settleBatch<unknown>(ctx.sp, (b) => [
    getEdiGroup(b),
    getAction(b, actionId),
    key ? getUpdateByKey(b, submissionKey(key)) : Promise.resolve(null),
    proposalId ? getUpdate(b, proposalId) : Promise.resolve(null),
    proposalId ? getUpdateByKey(b, proposalDecisionKey(proposalId)) : Promise.resolve(null),
    indicatorId ? getIndicator(b, indicatorId) : Promise.resolve(null),
    evidenceId ? getEvidence(b, evidenceId) : Promise.resolve(null),
    withIndicators ? getActionIndicators(b, actionId) : Promise.resolve(null),
  ]);
  if (!groupPart.ok) throw toDataError(groupPart.error, "Reading the EDI group");
  if (gone(actionPart)) throw new CommandError("not-found", "This action no longer exists in the plan. Nothing was saved.");
  if (gone(proposalPart)) throw new CommandError("not-found", "This proposed date no longer exists. Nothing was saved.");
  const noIndicator = () => new CommandError("not-found", "This indicator is no longer one of the action's. Nothing was saved.");
  if (gone(indicatorPart)) throw noIndicator();
  const noEvidence = () => new CommandError("not-found", "This evidence is no longer linked to the action. Nothing was changed.");
  if (gone(evidencePart)) throw noEvidence();
  for (const [part, what] of [
    [actionPart, `Reading action ${actionId}`],
    [submittedPart, "Looking for an update already saved"],
    [proposalPart, "Reading the proposed date"],
    [answerPart, "Reading the answer to the proposed date"],
    [indicatorPart, `Reading indicator ${indicatorId}`],
    [evidencePart, `Reading evidence ${evidenceId}`],
    [indicatorsPart, "Reading the action's indicators"],
  ] as const) {
    if (!part.ok) throw toDataError(part.error, what);
  }
  const value = <T>(p: unknown) => (p as { value: T }).value;
  const action = value<ActionRecord>(actionPart);
  const group = value<EdiGroup>(groupPart);
  const indicator = value<IndicatorRecord | null>(indicatorPart);
  if (indicator && indicator.actionId !== actionId) throw noIndicator();
  const evidence = value<Evidence | null>(evidencePart);
  if (evidence && evidence.actionId !== actionId) throw noEvidence();
  return {
    action,
    group,
    ...judge(caller, action, group),
    submitted: value<UpdateRecord | null>(submittedPart),
    proposal: value<UpdateRecord | null>(proposalPart),
    answer: value<UpdateRecord | null>(answerPart),
    indicator,
    evidence,
    indicators: value<IndicatorRecord[] | null>(indicatorsPart),
  };
}

/** Refuses (403, with the rule's words) unless the caller's roles allow `command`; the author otherwise. */
export function allow(read: Pick<ActionRead, "roles" | "author">, command: ActionCommand): Person {
  const d = mayDo(command, read.roles);
  if (!d.allowed) throw new CommandError(d.reason, `${d.message} Nothing was saved.`);
  if (!read.author) throw new CommandError("not-responsible", "You are not named on this action. Nothing was saved.");
  return read.author;
}

/** Refuses when the action is not as the person saw it: what changed is reported, nothing is overwritten. */
export function expectSeen(seen: Seen | undefined, action: ActionRecord): void {
  if (!seen) return;
  const changes = changesSince(seen, action);
  if (changes.length) throw conflictError(action, changes);
}

export function conflictError(current: ActionRecord, changes: ReturnType<typeof changesSince>): CommandError {
  const what = changes.length ? changes.map((c) => c.label.toLowerCase()).join(", ") : "the action";
  return new CommandError("conflict", `Nothing was saved: someone changed this action since you opened it (${what}). Check and submit again.`, { changes, current });
}

/** Refuses recording more on an action that was settled at review. */
export function expectOpen(action: ActionRecord): void {
  if (action.disposition !== "open")
    throw new CommandError("action-closed", "This action has been settled at review (closed, carried on or developed in the new plan). Nothing was saved.");
}

/**
 * Runs a write made with the ETag just read. A 412 (someone wrote between our read and our write) re-reads the
 * action and reports what changed against what the person saw; nothing is retried over their change.
 */
export async function writeOrConflict<T>(sp: SPFI, read: ActionRead, seen: Seen | undefined, write: () => Promise<T>): Promise<T> {
  try {
    return await write();
  } catch (err) {
    if (!(err instanceof DataError && err.reason === "conflict")) throw err;
    const current = await getAction(sp, read.action.id);
    throw conflictError(current, changesSince(seen ?? {}, current));
  }
}
