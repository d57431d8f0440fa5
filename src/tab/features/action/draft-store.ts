/**
 * Drafts of updates, one per action and site, in localStorage: they survive a reload, a closed tab and a failed
 * request. The submission key is made once per draft and reused on every retry, so a retry after a half-finished
 * save finds the update already written instead of adding it twice (src/data submitUpdate). Cleared when saved.
 */
import type { ChoosableActionStatus } from "../../../domain/constants.ts";
import { isChoosableStatus } from "../../../domain/status.ts";

export interface UpdateDraft {
  text: string;
  /** "" until the person chooses one (an action whose status was never recorded starts with none). */
  status: ChoosableActionStatus | "";
  requestNewDate: boolean;
  requestedDueDate: string;
  submissionKey: string;
}

const PREFIX = "eap.draft.v1";
const keyOf = (siteUrl: string, actionId: number) => `${PREFIX}.${siteUrl}.${actionId}`;

export function newSubmissionKey(): string {
  return typeof crypto !== "undefined" && "randomUUID" in crypto ? crypto.randomUUID() : `${Date.now()}-${Math.random().toString(36).slice(2)}`;
}

export function loadDraft(siteUrl: string, actionId: number): UpdateDraft | null {
  try {
    const raw = localStorage.getItem(keyOf(siteUrl, actionId));
    if (!raw) return null;
    const d = JSON.parse(raw) as Partial<UpdateDraft>;
    if (typeof d.text !== "string" || typeof d.submissionKey !== "string" || typeof d.status !== "string") return null;
    return {
      text: d.text,
      status: isChoosableStatus(d.status) ? d.status : "",
      requestNewDate: d.requestNewDate === true,
      requestedDueDate: typeof d.requestedDueDate === "string" ? d.requestedDueDate : "",
      submissionKey: d.submissionKey,
    };
  } catch {
    return null;
  }
}

/** Returns false when the browser refused to store it (quota, private mode): the form says so. */
export function saveDraft(siteUrl: string, actionId: number, draft: UpdateDraft): boolean {
  try {
    localStorage.setItem(keyOf(siteUrl, actionId), JSON.stringify(draft));
    return true;
  } catch {
    return false;
  }
}

export function clearDraft(siteUrl: string, actionId: number): void {
  try {
    localStorage.removeItem(keyOf(siteUrl, actionId));
  } catch {
    // nothing stored
  }
}
