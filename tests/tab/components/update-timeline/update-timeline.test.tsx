// @vitest-environment jsdom
/** The reusable timeline: newest first, author, date and period, and text rendered as text. */
import { FluentProvider, teamsLightTheme } from "@fluentui/react-components";
import { cleanup, render, screen, within } from "@testing-library/react";
import { afterEach, describe, expect, it } from "vitest";
import type { UpdateRecord } from "../../../../src/data/updates/index.ts";
import { UpdateTimeline } from "../../../../src/tab/components/update-timeline/update-timeline.tsx";

const update = (id: number, date: string, text: string, extra: Partial<UpdateRecord> = {}): UpdateRecord => ({
  id,
  actionId: 1,
  planId: 1,
  date,
  authorId: null,
  authorName: "Equalities and Communities Officer",
  text,
  statusAtTime: null,
  kind: "progress",
  period: "2022-23",
  decision: null,
  meetingDate: null,
  requestedDueDate: null,
  author: null,
  ...extra,
});

afterEach(() => cleanup());

describe("UpdateTimeline", () => {
  it("lists updates newest first with date, author, period and decision", () => {
    render(
      <FluentProvider theme={teamsLightTheme}>
        <UpdateTimeline
          updates={[
            update(1, "2022-06-01T09:00:00.000Z", "Older"),
            update(2, "2023-03-31T09:00:00.000Z", "Newer", {
              author: { id: 4, name: "Sam Kowalski", email: "s@example.org" },
              statusAtTime: "at-risk",
              kind: "review-decision",
              decision: "closed",
            }),
          ]}
        />
      </FluentProvider>,
    );
    const items = within(screen.getByRole("list", { name: "Updates, newest first" })).getAllByRole("listitem");
    expect(items.map((i) => i.querySelector("p")?.textContent)).toEqual(["Newer", "Older"]);
    expect(within(items[0]).getByRole("heading").textContent).toBe("Review decision, 31 March 2023");
    expect(items[0].textContent).toContain("By Sam Kowalski · Period 2022-23 · Status: At risk · Decision: This action is now closed");
    expect(items[1].textContent).toContain("By Equalities and Communities Officer");
  });

  it("says who reported an update from committee papers, and when its date is only the period's end", () => {
    render(
      <UpdateTimeline
        updates={[
          update(1, "2021-10-20T12:00:00.000Z", "Formed", { authorName: "", source: "Policy and Communities team, report to Policy and Resources Committee", datePrecision: "exact", period: "2020-21" }),
          update(2, "2023-03-31T12:00:00.000Z", "Launched", { authorName: "", source: "Appendix 1", datePrecision: "period-end" }),
        ]}
      />,
    );
    const [newer, older] = within(screen.getByRole("list", { name: "Updates, newest first" })).getAllByRole("listitem");
    expect(within(newer).getByRole("heading").textContent).toBe("Progress update, 31 March 2023 (end of 2022-23; the source gives no day)");
    expect(newer.textContent).toContain("Reported by Appendix 1 · Period 2022-23");
    expect(within(older).getByRole("heading").textContent).toBe("Progress update, 20 October 2021");
    expect(older.textContent).toContain("Reported by Policy and Communities team, report to Policy and Resources Committee · Period 2020-21");
    // The source is not passed off as an author.
    expect(`${newer.textContent}${older.textContent}`).not.toMatch(/By |Unknown author/);
  });

  it("renders markup in an update as visible text", () => {
    const { container } = render(<UpdateTimeline updates={[update(1, "2024-01-01T00:00:00.000Z", '<img src=x onerror="alert(1)"><i>x</i>')]} />);
    expect(screen.getByText('<img src=x onerror="alert(1)"><i>x</i>')).toBeTruthy();
    expect(container.querySelector("img, i")).toBeNull();
  });

  it("says so when there is no update", () => {
    render(<UpdateTimeline updates={[]} />);
    expect(screen.getByText("No updates yet.")).toBeTruthy();
  });
});
