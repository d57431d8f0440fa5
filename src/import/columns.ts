/**
 * Recognising columns by meaning: "How will we know that this is done?", "Success measure" and "Outcome" all mean
 * the success measures. Headers are compared lower-case without punctuation; a mapping given by the person wins.
 */
import { IMPORT_FIELDS, type ColumnMapping, type ImportField } from "./types.ts";

/** Normalised header → field. Order matters only for readability; matching tries exact, then prefix, then words. */
const SYNONYMS: Record<ImportField, string[]> = {
  role: ["role", "roles", "our role", "council role", "role and responsibility"],
  objective: ["objective", "objectives", "equality objective", "aim", "aims", "goal", "goals", "priority", "outcome we want"],
  commitment: ["commitment", "commitments", "we will", "what we will achieve"],
  action: ["action", "actions", "what we will do", "action to be taken", "actions to be taken", "activity", "activities", "task", "tasks", "action description"],
  reference: ["ref", "reference", "ref no", "reference number", "action ref", "action reference", "no", "number", "id"],
  officer: [
    "responsible officer",
    "responsible officers",
    "responsible",
    "lead",
    "lead officer",
    "leads",
    "owner",
    "action owner",
    "who",
    "who is responsible",
    "officer",
    "officers",
    "responsibility",
    "lead team",
    "team",
  ],
  measures: [
    "how will we know",
    "how will we know that this is done",
    "how will we know that this done",
    "how will we know this is done",
    "how we will know",
    "success measure",
    "success measures",
    "measure",
    "measures",
    "measure of success",
    "measures of success",
    "outcome",
    "outcomes",
    "success criteria",
    "kpi",
    "kpis",
    "performance measure",
  ],
  due: [
    "to be delivered by",
    "delivered by",
    "due",
    "due date",
    "deadline",
    "by when",
    "when",
    "target date",
    "timescale",
    "timescales",
    "target",
    "completion date",
    "date",
    "delivery date",
  ],
  status: ["status", "rag", "rag status", "progress status", "current status"],
  update: ["update", "updates", "progress", "progress update", "latest update", "comments", "commentary", "notes"],
};

export const FIELD_LABELS: Record<ImportField, string> = {
  role: "Role",
  objective: "Objective",
  commitment: "Commitment",
  action: "Action",
  reference: "Reference",
  officer: "Responsible officer",
  measures: "How will we know (success measures)",
  due: "To be delivered by",
  status: "Status",
  update: "Progress update",
};

/** Lower case, punctuation and "(s)" removed, spaces collapsed: "How will we know that this is done?" → "how will we know that this is done". */
export function normaliseHeader(header: string): string {
  return header
    .toLowerCase()
    .replace(/\(s\)/g, "")
    .replace(/[’']/g, "")
    .replace(/[^a-z0-9]+/g, " ")
    .trim();
}

const EXACT = new Map<string, ImportField>();
for (const f of IMPORT_FIELDS) for (const s of SYNONYMS[f]) EXACT.set(s, f);

/** The field a header means, or null. */
export function fieldForHeader(header: string, mapping: ColumnMapping = {}): ImportField | "ignore" | null {
  const h = normaliseHeader(header);
  if (!h) return null;
  for (const [k, v] of Object.entries(mapping)) if (normaliseHeader(k) === h) return v;
  const exact = EXACT.get(h);
  if (exact) return exact;
  // "How will we know that this has been achieved?" and "Responsible officer(s) / team": a known phrase at the start.
  let best: { field: ImportField; len: number } | null = null;
  for (const [s, f] of EXACT) {
    if (s.length >= 3 && (h.startsWith(`${s} `) || h.endsWith(` ${s}`)) && (!best || s.length > best.len)) best = { field: f, len: s.length };
  }
  return best?.field ?? null;
}

/** Reads `--map "Actions=action,Lead=officer"`; errors name the bad part. */
export function parseMapping(spec: string): { ok: true; mapping: ColumnMapping } | { ok: false; error: string } {
  const mapping: ColumnMapping = {};
  for (const part of spec.split(",").map((s) => s.trim()).filter(Boolean)) {
    const eq = part.lastIndexOf("=");
    if (eq <= 0) return { ok: false, error: `"${part}" is not HEADER=FIELD (e.g. "Lead=officer")` };
    const header = part.slice(0, eq).trim();
    const field = part.slice(eq + 1).trim().toLowerCase();
    if (field !== "ignore" && !(IMPORT_FIELDS as readonly string[]).includes(field))
      return { ok: false, error: `"${field}" in "${part}" is not a field; use one of ${IMPORT_FIELDS.join(", ")} or ignore` };
    mapping[header] = field as ImportField | "ignore";
  }
  return { ok: true, mapping };
}
