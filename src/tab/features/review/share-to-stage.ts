/**
 * Sharing the review to the meeting stage: teams-js `meeting.shareAppContentToStage` with the stage view's URL. Only
 * possible from a meeting's side panel; everywhere else the stage view opens in place.
 */
import { meeting } from "@microsoft/teams-js";

export const STAGE_QUERY = "view=stage";

/** The URL the stage loads: this page with the review route in stage mode. */
export function stageUrl(location: Pick<Location, "origin" | "pathname" | "search">): string {
  return `${location.origin}${location.pathname}${location.search}#/review?${STAGE_QUERY}`;
}

export function wantsStage(hash: string): boolean {
  const q = hash.split("?")[1] ?? "";
  return new URLSearchParams(q).get("view") === "stage";
}

export function shareToStage(url: string): Promise<void> {
  return new Promise((resolve, reject) => {
    meeting.shareAppContentToStage((err, ok) => {
      if (err) reject(new Error(err.message ?? `Teams refused to share to the stage (error ${err.errorCode}).`));
      else if (!ok) reject(new Error("Teams did not share the review to the stage."));
      else resolve();
    }, url);
  });
}
