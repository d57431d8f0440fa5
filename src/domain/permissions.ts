/**
 * Who may do what to which action and which of its fields: the ONE rule the server's write API, the bot's card
 * actions and the tab's controls apply (the tab only to hide what would be refused; the server decides).
 *
 * A person holds roles on an action: the equalities lead, a member of the EDI group, or one of the action's
 * responsible officers (its accountable owner or one of its officers). People are matched by site user id where
 * both sides know it, else by UPN (never by email: a UPN may differ from the mail, and some people have none).
 * A refusal carries a reason code (for programs) and a sentence an officer understands (for people).
 */

export type PlanRole = "lead" | "edi-group" | "officer";

/** A person as the rule sees them: their site user id (when known) and their UPN (lower-case compared). */
export interface Who {
  id?: number | null;
  upn?: string | null;
}

/** The people an action names: its accountable officer and everyone responsible. */
export interface ActionPeople {
  owner: Who | null;
  officers: readonly Who[];
}

/** The equalities lead(s) and the EDI group's members (the leads' group owns the EDI group). */
export interface GroupPeople {
  leads: readonly Who[];
  members: readonly Who[];
}

/** The same person: same site user id when both are known, else the same non-empty UPN. */
export function samePerson(a: Who, b: Who): boolean {
  if (a.id && b.id) return a.id === b.id;
  const x = (a.upn ?? "").trim().toLowerCase();
  return x !== "" && x === (b.upn ?? "").trim().toLowerCase();
}

/** The roles `caller` holds in the plan (lead, EDI group), without reference to an action. */
export function planRolesOf(caller: Who, group: GroupPeople): Set<PlanRole> {
  const roles = new Set<PlanRole>();
  if (group.leads.some((p) => samePerson(caller, p))) roles.add("lead");
  if (group.members.some((p) => samePerson(caller, p))) roles.add("edi-group");
  return roles;
}

/** The roles `caller` holds on one action: the plan's roles, and "officer" when the action names them. */
export function rolesOn(caller: Who, action: ActionPeople, group: GroupPeople): Set<PlanRole> {
  const roles = planRolesOf(caller, group);
  const named = [action.owner, ...action.officers].some((p) => p !== null && samePerson(caller, p));
  if (named) roles.add("officer");
  return roles;
}

/** What a person may ask for. */
export const ACTION_COMMANDS = [
  "add-update",
  "complete",
  "propose-due-date",
  "change-due-date",
  "decide-proposal",
  "edit-action",
  "review-decision",
  "snooze",
  "record-value",
  "add-evidence",
  "remove-evidence",
] as const;
export type ActionCommand = (typeof ACTION_COMMANDS)[number];
export const PLAN_COMMANDS = ["rollover", "import", "edit-eqias", "publication-decision", "cover-report", "handover"] as const;
export type PlanCommand = (typeof PLAN_COMMANDS)[number];

export type RefusalReason = "not-responsible" | "not-edi-group" | "not-lead" | "field-not-allowed";

export type Decision = { allowed: true } | { allowed: false; reason: RefusalReason; message: string };

const ALLOWED: Decision = Object.freeze({ allowed: true });

/** Who may ask for each command: any of these roles. */
const WHO_MAY: Record<ActionCommand | PlanCommand, readonly PlanRole[]> = {
  "add-update": ["officer", "edi-group", "lead"],
  complete: ["officer", "edi-group", "lead"],
  // Anyone responsible may propose; only the lead changes a date (an officer's change becomes a proposal).
  "propose-due-date": ["officer", "edi-group", "lead"],
  "change-due-date": ["lead"],
  "decide-proposal": ["lead"],
  "edit-action": ["officer", "edi-group", "lead"],
  "review-decision": ["edi-group", "lead"],
  snooze: ["officer", "edi-group", "lead"],
  // An indicator's values and the evidence of progress are reported by those who report on the action.
  "record-value": ["officer", "edi-group", "lead"],
  "add-evidence": ["officer", "edi-group", "lead"],
  // Evidence linked by mistake (a wrong document, a broken link) is taken off by those who may link it.
  "remove-evidence": ["officer", "edi-group", "lead"],
  // The plan's steward's own tools.
  rollover: ["lead"],
  import: ["lead"],
  "publication-decision": ["lead"],
  "cover-report": ["lead"],
  handover: ["lead"],
  // The EqIA register and its links to actions are the EDI group's to keep.
  "edit-eqias": ["edi-group", "lead"],
};

const REFUSALS: Record<ActionCommand | PlanCommand, { reason: RefusalReason; message: string }> = {
  "add-update": { reason: "not-responsible", message: "Only the officers named on this action, the EDI group and the equalities lead can add updates to it." },
  complete: { reason: "not-responsible", message: "Only the officers named on this action, the EDI group and the equalities lead can mark it complete." },
  "propose-due-date": {
    reason: "not-responsible",
    message: "Only the officers named on this action, the EDI group and the equalities lead can ask for a new delivery date.",
  },
  "change-due-date": { reason: "not-lead", message: "Only the equalities lead can change the delivery date; ask for a new date instead." },
  "decide-proposal": { reason: "not-lead", message: "Only the equalities lead can accept or decline a proposed delivery date." },
  "edit-action": { reason: "not-responsible", message: "Only the officers named on this action, the EDI group and the equalities lead can edit it." },
  "review-decision": { reason: "not-edi-group", message: "Only the EDI group and the equalities lead can record review decisions." },
  snooze: { reason: "not-responsible", message: "Only the officers named on this action, the EDI group and the equalities lead can snooze its reminders." },
  "record-value": {
    reason: "not-responsible",
    message: "Only the officers named on this action, the EDI group and the equalities lead can record its indicators' values.",
  },
  "add-evidence": { reason: "not-responsible", message: "Only the officers named on this action, the EDI group and the equalities lead can add evidence to it." },
  "remove-evidence": {
    reason: "not-responsible",
    message: "Only the officers named on this action, the EDI group and the equalities lead can remove evidence from it.",
  },
  "edit-eqias": { reason: "not-edi-group", message: "Only the EDI group and the equalities lead can add, change or link equality impact assessments." },
  rollover: { reason: "not-lead", message: "Only the equalities lead can roll the plan over." },
  import: { reason: "not-lead", message: "Only the equalities lead can import a plan." },
  "publication-decision": { reason: "not-lead", message: "Only the equalities lead approves or withholds updates for publication." },
  "cover-report": { reason: "not-lead", message: "Only the equalities lead writes the covering report." },
  handover: { reason: "not-lead", message: "Only the equalities lead hands actions over." },
};

export function mayDo(command: ActionCommand | PlanCommand, roles: ReadonlySet<PlanRole>): Decision {
  if (WHO_MAY[command].some((r) => roles.has(r))) return ALLOWED;
  return { allowed: false, ...REFUSALS[command] };
}

/** An action's fields as a person edits them (the due date has its own rule: see dueDateChange). */
export const ACTION_FIELDS = ["status", "teams", "successMeasures", "characteristics", "text", "owner", "officers", "due"] as const;
export type ActionField = (typeof ACTION_FIELDS)[number];

export const ACTION_FIELD_LABELS: Record<ActionField, string> = {
  status: "status",
  teams: "responsible teams",
  successMeasures: "success measures",
  characteristics: "protected characteristics",
  text: "action's wording",
  owner: "accountable officer",
  officers: "responsible officers",
  due: "delivery date",
};

/**
 * The fields each role may edit directly. Officers report on their work (status, teams, how success is measured);
 * the EDI group also tags the characteristics an action serves; only the lead changes what the plan commits to
 * (its wording), who is accountable and when it is due.
 */
const FIELDS_OF: Record<PlanRole, readonly ActionField[]> = {
  officer: ["status", "teams", "successMeasures"],
  "edi-group": ["status", "teams", "successMeasures", "characteristics"],
  lead: ACTION_FIELDS,
};

export function editableFields(roles: ReadonlySet<PlanRole>): Set<ActionField> {
  const out = new Set<ActionField>();
  for (const r of roles) for (const f of FIELDS_OF[r]) out.add(f);
  return out;
}

/**
 * Whether these roles may edit every field named (the due date excepted for those who may propose one: their
 * change becomes a proposal, see dueDateChange). Refuses naming the first field that is not theirs.
 */
export function mayEdit(fields: readonly ActionField[], roles: ReadonlySet<PlanRole>): Decision {
  const who = mayDo("edit-action", roles);
  if (!who.allowed) return who;
  const allowed = editableFields(roles);
  const denied = fields.find((f) => f !== "due" && !allowed.has(f));
  if (!denied) return ALLOWED;
  const by = denied === "characteristics" ? "the EDI group and the equalities lead" : "the equalities lead";
  return { allowed: false, reason: "field-not-allowed", message: `Only ${by} can change the ${ACTION_FIELD_LABELS[denied]}.` };
}

/** How a due-date change by these roles is made: written by the lead, a proposal from anyone else responsible. */
export function dueDateChange(roles: ReadonlySet<PlanRole>): "direct" | "proposal" | null {
  if (mayDo("change-due-date", roles).allowed) return "direct";
  return mayDo("propose-due-date", roles).allowed ? "proposal" : null;
}
