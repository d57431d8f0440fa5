/**
 * The review's date: asked of the server once when the tab is in a meeting (GET /api/meetings/{id}, which asks
 * Teams with the bot's token), else today. A date in the address (the stage URL, or one the group chose and kept
 * across a reload) wins over both; it is labelled "from Teams" only when it is the meeting's.
 */
import { useCallback, useEffect, useState } from "react";
import type { ApiClient } from "../../lib/api-client.ts";
import { meetingDateChoice, meetingDateInHash, type MeetingDateSource, withMeetingDate } from "./meeting-date.ts";

export interface MeetingDateState {
  /** Still waiting for Teams' answer: the review waits, so its queue is built for the right day. */
  asking: boolean;
  date: string;
  source: MeetingDateSource;
  setDate(date: string): void;
}

export function useMeetingDate(api: ApiClient, meetingId: string | null, today: string): MeetingDateState {
  const [chosen, setChosen] = useState<string | null>(() => meetingDateInHash(window.location.hash, today));
  const [choice, setChoice] = useState<ReturnType<typeof meetingDateChoice> | null>(() => (meetingId ? null : meetingDateChoice(null, today)));

  useEffect(() => {
    if (!meetingId) return;
    let live = true;
    api.meeting(meetingId).then(
      (a) => live && setChoice(meetingDateChoice(a, today)),
      (error: unknown) => live && setChoice(meetingDateChoice({ error }, today)),
    );
    return () => {
      live = false;
    };
  }, [api, meetingId, today]);

  const setDate = useCallback((date: string) => {
    setChosen(date);
    // Kept in the address (without a route change) so that a reload and the stage keep the same day.
    window.history.replaceState(null, "", withMeetingDate(window.location.hash, date));
  }, []);

  if (!choice) return { asking: true, date: chosen ?? today, source: { from: "today", title: null, note: null }, setDate };
  const { date, ...source } = choice;
  if (chosen === null || chosen === date) return { asking: false, date, source, setDate };
  return { asking: false, date: chosen, source: { from: "chosen", title: source.title, note: null }, setDate };
}
