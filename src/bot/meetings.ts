/**
 * A Teams meeting's details from the Bot Connector, for the review's date (the server's `GET /api/meetings/{id}`):
 * `GET {serviceUrl}/v1/meetings/{meetingId}` with the bot's own token, allowed by the app's resource-specific
 * consent `OnlineMeeting.ReadBasic.Chat` (private meetings) or `ChannelMeeting.ReadBasic.Group` (channel meetings).
 * Teams answers `{ details: { id, title, type, scheduledStartTime, scheduledEndTime, joinUrl, msGraphResourceId },
 * conversation: { id, conversationType, isGroup }, organizer: {…} }`; 401 for a bad token, 403 when the app is not
 * installed in the meeting's chat (or is blocked), 404 for a meeting Teams does not know or that has expired
 * (docs/bot.md, "Meeting details").
 *
 * The service URL is the bot's configuration, never a caller's: the SDK's HTTP client attaches the bot's token to
 * any URL it is given, so a URL taken from a request would hand the token to whoever named it.
 */
import type { Client as HttpClient } from "@microsoft/teams.common";
import { type ServiceUrlPolicy, serviceUrlProblem } from "./sending/service-url.ts";

export type MeetingFailure =
  /** The meeting id is not one Teams issues (base64): nothing was asked. */
  | "invalid"
  /** 403: the app is not installed in the meeting (or an administrator blocked it). */
  | "not-installed"
  /** 404: Teams does not know the meeting, or it has expired. */
  | "not-found"
  /** No answer in time, a 401/5xx, or no bot on this server: nobody can tell the meeting's date now. */
  | "unavailable";

export class MeetingError extends Error {
  readonly reason: MeetingFailure;
  readonly status?: number;
  constructor(reason: MeetingFailure, message: string, status?: number) {
    super(message);
    this.name = "MeetingError";
    this.reason = reason;
    this.status = status;
  }
}

export interface MeetingDetails {
  id: string;
  title: string | null;
  /** ISO instant (UTC) as Teams gives it; null for calls, which have no schedule. */
  scheduledStartTime: string | null;
  scheduledEndTime: string | null;
  type: string | null;
  /** The meeting chat's conversation id. */
  chatId: string | null;
}

export type MeetingReader = (meetingId: string) => Promise<MeetingDetails>;

/**
 * The ids Teams issues are base64 (`MCMxOTptZWV0aW5n…==`); anything else (a slash, a dot, a percent sign) could
 * walk the bot's token to another path of the Bot Connector, so it is refused before any request.
 */
const MEETING_ID = /^[A-Za-z0-9+/=_-]{8,512}$/;
export const isMeetingId = (id: string) => MEETING_ID.test(id) && !id.includes("..");

const text = (v: unknown) => (typeof v === "string" && v ? v : null);

export function meetingReader(outbound: HttpClient, serviceUrl: string, policy: ServiceUrlPolicy): MeetingReader {
  const base = serviceUrl.replace(/\/+$/, "");
  return async (meetingId) => {
    if (!isMeetingId(meetingId)) throw new MeetingError("invalid", "That is not a Teams meeting id.");
    const problem = serviceUrlProblem(serviceUrl, policy);
    if (problem) throw new MeetingError("unavailable", `Teams' meeting API not called: ${problem}`);
    let data: Record<string, unknown>;
    try {
      data = (await outbound.get(`${base}/v1/meetings/${encodeURIComponent(meetingId)}`)).data as Record<string, unknown>;
    } catch (err) {
      const status = (err as { response?: { status?: number }; status?: number }).response?.status ?? (err as { status?: number }).status;
      if (status === 403) throw new MeetingError("not-installed", "The app is not installed in this meeting, so Teams does not tell it the meeting's date.", 403);
      if (status === 404) throw new MeetingError("not-found", "Teams does not know this meeting (or it has expired).", 404);
      throw new MeetingError("unavailable", `Teams did not give the meeting's details (${status ?? (err as Error).message}).`, status);
    }
    const details = (data?.details ?? {}) as Record<string, unknown>;
    const conversation = (data?.conversation ?? {}) as Record<string, unknown>;
    return {
      id: text(details.id) ?? meetingId,
      title: text(details.title),
      scheduledStartTime: text(details.scheduledStartTime),
      scheduledEndTime: text(details.scheduledEndTime),
      type: text(details.type),
      chatId: text(conversation.id),
    };
  };
}
