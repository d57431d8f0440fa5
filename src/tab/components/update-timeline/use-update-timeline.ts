import { londonDate } from "../../../domain/london-time.ts";
import { isPublishable, publicationView } from "../../../domain/publication.ts";
import { ACTION_STATUS_LABELS, DISPOSITION_SENTENCES } from "../../../domain/types.ts";
import { describeUpdateDate, describeUpdateSource } from "../../../domain/update-source.ts";
import { dayOf } from "../../lib/format.ts";
import type { UpdateTimelineProps } from "./update-timeline.types.ts";

const KIND_LABEL = {
  progress: "Progress update",
  "review-decision": "Review decision",
  "date-change-request": "New date requested",
  "date-change-decision": "Delivery date decided",
  handover: "Handed over",
} as const;

/**
 * Newest first, whatever order the updates came in; each entry with its words ready to render as text. An update
 * brought in from committee papers says who reported it and, when its date is only its period's end, says so;
 * its author is who entered it, else that is not known (never the source standing in for a person).
 */
export function useUpdateTimeline({ updates }: UpdateTimelineProps) {
  const sorted = [...updates].sort((a, b) => b.date.localeCompare(a.date) || b.id - a.id);
  return sorted.map((u) => ({
    id: u.id,
    kind: KIND_LABEL[u.kind] ?? "Update",
    date: u.date ? describeUpdateDate(/^\d{4}-\d{2}-\d{2}$/.test(u.date) ? u.date : londonDate(u.date), u.datePrecision ?? "exact", u.period) : dayOf(u.date),
    dateTime: u.date,
    source: describeUpdateSource(u.source ?? ""),
    author: u.author?.name || u.authorName || (u.source ? null : "Unknown author"),
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
    publication: publicationOfEntry(u),
  }));
}

/**
 * What was published of a progress update: its state in words, the reason when withheld, and the words the public
 * reads when the lead edited them (the text above stays as written). Review decisions and date requests are never
 * published, so they say nothing of it.
 */
function publicationOfEntry(u: UpdateTimelineProps["updates"][number]): { label: string; published: string | null } | null {
  if (!isPublishable(u)) return null;
  const v = publicationView(u);
  return {
    label: v.state === "withheld" && v.withheldReason ? `${v.label}: ${v.withheldReason}` : v.label,
    published: v.edited ? v.publishedText : null,
  };
}
