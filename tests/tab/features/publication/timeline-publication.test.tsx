// @vitest-environment jsdom
/** What officers see of publication in an action's timeline: the state of each progress update and the words published. */
import { FluentProvider, teamsLightTheme } from "@fluentui/react-components";
import { cleanup, render, screen, within } from "@testing-library/react";
import { afterEach, describe, expect, it } from "vitest";
import type { UpdateRecord } from "../../../../src/data/updates/index.ts";
import { UpdateTimeline } from "../../../../src/tab/components/update-timeline/update-timeline.tsx";

const base = { actionId: 1, planId: 1, authorId: null, authorName: "Officer", statusAtTime: null, kind: "progress", period: "2025-26", decision: null, meetingDate: null, requestedDueDate: null, author: null } as const;
const reviewed = { reviewedAt: "2026-01-02T10:00:00.000Z", reviewedById: 7 };

afterEach(() => cleanup());

describe("the timeline's publication state", () => {
  it("says awaiting, approved (with the edited words published) and withheld (with the reason); review decisions say nothing of it", () => {
    const updates: UpdateRecord[] = [
      { ...base, id: 1, date: "2026-01-01T09:00:00.000Z", text: "Draft words" },
      { ...base, id: 2, date: "2026-01-02T09:00:00.000Z", text: "As written", publication: { state: "approved", approvedText: "As the lead edited it", withheldReason: null, ...reviewed } },
      { ...base, id: 3, date: "2026-01-03T09:00:00.000Z", text: "Approved as is", publication: { state: "approved", approvedText: "Approved as is", withheldReason: null, ...reviewed } },
      { ...base, id: 4, date: "2026-01-04T09:00:00.000Z", text: "Names a resident", publication: { state: "withheld", approvedText: null, withheldReason: "Personal data", ...reviewed } },
      { ...base, id: 5, date: "2026-01-05T09:00:00.000Z", text: "Decision", kind: "review-decision", decision: "closed" },
    ];
    render(
      <FluentProvider theme={teamsLightTheme}>
        <UpdateTimeline updates={updates} />
      </FluentProvider>,
    );
    const items = within(screen.getByRole("list", { name: "Updates, newest first" })).getAllByRole("listitem");
    const byId = (id: number) => items.find((i) => i.dataset.updateId === String(id))!;
    expect(byId(1).textContent).toContain("· Awaiting approval");
    expect(byId(2).textContent).toContain("· Approved for publication");
    expect(byId(2).querySelector("[data-published-text]")?.textContent).toBe("As the lead edited it");
    expect(byId(2).textContent).toContain("As written");
    expect(byId(3).querySelector("[data-published-text]")).toBeNull();
    expect(byId(4).textContent).toContain("Withheld (internal only): Personal data");
    expect(byId(5).textContent).not.toMatch(/approval|Approved|Withheld/);
  });
});
