/**
 * `GET /api/meetings/{meetingId}`: the date of the meeting the review runs in, for the EDI group and the lead (the
 * review is theirs; anyone else gets 403 before Teams is asked). The bot asks Teams' Bot Connector with its own
 * token on the service URL of its configuration (src/bot/meetings.ts); nothing in the request (query, headers) can
 * name another host. The scheduled start is turned into the London date the review records decisions against.
 *
 * Answers: 200 { meetingId, date, title, scheduledStartTime, scheduledEndTime }; 400 for an id Teams never issues;
 * 403 "not-edi-group"; 403 "app-not-in-meeting" and 404 "meeting-not-found" as Teams says; 503
 * "teams-unavailable" when no bot runs here, Teams fails or does not answer in time.
 */
import { CommandError, type Caller, type CommandContext } from "../../commands/index.ts";
import { getEdiGroup } from "../../data/members/repository.ts";
import { londonDate } from "../../domain/london-time.ts";
import { isMeetingId, MeetingError, type MeetingReader } from "../../bot/meetings.ts";
import { ApiError } from "./api-error.ts";

export const MEETINGS_PREFIX = "/api/meetings";

/** How long the tab waits for Teams' answer through us before it shows today. */
export const MEETING_TIMEOUT_MS = 8_000;

export interface MeetingAnswer {
  meetingId: string;
  /** The London date of the scheduled start; null for a call, which has no schedule. */
  date: string | null;
  title: string | null;
  scheduledStartTime: string | null;
  scheduledEndTime: string | null;
}

/** The meeting id a path names, or null when the path is not this route's. */
export function meetingIdOf(path: string): string | null {
  const m = /^\/api\/meetings\/([^/]+)$/.exec(path);
  if (!m) return null;
  try {
    return decodeURIComponent(m[1]);
  } catch {
    return "";
  }
}

const TEAMS_REASON = { "not-installed": "app-not-in-meeting", "not-found": "meeting-not-found", unavailable: "teams-unavailable", invalid: "invalid" } as const;

export async function meetingDate(
  ctx: CommandContext,
  caller: Caller,
  meetingId: string,
  reader: MeetingReader | undefined,
  timeoutMs = MEETING_TIMEOUT_MS,
): Promise<MeetingAnswer> {
  if (!isMeetingId(meetingId)) throw new ApiError("invalid", "That is not a Teams meeting id.");
  const group = await getEdiGroup(ctx.sp);
  const member = group.find({ upn: caller.upn, objectId: caller.oid }) ?? group.members.find((m) => caller.siteUserId !== undefined && m.person.id === caller.siteUserId);
  if (!member) throw new CommandError("not-edi-group", "The review is for the equalities lead and the EDI group.");
  if (!reader) throw new ApiError("teams-unavailable", "This server has no bot, so it cannot ask Teams for the meeting's date.");
  let timer: ReturnType<typeof setTimeout> | undefined;
  try {
    const d = await Promise.race([
      reader(meetingId),
      new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new MeetingError("unavailable", `Teams did not answer within ${timeoutMs / 1000} seconds.`)), timeoutMs);
      }),
    ]);
    const start = d.scheduledStartTime && !Number.isNaN(Date.parse(d.scheduledStartTime)) ? d.scheduledStartTime : null;
    return { meetingId, date: start ? londonDate(start) : null, title: d.title, scheduledStartTime: start, scheduledEndTime: d.scheduledEndTime };
  } catch (err) {
    if (err instanceof MeetingError) throw new ApiError(TEAMS_REASON[err.reason], err.message);
    throw err;
  } finally {
    clearTimeout(timer);
  }
}
