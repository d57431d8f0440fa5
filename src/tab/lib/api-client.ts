/**
 * The tab's writes: every change a person makes goes to the product's own server (`POST /api/actions/…`,
 * `/api/eqias/…`, and the lead's `/api/imports`, `/api/updates/…`, `/api/plans/…`, `/api/people/…`, see
 * docs/api.md), which checks who may do it and writes with the app's identity. Reads stay direct to SharePoint.
 * The server is the tab's own origin (in Teams and `npm run serve`; `npm start`'s vite forwards /api to it).
 *
 * A refusal comes back as an ApiRefusal with the server's `reason` ("conflict" with what changed and the action as
 * it is now; "not-responsible", "not-lead" … with the words to show) so the views handle it as they handle a
 * DataError of the same reason.
 */
import type { ActionRecord } from "../../data/actions/mapping.ts";
import type { TokenProvider } from "../../data/auth/token-auth.ts";
import type { CoverReportRecord } from "../../data/cover-reports/mapping.ts";
import type { EqiaRecord } from "../../data/eqias/mapping.ts";
import type { IndicatorValueRecord } from "../../data/indicator-values/mapping.ts";
import type { IndicatorRecord } from "../../data/indicators/mapping.ts";
import type { UpdateRecord } from "../../data/updates/mapping.ts";
import type { UnresolvedPerson } from "../../data/plan-tree/people.ts";
import type { Evidence, EqiaInput, EqiaLink, EvidenceInput } from "../../domain/evidence.ts";
import type { ValueInput } from "../../domain/indicator-values.ts";

export interface ApiSeen {
  status?: string;
  due?: string | null;
  lastUpdateAt?: string | null;
  teams?: string;
  successMeasures?: string[];
  characteristics?: string[];
  text?: string;
  ownerId?: number | null;
  officerIds?: number[];
}

export interface ApiResult {
  outcome: "saved" | "proposed" | "date-changed" | "accepted" | "declined" | "snoozed";
  message: string;
  action: ActionRecord;
  update: UpdateRecord | null;
}

export interface ApiFieldChange {
  field: string;
  label: string;
  before: string;
  after: string;
}

export class ApiRefusal extends Error {
  readonly reason: string;
  readonly status: number;
  readonly field?: string;
  readonly changes?: ApiFieldChange[];
  readonly current?: ActionRecord;
  /** "people-unresolved" (import, rollover): who cannot be found, and where the plan names them. */
  readonly people?: UnresolvedPerson[];
  constructor(
    status: number,
    body: { reason?: string; message?: string; field?: string; changes?: ApiFieldChange[]; current?: ActionRecord; people?: UnresolvedPerson[] },
  ) {
    super(body.message ?? `The server answered ${status}.`);
    this.name = "ApiRefusal";
    this.status = status;
    this.reason = body.reason ?? (status === 401 ? "unauthorized" : status >= 500 ? "sharepoint" : "invalid");
    this.field = body.field;
    this.changes = body.changes;
    this.current = body.current;
    this.people = body.people;
  }
}

/** What the person saw of an action: sent with each command so a change they did not see is reported. */
export const seenOf = (a: ActionRecord): ApiSeen => ({ status: a.status, due: a.due.date, lastUpdateAt: a.lastUpdateAt });

export interface ApiClient {
  addUpdate(
    actionId: number,
    body: {
      text: string;
      status: string;
      requestedDueDate?: string | null;
      submissionKey: string;
      seen: ApiSeen;
      /** Indicators' values recorded with the update (all checked by the server before it writes anything). */
      values?: readonly { indicatorId: number; input: ValueInput; revisionSeen: number }[];
    },
  ): Promise<ApiResult>;
  complete(actionId: number, body: { text?: string; submissionKey: string; seen: ApiSeen }): Promise<ApiResult>;
  proposeDueDate(actionId: number, body: { date: string; reason: string; submissionKey: string; seen: ApiSeen }): Promise<ApiResult>;
  decideProposal(actionId: number, proposalId: number, body: { accept: boolean; reason?: string }): Promise<ApiResult>;
  editAction(actionId: number, body: { changes: Record<string, unknown>; seen: ApiSeen; reason?: string; submissionKey?: string }): Promise<ApiResult>;
  recordReviewDecision(actionId: number, body: { decision: string; text?: string; meetingDate?: string | null; submissionKey: string; seen: ApiSeen }): Promise<ApiResult>;
  snooze(actionId: number, body?: { seen?: ApiSeen }): Promise<ApiResult>;
  recordValue(
    actionId: number,
    body: { indicatorId: number; input: ValueInput; revisionSeen: number; submissionKey: string },
  ): Promise<ApiResult & { value: IndicatorValueRecord; indicator: IndicatorRecord }>;
  addEvidence(actionId: number, body: { input: EvidenceInput; submissionKey: string }): Promise<ApiResult & { evidence: Evidence }>;
  /** Removes evidence the person confirmed, with the ETag it was read with. */
  removeEvidence(actionId: number, evidenceId: number, body: { etag: string }): Promise<ApiResult & { evidence: Evidence }>;
  /** A new assessment (`eqiaId` null) or a change to one, with the ETag it was read with. */
  saveEqia(
    eqiaId: number | null,
    body: { input: EqiaInput; etag?: string; localCharacteristics: readonly string[]; submissionKey: string },
  ): Promise<{ outcome: string; message: string; eqia: EqiaRecord }>;
  linkEqia(eqiaId: number, body: { planId: number; reference: string; relation: string }): Promise<{ outcome: string; message: string; link: EqiaLink }>;
  unlinkEqia(eqiaId: number, linkId: number): Promise<{ outcome: string; message: string }>;
  /** The meeting the tab is open in, as Teams tells the server's bot (GET: the API's one read). */
  meeting(meetingId: string): Promise<MeetingAnswer>;
  // The lead's whole-plan commands (docs/api.md): the import sends the file itself; a dry run writes nothing.
  importPlan(body: ApiImportBody): Promise<ApiImportResult>;
  rollover(planId: number, body: ApiRolloverBody): Promise<ApiRolloverResult>;
  // The equalities lead's own writes: publication decisions, the covering report, handing actions over.
  approveUpdate(updateId: number, body: { etag: string; text?: string; seen?: PublicationSeen }): Promise<{ outcome: string; message: string; update: UpdateRecord }>;
  withholdUpdate(updateId: number, body: { etag: string; reason: string; seen?: PublicationSeen }): Promise<{ outcome: string; message: string; update: UpdateRecord }>;
  approveAllShown(planId: number, body: { period: string; shown: Array<{ id: number; etag: string }> }): Promise<ApproveAllAnswer>;
  saveCoverReport(planId: number, body: { cover: object; etag: string | null }): Promise<{ outcome: string; message: string; coverReport: CoverReportRecord }>;
  handOver(fromId: number, body: { toId: number; actionIds?: number[]; reason?: string }): Promise<HandOverAnswer>;
}

/** The update as the lead saw it, sent with a decision so that a refusal says what changed. */
export interface PublicationSeen {
  publication?: "draft" | "approved" | "withheld";
  approvedText?: string | null;
  text?: string;
}

export interface ApproveAllAnswer {
  message: string;
  approved: UpdateRecord[];
  /** Changed since the lead saw them: left as they are, as they now are. */
  changed: UpdateRecord[];
  failed: Array<{ id: number; reason: string; message: string }>;
  missing: number[];
}

export interface HandOverAnswer {
  message: string;
  moved: ActionRecord[];
  skipped: Array<{ id: number | string; reason: string }>;
}

/** Who takes over from each person who cannot be found: old sign-in name → new. */
export type ApiReassign = Record<string, string>;

export interface ApiImportBody {
  fileName: string;
  /** The file's bytes, base64 (toBase64). */
  file: string;
  title: string;
  period?: string;
  mapping?: Record<string, string>;
  skipInvalid?: boolean;
  defaultRole?: string;
  reassign?: ApiReassign;
  dryRun?: boolean;
}

export interface ApiImportResult {
  outcome: "imported" | "checked";
  message: string;
  importId: string;
  actions: number;
  skipped: number;
  period: string;
  planId?: number;
  created?: number;
  existing?: number;
}

export interface ApiRolloverBody {
  to: string;
  period?: string;
  reassign?: ApiReassign;
  dryRun?: boolean;
}

export interface ApiRolloverResult {
  outcome: "rolled-over" | "checked";
  message: string;
  carried: number;
  closed: number;
  period: string;
  toPlanId?: number;
}

/** Bytes as base64, in slices (a spread of megabytes of arguments overflows the stack). */
export function toBase64(bytes: Uint8Array): string {
  let binary = "";
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

/** What the tab reads of `GET /api/meetings/{id}` (the full answer: docs/api.md, "The meeting's date"). */
export interface MeetingAnswer {
  /** The London date of the scheduled start; null for a call. */
  date: string | null;
  title: string | null;
}

/** The server gives Teams 8 s; past this the review goes on with today. */
const MEETING_WAIT_MS = 10_000;

/** Waits before the second and third attempts of a request whose connection failed. */
const RETRY_WAITS_MS = [400, 1_200];
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * `origin`: where the server is, when it is not the tab's own origin (component tests).
 *
 * A request whose connection fails (dropped, refused, the answer lost) is sent again, twice at most, but only when
 * it carries a submission key: the server then finds what the first attempt saved instead of saving it twice (and
 * a proposal's answer is recognised as the same person's). Anything else is reported at once.
 */
export function createApiClient(token: TokenProvider, origin = ""): ApiClient {
  const send = async (path: string, body: unknown): Promise<Response> => {
    const retryable = typeof (body as { submissionKey?: unknown }).submissionKey === "string" || path.endsWith("/decision");
    for (let attempt = 0; ; attempt++) {
      try {
        return await fetch(`${origin}/api/${path}`, {
          method: "POST",
          headers: { "Content-Type": "application/json", Authorization: `Bearer ${await token()}` },
          body: JSON.stringify(body),
        });
      } catch (err) {
        if (!retryable || attempt >= RETRY_WAITS_MS.length) throw err;
        await sleep(RETRY_WAITS_MS[attempt]);
      }
    }
  };
  /** `T`: what the route answers (each method of ApiClient names it). */
  const post = async <T = ApiResult>(path: string, body: unknown): Promise<T> => answer<T>(await send(path, body));
  const answer = async <T>(res: Response): Promise<T> => {
    const text = await res.text();
    let json: Record<string, unknown> = {};
    try {
      json = text ? (JSON.parse(text) as Record<string, unknown>) : {};
    } catch {
      // not JSON (a proxy's error page): the status says enough
    }
    if (!res.ok) throw new ApiRefusal(res.status, json);
    return json as T;
  };
  return {
    addUpdate: (id, body) => post(`actions/${id}/updates`, body),
    complete: (id, body) => post(`actions/${id}/complete`, body),
    proposeDueDate: (id, body) => post(`actions/${id}/due-date-proposals`, body),
    decideProposal: (id, proposalId, body) => post(`actions/${id}/due-date-proposals/${proposalId}/decision`, body),
    editAction: (id, body) => post(`actions/${id}/edit`, body),
    recordReviewDecision: (id, body) => post(`actions/${id}/review-decisions`, body),
    snooze: (id, body = {}) => post(`actions/${id}/snooze`, body),
    recordValue: (id, body) => post(`actions/${id}/values`, body),
    addEvidence: (id, body) => post(`actions/${id}/evidence`, body),
    removeEvidence: (id, evidenceId, body) => post(`actions/${id}/evidence/${evidenceId}/remove`, body),
    saveEqia: (eqiaId, body) => post(eqiaId ? `eqias/${eqiaId}` : "eqias", body),
    linkEqia: (eqiaId, body) => post(`eqias/${eqiaId}/links`, body),
    unlinkEqia: (eqiaId, linkId) => post(`eqias/${eqiaId}/links/${linkId}/remove`, {}),
    meeting: async (meetingId) =>
      answer<MeetingAnswer>(
        await fetch(`${origin}/api/meetings/${encodeURIComponent(meetingId)}`, {
          headers: { Authorization: `Bearer ${await token()}` },
          signal: AbortSignal.timeout(MEETING_WAIT_MS),
        }),
      ),
    importPlan: (body) => post("imports", body),
    rollover: (planId, body) => post(`plans/${planId}/rollover`, body),
    approveUpdate: (updateId, body) => post(`updates/${updateId}/approve`, body),
    withholdUpdate: (updateId, body) => post(`updates/${updateId}/withhold`, body),
    approveAllShown: (planId, body) => post(`plans/${planId}/publication/approve-all`, body),
    saveCoverReport: (planId, body) => post(`plans/${planId}/cover-report`, body),
    handOver: (fromId, body) => post(`people/${fromId}/handover`, body),
  };
}
