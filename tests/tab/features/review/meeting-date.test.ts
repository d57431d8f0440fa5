/** The review's meeting date: today unless chosen, carried to the stage, never after today. */
import { describe, expect, it } from "vitest";
import { meetingDateChoice, meetingDateFrom, meetingDateInHash, meetingDateProblem, withMeetingDate } from "../../../../src/tab/features/review/meeting-date.ts";
import { stageRefusal, stageUrl, wantsStage } from "../../../../src/tab/features/review/share-to-stage.ts";

const TODAY = "2026-11-20";

describe("meeting date", () => {
  it("is today unless the address carries an earlier real date", () => {
    expect(meetingDateFrom("#/review", TODAY)).toBe(TODAY);
    expect(meetingDateFrom("#/review?view=stage&date=2026-11-18", TODAY)).toBe("2026-11-18");
    expect(meetingDateFrom("#/review?date=2026-02-30", TODAY)).toBe(TODAY);
    expect(meetingDateFrom("#/review?date=2026-12-01", TODAY)).toBe(TODAY);
  });

  it("is written into the address without losing the route or the stage mode", () => {
    expect(withMeetingDate("#/review", "2026-11-18")).toBe("#/review?date=2026-11-18");
    expect(withMeetingDate("#/review?view=stage&date=2026-11-19", "2026-11-18")).toBe("#/review?view=stage&date=2026-11-18");
  });

  it("refuses what is not a date, and a day that has not happened yet, saying why", () => {
    expect(meetingDateProblem("", TODAY)).toBe("Enter the meeting date as day, month and year.");
    expect(meetingDateProblem("2026-13-01", TODAY)).toBe("Enter the meeting date as day, month and year.");
    expect(meetingDateProblem("2026-11-21", TODAY)).toBe("The meeting date cannot be after today (20 November 2026): decisions are recorded once taken.");
    expect(meetingDateProblem("2026-11-20", TODAY)).toBeNull();
  });
});

describe("sharing to the stage", () => {
  it("loads the stage view of this page for the chosen meeting date", () => {
    const url = stageUrl({ origin: "https://eap.contoso.gov.uk", pathname: "/index.html", search: "" }, "2026-11-18");
    expect(url).toBe("https://eap.contoso.gov.uk/index.html#/review?view=stage&date=2026-11-18");
    expect(wantsStage(new URL(url).hash)).toBe(true);
    expect(meetingDateFrom(new URL(url).hash, TODAY)).toBe("2026-11-18");
  });

  it("says what to ask for when Teams refuses for want of the RSC permission (1000) or the context (501)", () => {
    expect(stageRefusal({ errorCode: 1000 })).toMatch(/MeetingStage\.Write\.Chat.*ChannelMeetingStage\.Write\.Group.*Teams administrator/);
    expect(stageRefusal({ errorCode: 501 })).toMatch(/side panel in a meeting/);
    expect(stageRefusal({ errorCode: 500, message: "Internal error" })).toBe("Teams could not share to the stage: Internal error");
  });
});

describe("the meeting's date from Teams", () => {
  it("is the meeting's scheduled day when Teams gives one not after today", () => {
    expect(meetingDateChoice({ date: "2026-11-19", title: "EDI review" }, TODAY)).toEqual({ date: "2026-11-19", from: "teams", title: "EDI review", note: null });
    expect(meetingDateChoice({ date: TODAY, title: null }, TODAY)).toMatchObject({ date: TODAY, from: "teams" });
  });

  it("is today, with the reason, outside a meeting or when Teams cannot tell", () => {
    expect(meetingDateChoice(null, TODAY)).toMatchObject({ date: TODAY, from: "today", note: expect.stringMatching(/Not opened in a Teams meeting/) });
    expect(meetingDateChoice({ error: { reason: "app-not-in-meeting" } }, TODAY).note).toMatch(/app has not been added to the meeting/);
    expect(meetingDateChoice({ error: { reason: "meeting-not-found" } }, TODAY).note).toMatch(/does not know this meeting/);
    expect(meetingDateChoice({ error: new TypeError("Failed to fetch") }, TODAY)).toMatchObject({ date: TODAY, from: "today", note: expect.stringMatching(/could not be asked/) });
    expect(meetingDateChoice({ date: null, title: "Call" }, TODAY).note).toMatch(/no scheduled date/);
  });

  it("is today for a meeting still to come: decisions are recorded once taken", () => {
    const c = meetingDateChoice({ date: "2026-11-27", title: "Next review" }, TODAY);
    expect(c).toMatchObject({ date: TODAY, from: "today" });
    expect(c.note).toMatch(/The meeting is on 27 November 2026/);
  });

  it("reads a date in the address only when real and not after today", () => {
    expect(meetingDateInHash("#/review", TODAY)).toBeNull();
    expect(meetingDateInHash("#/review?date=2026-11-18", TODAY)).toBe("2026-11-18");
    expect(meetingDateInHash("#/review?date=2026-11-21", TODAY)).toBeNull();
  });
});
