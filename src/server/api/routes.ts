/**
 * The write API's routes: one POST per command, the action (and a proposal) named in the path, the rest in a JSON
 * body that the command's own schema parses (src/commands/inputs.ts). The path's ids win over any in the body.
 * The EqIA register is not an action's: its routes name the assessment (/api/eqias/…).
 */
import {
  addEvidence,
  addUpdate,
  type Caller,
  type CommandContext,
  type CommandResult,
  decideProposal,
  type EqiaResult,
  editAction,
  IMPORT_BODY_MAX_BYTES,
  type ImportPlanResult,
  importPlan,
  linkEqia,
  markComplete,
  proposeDueDate,
  recordReviewDecision,
  recordValue,
  readAsLead,
  type RolloverCommandResult,
  rollover,
  removeEvidence,
  saveEqia,
  snooze,
  unlinkEqia,
} from "../../commands/index.ts";
import {
  type ApproveAllResult,
  approveAllShown,
  approvePublication,
  type CoverReportResult,
  type PublicationResult,
  type ReassignCommandResult,
  reassign,
  saveCover,
  withholdPublication,
} from "../../commands/index.ts";

/** What the equalities lead's own commands answer (an update, a period's approvals, a report, a handover, a plan). */
type LeadResult = PublicationResult | ApproveAllResult | CoverReportResult | ReassignCommandResult | ImportPlanResult | RolloverCommandResult;

type Run = (ctx: CommandContext, caller: Caller, input: never) => Promise<CommandResult | EqiaResult | LeadResult>;

export interface Route {
  pattern: RegExp;
  /** The input: the JSON body with the ids the path names. */
  input(body: Record<string, unknown>, ids: number[]): Record<string, unknown>;
  run: Run;
  /** The body's size cap when it is not the API's default (a route that takes a file). */
  maxBytes?: number;
  /** Refuses a caller before the body is read (the command checks again: this only spares the upload). */
  allowed?: (ctx: CommandContext, caller: Caller) => Promise<void>;
}

const withAction = (body: Record<string, unknown>, [actionId]: number[]) => ({ ...body, actionId });
const withEqia = (body: Record<string, unknown>, [eqiaId]: number[]) => ({ ...body, eqiaId });

export const ROUTES: readonly Route[] = [
  { pattern: /^\/api\/actions\/(\d+)\/updates$/, input: withAction, run: addUpdate as Run },
  { pattern: /^\/api\/actions\/(\d+)\/complete$/, input: withAction, run: markComplete as Run },
  { pattern: /^\/api\/actions\/(\d+)\/due-date-proposals$/, input: withAction, run: proposeDueDate as Run },
  {
    pattern: /^\/api\/actions\/(\d+)\/due-date-proposals\/(\d+)\/decision$/,
    input: (body, [actionId, proposalId]) => ({ ...body, actionId, proposalId }),
    run: decideProposal as Run,
  },
  { pattern: /^\/api\/actions\/(\d+)\/edit$/, input: withAction, run: editAction as Run },
  { pattern: /^\/api\/actions\/(\d+)\/review-decisions$/, input: withAction, run: recordReviewDecision as Run },
  { pattern: /^\/api\/actions\/(\d+)\/snooze$/, input: withAction, run: snooze as Run },
  { pattern: /^\/api\/actions\/(\d+)\/values$/, input: withAction, run: recordValue as Run },
  { pattern: /^\/api\/actions\/(\d+)\/evidence$/, input: withAction, run: addEvidence as Run },
  {
    pattern: /^\/api\/actions\/(\d+)\/evidence\/(\d+)\/remove$/,
    input: (body, [actionId, evidenceId]) => ({ ...body, actionId, evidenceId }),
    run: removeEvidence as Run,
  },
  // A new assessment: as everywhere, the path decides which one, so an id in the body is not taken.
  { pattern: /^\/api\/eqias$/, input: (body) => ({ ...body, eqiaId: undefined }), run: saveEqia as Run },
  { pattern: /^\/api\/eqias\/(\d+)$/, input: withEqia, run: saveEqia as Run },
  { pattern: /^\/api\/eqias\/(\d+)\/links$/, input: withEqia, run: linkEqia as Run },
  {
    pattern: /^\/api\/eqias\/(\d+)\/links\/(\d+)\/remove$/,
    input: (body, [eqiaId, linkId]) => ({ ...body, eqiaId, linkId }),
    run: unlinkEqia as Run,
  },
  // The lead's whole-plan commands: the import takes the file itself (base64), up to the import's own size limit.
  {
    pattern: /^\/api\/imports$/,
    input: (body) => body,
    run: importPlan as Run,
    maxBytes: IMPORT_BODY_MAX_BYTES,
    allowed: async (ctx, caller) => void (await readAsLead(ctx, caller, "import")),
  },
  { pattern: /^\/api\/plans\/(\d+)\/rollover$/, input: (body, [planId]) => ({ ...body, planId }), run: rollover as Run },
  // The equalities lead's own commands: publication decisions, the covering report, handing actions over.
  { pattern: /^\/api\/updates\/(\d+)\/approve$/, input: (body, [updateId]) => ({ ...body, updateId }), run: approvePublication as Run },
  { pattern: /^\/api\/updates\/(\d+)\/withhold$/, input: (body, [updateId]) => ({ ...body, updateId }), run: withholdPublication as Run },
  { pattern: /^\/api\/plans\/(\d+)\/publication\/approve-all$/, input: (body, [planId]) => ({ ...body, planId }), run: approveAllShown as Run },
  { pattern: /^\/api\/plans\/(\d+)\/cover-report$/, input: (body, [planId]) => ({ ...body, planId }), run: saveCover as Run },
  { pattern: /^\/api\/people\/(\d+)\/handover$/, input: (body, [fromId]) => ({ ...body, fromId }), run: reassign as Run },
];

/** The route for a path and its ids, or null. */
export function routeOf(path: string): { route: Route; ids: number[] } | null {
  for (const route of ROUTES) {
    const m = route.pattern.exec(path);
    if (m) return { route, ids: m.slice(1).map(Number) };
  }
  return null;
}

/**
 * The API's path prefixes: the server tells them from the bot's (/api/messages), and `npm start`'s vite forwards
 * them to the server. A new family of routes adds its prefix here.
 */
export const API_PREFIXES: readonly string[] = [
  "/api/actions",
  "/api/eqias",
  // The equalities lead's own commands: import (the file itself), rollover, publication decisions, the covering
  // report, handing actions over.
  "/api/imports",
  "/api/plans",
  "/api/updates",
  "/api/people",
  // GET /api/meetings/{meetingId}: the review's date from the meeting (./meetings.ts).
  "/api/meetings",
];

/** Whether a path is the write API's (the prefix itself, or anything below it). */
export const isApiPath = (path: string) => API_PREFIXES.some((p) => path === p || path.startsWith(`${p}/`));
