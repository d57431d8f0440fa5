/**
 * The SharePoint list schema, as code. Provisioning creates exactly this; repositories read and write only these
 * internal names. Design inputs (see docs/data-design.md): the 5,000-item list view threshold (every query filters
 * first on an indexed column), at most 20 indexes per list, 255 characters in single-line text, multi-line text and
 * multi-value person columns not indexable, versioning on where history matters.
 */
import {
  ACTION_STATUSES,
  DISPOSITIONS,
  DUE_KINDS,
  DUE_PRECISIONS,
  LEDGER_STATES,
  PLAN_STATUSES,
  REVIEW_DECISIONS,
  UPDATE_KINDS,
} from "../domain/constants.ts";

export type FieldType =
  | "Text"
  | "Note"
  | "Number"
  | "DateTime"
  | "Boolean"
  | "Choice"
  | "MultiChoice"
  | "User"
  | "UserMulti"
  | "Lookup";

export interface FieldDef {
  /** Internal (static) name; never changes once provisioned. */
  name: string;
  /** Display name shown in SharePoint's own list UI. */
  title: string;
  type: FieldType;
  required?: boolean;
  indexed?: boolean;
  unique?: boolean;
  maxLength?: number;
  choices?: readonly string[];
  /** Lookup target: key of the list in LISTS. */
  lookupList?: ListKey;
  /** DateTime columns that hold civil dates only. */
  dateOnly?: boolean;
}

export interface ListDef {
  title: string;
  description: string;
  versioning: boolean;
  /** The built-in Title column's display name (it stays the internal name "Title"). */
  titleLabel: string;
  fields: FieldDef[];
}

export type ListKey =
  | "plans"
  | "roles"
  | "objectives"
  | "commitments"
  | "actions"
  | "updates"
  | "members"
  | "conversations"
  | "ledger";

const importKey: FieldDef = { name: "ImportKey", title: "Import key", type: "Text", indexed: true, unique: true, maxLength: 255 };
const sortOrder: FieldDef = { name: "SortOrder", title: "Order", type: "Number" };
const planLookup: FieldDef = { name: "Plan", title: "Plan", type: "Lookup", lookupList: "plans", indexed: true, required: true };

export const LISTS: Record<ListKey, ListDef> = {
  plans: {
    title: "EAP Plans",
    description: "Equality objectives and action plans, one item per plan period.",
    versioning: true,
    titleLabel: "Plan",
    fields: [
      { name: "Period", title: "Period", type: "Text", maxLength: 9, required: true },
      { name: "PlanStatus", title: "Status", type: "Choice", choices: PLAN_STATUSES, indexed: true, required: true },
      { name: "Predecessor", title: "Predecessor plan", type: "Lookup", lookupList: "plans" },
      { name: "LocalCharacteristics", title: "Local characteristics", type: "Note" },
      importKey,
    ],
  },
  roles: {
    title: "EAP Roles",
    description: "The roles that frame a plan (Community Leader, Service Provider, Employer).",
    versioning: true,
    titleLabel: "Role",
    fields: [planLookup, { name: "Statement", title: "Role statement", type: "Note" }, sortOrder, importKey],
  },
  objectives: {
    title: "EAP Objectives",
    description: "Equality objectives under each role.",
    versioning: true,
    titleLabel: "Objective (short)",
    fields: [
      planLookup,
      { name: "Role", title: "Role", type: "Lookup", lookupList: "roles", indexed: true, required: true },
      { name: "Statement", title: "Objective", type: "Note", required: true },
      { name: "WhyItMatters", title: "Why it matters", type: "Note" },
      { name: "Outcomes", title: "Outcomes and measures", type: "Note" },
      { name: "Connections", title: "Connections to other plans", type: "Note" },
      { name: "Priorities", title: "Strategic plan priorities", type: "Note" },
      { name: "CrossCutting", title: "Cross-cutting objectives", type: "Note" },
      sortOrder,
      importKey,
    ],
  },
  commitments: {
    title: "EAP Commitments",
    description: "\"We will ...\" commitments under an objective.",
    versioning: true,
    titleLabel: "Commitment (short)",
    fields: [
      planLookup,
      { name: "Objective", title: "Objective", type: "Lookup", lookupList: "objectives", indexed: true, required: true },
      { name: "Statement", title: "Commitment", type: "Note", required: true },
      sortOrder,
      importKey,
    ],
  },
  actions: {
    title: "EAP Actions",
    description: "Actions of the plan, with who is responsible and when they are due.",
    versioning: true,
    titleLabel: "Action (short)",
    fields: [
      planLookup,
      { name: "Objective", title: "Objective", type: "Lookup", lookupList: "objectives", indexed: true, required: true },
      { name: "Commitment", title: "Commitment", type: "Lookup", lookupList: "commitments" },
      { name: "Reference", title: "Reference", type: "Text", maxLength: 255 },
      { name: "ActionText", title: "Action", type: "Note", required: true },
      // Single-valued and indexed: "my actions" is one indexed query at any size (multi-value person columns
      // cannot be indexed). Officers lists everyone named; Owner is the accountable one who is reminded.
      { name: "Owner", title: "Accountable officer", type: "User", indexed: true },
      { name: "Officers", title: "Responsible officers", type: "UserMulti" },
      { name: "Teams", title: "Responsible teams", type: "Note" },
      { name: "SuccessMeasures", title: "How will we know this is done?", type: "Note" },
      { name: "DueDate", title: "To be delivered by", type: "DateTime", dateOnly: true, indexed: true },
      { name: "DuePrecision", title: "Due precision", type: "Choice", choices: DUE_PRECISIONS },
      { name: "DueKind", title: "Due kind", type: "Choice", choices: DUE_KINDS },
      { name: "DueText", title: "Due (as written)", type: "Text", maxLength: 255 },
      { name: "ActionStatus", title: "Status", type: "Choice", choices: ACTION_STATUSES, indexed: true, required: true },
      { name: "Disposition", title: "Disposition", type: "Choice", choices: DISPOSITIONS, indexed: true, required: true },
      { name: "Characteristics", title: "Protected characteristics", type: "Note" },
      { name: "CarriedFrom", title: "Carried from", type: "Lookup", lookupList: "actions", indexed: true },
      { name: "LastUpdateAt", title: "Last update", type: "DateTime" },
      { name: "LastUpdateSummary", title: "Last update (summary)", type: "Text", maxLength: 255 },
      { name: "SnoozedUntil", title: "Reminders snoozed until", type: "DateTime" },
      sortOrder,
      importKey,
    ],
  },
  updates: {
    title: "EAP Updates",
    description: "Dated progress updates and review decisions on actions.",
    versioning: true,
    titleLabel: "Update (short)",
    fields: [
      { name: "Action", title: "Action", type: "Lookup", lookupList: "actions", indexed: true, required: true },
      planLookup,
      { name: "UpdateDate", title: "Date", type: "DateTime", indexed: true, required: true },
      { name: "UpdatedBy", title: "Updated by", type: "User" },
      { name: "AuthorName", title: "Author (as written)", type: "Text", maxLength: 255 },
      { name: "Body", title: "Update", type: "Note", required: true },
      { name: "StatusAtTime", title: "Status at the time", type: "Choice", choices: ACTION_STATUSES },
      { name: "UpdateKind", title: "Kind", type: "Choice", choices: UPDATE_KINDS, indexed: true, required: true },
      { name: "Period", title: "Period", type: "Text", maxLength: 7, indexed: true },
      { name: "Decision", title: "Review decision", type: "Choice", choices: REVIEW_DECISIONS },
      { name: "MeetingDate", title: "Meeting date", type: "DateTime", dateOnly: true },
      { name: "RequestedDueDate", title: "Requested new date", type: "DateTime", dateOnly: true },
      importKey,
    ],
  },
  members: {
    title: "EAP Members",
    description: "The equalities lead and EDI group members: they may act on any action and run reviews.",
    versioning: true,
    titleLabel: "Name",
    fields: [
      { name: "Person", title: "Person", type: "User", indexed: true, unique: true, required: true },
      { name: "MemberRole", title: "Role", type: "Choice", choices: ["equalities-lead", "edi-group"], required: true },
      { name: "JobTitle", title: "Job title", type: "Text", maxLength: 255 },
    ],
  },
  conversations: {
    title: "EAP Conversations",
    description: "Teams conversation references the reminder bot uses to reach people (one per person).",
    versioning: false,
    titleLabel: "User principal name",
    fields: [
      { name: "UserObjectId", title: "Entra object id", type: "Text", maxLength: 64, indexed: true, unique: true, required: true },
      { name: "Upn", title: "UPN", type: "Text", maxLength: 255, indexed: true },
      { name: "DisplayName", title: "Display name", type: "Text", maxLength: 255 },
      { name: "ConversationId", title: "Conversation id", type: "Text", maxLength: 255, required: true },
      { name: "ServiceUrl", title: "Service URL", type: "Text", maxLength: 255, required: true },
      { name: "TenantId", title: "Tenant id", type: "Text", maxLength: 64 },
      { name: "Unreachable", title: "Unreachable", type: "Boolean", indexed: true },
      { name: "UnreachableReason", title: "Why unreachable", type: "Text", maxLength: 255 },
    ],
  },
  ledger: {
    title: "EAP Reminder Ledger",
    description: "One row per reminder (action, lead time, officer); the unique key makes each nudge happen once.",
    versioning: false,
    titleLabel: "Reminder",
    fields: [
      { name: "NudgeKey", title: "Key", type: "Text", maxLength: 255, indexed: true, unique: true, required: true },
      { name: "ActionRef", title: "Action id", type: "Number", indexed: true, required: true },
      { name: "Officer", title: "Officer", type: "User", indexed: true },
      { name: "LeadTime", title: "Lead time", type: "Text", maxLength: 32 },
      { name: "RunAt", title: "Run at", type: "DateTime", indexed: true },
      { name: "LedgerState", title: "State", type: "Choice", choices: LEDGER_STATES, indexed: true, required: true },
      { name: "SentAt", title: "Sent at", type: "DateTime" },
      { name: "Attempts", title: "Attempts", type: "Number" },
      { name: "MessageId", title: "Teams message id", type: "Text", maxLength: 255 },
      { name: "ConversationId", title: "Conversation id", type: "Text", maxLength: 255 },
    ],
  },
};

/** Lists in dependency order (lookup targets first). */
export const LIST_ORDER: ListKey[] = [
  "plans",
  "roles",
  "objectives",
  "commitments",
  "actions",
  "updates",
  "members",
  "conversations",
  "ledger",
];

/** SharePoint allows at most 20 indexed columns per list. */
export const MAX_INDEXES_PER_LIST = 20;

export function fieldsOf(key: ListKey): FieldDef[] {
  return LISTS[key].fields;
}

export function fieldDef(key: ListKey, name: string): FieldDef {
  const f = LISTS[key].fields.find((x) => x.name === name);
  if (!f) throw new Error(`No field ${name} in list ${LISTS[key].title}`);
  return f;
}
