/**
 * Sharing the review to the meeting stage: teams-js `meeting.shareAppContentToStage` with the stage view's URL. Only
 * possible from a meeting's side panel; everywhere else the stage view opens in place.
 */
import { meeting } from "@microsoft/teams-js";

/** The URL the stage loads: this page with the review route in stage mode, for the meeting date chosen here. */
export function stageUrl(location: Pick<Location, "origin" | "pathname" | "search">, meetingDate: string): string {
  return `${location.origin}${location.pathname}${location.search}#/review?${new URLSearchParams({ view: "stage", date: meetingDate })}`;
}

export function wantsStage(hash: string): boolean {
  const q = hash.split("?")[1] ?? "";
  return new URLSearchParams(q).get("view") === "stage";
}

/** Teams' refusals in words people can act on (error codes of meeting.shareAppContentToStage). */
export function stageRefusal(err: { errorCode: number; message?: string }): string {
  if (err.errorCode === 1000)
    return "Teams refused to share to the stage: the app does not have the meeting stage permission (MeetingStage.Write.Chat, or ChannelMeetingStage.Write.Group in a channel meeting). Ask your Teams administrator to update the app.";
  if (err.errorCode === 501) return "Sharing to the stage is not possible here: it works from the app's side panel in a meeting.";
  return err.message ? `Teams could not share to the stage: ${err.message}` : `Teams refused to share to the stage (error ${err.errorCode}).`;
}

export function shareToStage(url: string): Promise<void> {
  return new Promise((resolve, reject) => {
    meeting.shareAppContentToStage((err, ok) => {
      if (err) reject(new Error(stageRefusal(err)));
      else if (!ok) reject(new Error("Teams did not share the review to the stage."));
      else resolve();
    }, url);
  });
}
