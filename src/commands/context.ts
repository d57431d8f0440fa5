/**
 * What every command needs: SharePoint with the APP's identity (Sites.Selected: officers cannot write the plan's
 * lists themselves), the clock, the reminder policy (snooze), and who is asking, as authenticated by the caller of
 * the command (the server's API from an Entra token, the bot from Teams' signed activity), never as a request says.
 */
import type { SPFI } from "../data/create-sp.ts";
import type { ReminderPolicy } from "../domain/reminder-policy.ts";

export interface CommandContext {
  sp: SPFI;
  now: () => Date;
  policy?: ReminderPolicy;
}

/** The authenticated person: their Entra object id and UPN; their site user id when already known. */
export interface Caller {
  oid: string;
  upn: string;
  name: string;
  siteUserId?: number;
}
