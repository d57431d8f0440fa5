/**
 * `npm start`'s one Teams meeting: the EDI group's progress review, today at 09:30 London time, with the app added
 * to its chat. The local Teams stand-in answers its details to the bot; the tab opened with `?meeting=<id>` (as a
 * meeting's side panel or stage would be) shows the review on the meeting's date.
 */
import { londonDate, londonWallTimeToInstant } from "../domain/london-time.ts";
import { SEED_EQUALITIES_LEAD_UPN, seedPerson } from "../seed/people.ts";
import type { StandInMeeting } from "../local/index.ts";

/** Base64 of "0#19:meeting_…@thread.v2#0", the form of the ids teams-js gives a tab in a meeting. */
export const DEV_MEETING_ID = Buffer.from("0#19:meeting_ZWFwLWVkaS1ncm91cC1yZXZpZXc@thread.v2#0").toString("base64");

export function devMeeting(now: Date): StandInMeeting {
  const day = londonDate(now);
  return {
    id: DEV_MEETING_ID,
    title: "EDI group: progress review",
    scheduledStartTime: londonWallTimeToInstant(day, 9, 30),
    scheduledEndTime: londonWallTimeToInstant(day, 11, 0),
    chatId: "19:meeting_ZWFwLWVkaS1ncm91cC1yZXZpZXc@thread.v2",
    installed: true,
    organizerOid: seedPerson(SEED_EQUALITIES_LEAD_UPN)?.oid,
  };
}
