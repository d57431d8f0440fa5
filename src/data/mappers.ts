/**
 * Mapping between list items (internal names in schema.ts) and domain types. Reads validate nothing beyond
 * shape: SharePoint is the source of truth and people may edit lists in SharePoint's own UI.
 */
import { ACTION_STATUSES, DISPOSITIONS } from "../domain/constants.ts";
import type {
  Action,
  ActionStatus,
  ActionUpdate,
  Commitment,
  ConversationRef,
  Disposition,
  DueKind,
  DuePrecision,
  LedgerEntry,
  LedgerState,
  Objective,
  Person,
  Plan,
  PlanStatus,
  ReviewDecision,
  Role,
  UpdateKind,
} from "../domain/types.ts";
import type { Item } from "./lists.ts";
import { etagOf, fromKeys, fromLines, fromSpDate, fromSpInstant, idList, idOrNull } from "./values.ts";

const str = (v: unknown) => (typeof v === "string" ? v : v === null || v === undefined ? "" : String(v));
const num = (v: unknown) => (typeof v === "number" ? v : Number(v) || 0);

export const PERSON_PROJECTION = (field: string) => [`${field}/Id`, `${field}/Title`, `${field}/EMail`];

export function personFrom(value: unknown): Person | null {
  if (!value || typeof value !== "object") return null;
  const v = value as { Id?: number; Title?: string; EMail?: string; Email?: string };
  if (!v.Id) return null;
  return { id: v.Id, name: v.Title ?? "", email: v.EMail ?? v.Email ?? "" };
}

export function peopleFrom(value: unknown): Person[] {
  const arr = Array.isArray(value) ? value : (value as { results?: unknown[] } | null)?.results;
  return (arr ?? []).map(personFrom).filter((p): p is Person => p !== null);
}

export const PLAN_SELECT = ["Id", "Title", "Period", "PlanStatus", "PredecessorId", "LocalCharacteristics"] as const;

export function planFrom(i: Item): Plan {
  return {
    id: i.Id,
    title: str(i.Title),
    period: str(i.Period),
    status: (str(i.PlanStatus) || "active") as PlanStatus,
    predecessorId: idOrNull(i.PredecessorId),
    localCharacteristics: fromKeys(i.LocalCharacteristics),
    etag: etagOf(i),
  };
}

export const ROLE_SELECT = ["Id", "Title", "PlanId", "Statement", "SortOrder"] as const;
export function roleFrom(i: Item): Role {
  return { id: i.Id, planId: num(i.PlanId), name: str(i.Title), statement: str(i.Statement), order: num(i.SortOrder) };
}

export const OBJECTIVE_SELECT = [
  "Id",
  "PlanId",
  "RoleId",
  "Statement",
  "WhyItMatters",
  "Outcomes",
  "Connections",
  "Priorities",
  "CrossCutting",
  "SortOrder",
] as const;
export function objectiveFrom(i: Item): Objective {
  return {
    id: i.Id,
    planId: num(i.PlanId),
    roleId: num(i.RoleId),
    statement: str(i.Statement),
    whyItMatters: fromLines(i.WhyItMatters),
    outcomes: fromLines(i.Outcomes),
    connections: fromLines(i.Connections),
    priorities: fromLines(i.Priorities),
    crossCutting: fromLines(i.CrossCutting),
    order: num(i.SortOrder),
  };
}

export const COMMITMENT_SELECT = ["Id", "PlanId", "ObjectiveId", "Statement", "SortOrder"] as const;
export function commitmentFrom(i: Item): Commitment {
  return { id: i.Id, planId: num(i.PlanId), objectiveId: num(i.ObjectiveId), statement: str(i.Statement), order: num(i.SortOrder) };
}

/** An action with the people it names, as one query returns them (person columns expanded). */
export interface ActionRecord extends Action {
  owner: Person | null;
  officers: Person[];
}

export const ACTION_SELECT = [
  "Id",
  "PlanId",
  "ObjectiveId",
  "CommitmentId",
  "Reference",
  "ActionText",
  "OwnerId",
  "OfficersId",
  "Teams",
  "SuccessMeasures",
  "DueDate",
  "DuePrecision",
  "DueKind",
  "DueText",
  "ActionStatus",
  "Disposition",
  "Characteristics",
  "CarriedFromId",
  "LastUpdateAt",
  "LastUpdateSummary",
  "SnoozedUntil",
  "SortOrder",
  "Modified",
  ...PERSON_PROJECTION("Owner"),
  ...PERSON_PROJECTION("Officers"),
] as const;
export const ACTION_EXPAND = ["Owner", "Officers"] as const;

export function actionFrom(i: Item): ActionRecord {
  const status = str(i.ActionStatus) as ActionStatus;
  const disposition = str(i.Disposition) as Disposition;
  return {
    id: i.Id,
    planId: num(i.PlanId),
    objectiveId: num(i.ObjectiveId),
    commitmentId: idOrNull(i.CommitmentId),
    reference: str(i.Reference),
    text: str(i.ActionText),
    ownerId: idOrNull(i.OwnerId),
    officerIds: idList(i.OfficersId),
    teams: str(i.Teams),
    successMeasures: fromLines(i.SuccessMeasures),
    due: {
      date: fromSpDate(i.DueDate),
      precision: (str(i.DuePrecision) || "day") as DuePrecision,
      kind: (str(i.DueKind) || "deliver-by") as DueKind,
      text: str(i.DueText),
    },
    status: ACTION_STATUSES.includes(status) ? status : "not-started",
    disposition: DISPOSITIONS.includes(disposition) ? disposition : "open",
    characteristics: fromKeys(i.Characteristics),
    carriedFromId: idOrNull(i.CarriedFromId),
    order: num(i.SortOrder),
    lastUpdateAt: fromSpInstant(i.LastUpdateAt),
    lastUpdateSummary: str(i.LastUpdateSummary) || null,
    snoozedUntil: fromSpInstant(i.SnoozedUntil),
    modifiedAt: fromSpInstant(i.Modified) ?? undefined,
    etag: etagOf(i),
    owner: personFrom(i.Owner),
    officers: peopleFrom(i.Officers),
  };
}

export const UPDATE_SELECT = [
  "Id",
  "ActionId",
  "PlanId",
  "UpdateDate",
  "UpdatedById",
  "AuthorName",
  "Body",
  "StatusAtTime",
  "UpdateKind",
  "Period",
  "Decision",
  "MeetingDate",
  "RequestedDueDate",
  ...PERSON_PROJECTION("UpdatedBy"),
] as const;
export const UPDATE_EXPAND = ["UpdatedBy"] as const;

export interface UpdateRecord extends ActionUpdate {
  author: Person | null;
}

export function updateFrom(i: Item): UpdateRecord {
  const author = personFrom(i.UpdatedBy);
  return {
    id: i.Id,
    actionId: num(i.ActionId),
    planId: num(i.PlanId),
    date: fromSpInstant(i.UpdateDate) ?? "",
    authorId: idOrNull(i.UpdatedById),
    authorName: str(i.AuthorName) || author?.name || "",
    text: str(i.Body),
    statusAtTime: (str(i.StatusAtTime) || null) as ActionStatus | null,
    kind: (str(i.UpdateKind) || "progress") as UpdateKind,
    period: str(i.Period),
    decision: (str(i.Decision) || null) as ReviewDecision | null,
    meetingDate: fromSpDate(i.MeetingDate),
    requestedDueDate: fromSpDate(i.RequestedDueDate),
    author,
  };
}

export const CONVERSATION_SELECT = [
  "Id",
  "Title",
  "UserObjectId",
  "Upn",
  "DisplayName",
  "ConversationId",
  "ServiceUrl",
  "TenantId",
  "Unreachable",
  "UnreachableReason",
] as const;
export function conversationFrom(i: Item): ConversationRef {
  return {
    id: i.Id,
    userId: str(i.UserObjectId),
    upn: str(i.Upn),
    name: str(i.DisplayName),
    conversationId: str(i.ConversationId),
    serviceUrl: str(i.ServiceUrl),
    tenantId: str(i.TenantId),
    unreachable: i.Unreachable === true,
    unreachableReason: str(i.UnreachableReason) || null,
    etag: etagOf(i),
  };
}

export const LEDGER_SELECT = ["Id", "NudgeKey", "ActionRef", "OfficerId", "LeadTime", "RunAt", "LedgerState", "SentAt", "Attempts"] as const;
export function ledgerFrom(i: Item): LedgerEntry {
  return {
    id: i.Id,
    key: str(i.NudgeKey),
    actionId: num(i.ActionRef),
    officerId: num(i.OfficerId),
    leadTime: str(i.LeadTime),
    runAt: fromSpInstant(i.RunAt) ?? "",
    state: (str(i.LedgerState) || "pending") as LedgerState,
    sentAt: fromSpInstant(i.SentAt),
    attempts: num(i.Attempts),
    etag: etagOf(i),
  };
}
