import { ACTION_STATUS_LABELS, DISPOSITION_SENTENCES } from "../../../domain/types.ts";
import { dayOf } from "../../lib/format.ts";
import type { UpdateTimelineProps } from "./update-timeline.types.ts";

const KIND_LABEL = { progress: "Progress update", "review-decision": "Review decision", "date-change-request": "New date requested" } as const;

/** Newest first, whatever order the updates came in; each entry with its words ready to render as text. */
export function useUpdateTimeline({ updates }: UpdateTimelineProps) {
  const sorted = [...updates].sort((a, b) => b.date.localeCompare(a.date) || b.id - a.id);
  return sorted.map((u) => ({
    id: u.id,
    kind: KIND_LABEL[u.kind] ?? "Update",
    date: dayOf(u.date),
    dateTime: u.date,
    author: u.author?.name || u.authorName || "Unknown author",
    period: u.period,
    status: u.statusAtTime ? ACTION_STATUS_LABELS[u.statusAtTime] : null,
    decision:
      u.decision === null
        ? null
        : u.decision === "on-track" || u.decision === "at-risk"
          ? ACTION_STATUS_LABELS[u.decision]
          : DISPOSITION_SENTENCES[u.decision],
    requestedDate: u.requestedDueDate ? dayOf(u.requestedDueDate) : null,
    text: u.text,
  }));
}
