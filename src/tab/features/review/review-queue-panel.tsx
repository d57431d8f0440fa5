/**
 * The review queue (meeting side panel, or the channel tab outside a meeting): why each action is on the agenda,
 * in words (never colour alone), and what the group has decided on it at this meeting.
 */
import { Badge, Button, Field, Input, Link, Text } from "@fluentui/react-components";
import { useState } from "react";
import type { ActionRecord } from "../../../data/actions/mapping.ts";
import { formatLongDate } from "../../../domain/dates.ts";
import { actionTabRoute } from "../../../domain/deep-links.ts";
import { REVIEW_DECISION_LABELS, REVIEW_REASON_LABELS, type ReviewReason } from "../../../domain/review-queue.ts";
import type { ReviewDecision } from "../../../domain/types.ts";
import { dueText } from "../../lib/format.ts";
import { type MeetingDateSource, meetingDateProblem } from "./meeting-date.ts";
import { useReviewStyles } from "./review.styles.ts";

export interface QueueEntry {
  action: ActionRecord;
  reasons: ReviewReason[];
  decided: ReviewDecision | null;
}

export interface ReviewQueuePanelProps {
  entries: QueueEntry[];
  lastReviewDate: string | null;
  meetingDate: string;
  /** Where the date came from (the meeting in Teams, the group, or today) and why it is today, if it is. */
  dateSource: MeetingDateSource;
  /** Today in London: the latest date a meeting can have been held. */
  today: string;
  onMeetingDate(date: string): void;
  onOpen(index: number): void;
  /** Present in a meeting's side panel: shares the stage view to everyone. */
  onShareToStage?: () => void;
  sharing?: boolean;
}

const REASON_COLOR: Record<ReviewReason, "danger" | "warning" | "informative"> = {
  overdue: "danger",
  "due-this-quarter": "warning",
  changed: "informative",
};

/** The date field's label and hint: says where the date came from, and why it is today when Teams did not give it. */
function dateWords(source: MeetingDateSource): { label: string; hint: string } {
  const recorded = "Decisions are recorded against this date";
  if (source.from === "teams")
    return {
      label: "Date of the meeting (from Teams)",
      hint: `${source.title ? `The scheduled start of “${source.title}”. ` : ""}${recorded}; change it if the meeting was held on another day.`,
    };
  if (source.from === "chosen") return { label: "Meeting date", hint: `${recorded}.` };
  return { label: "Meeting date", hint: `${source.note ? `${source.note} ` : ""}${recorded}; change it for a meeting held earlier.` };
}

export function ReviewQueuePanel({ entries, lastReviewDate, meetingDate, dateSource, today, onMeetingDate, onOpen, onShareToStage, sharing }: ReviewQueuePanelProps) {
  const s = useReviewStyles();
  const decided = entries.filter((e) => e.decided).length;
  const [typed, setTyped] = useState(meetingDate);
  const problem = meetingDateProblem(typed, today);
  const words = dateWords(dateSource);
  return (
    <section className={s.root} aria-labelledby="review-title">
      <h1 id="review-title" className={s.h1}>
        Review
      </h1>
      <Text>
        {lastReviewDate ? `Last review: ${formatLongDate(lastReviewDate)}.` : "No review has been recorded yet."} Meeting date:{" "}
        {formatLongDate(meetingDate)}. {entries.length} action(s) to review, {decided} decided.
      </Text>
      <Field
        label={words.label}
        hint={words.hint}
        validationMessage={problem ?? undefined}
        validationState={problem ? "error" : "none"}
      >
        <Input
          type="date"
          max={today}
          value={typed}
          onChange={(_, d) => {
            setTyped(d.value);
            if (!meetingDateProblem(d.value, today)) onMeetingDate(d.value);
          }}
        />
      </Field>
      <div className={s.toolbar}>
        <Button appearance="primary" disabled={entries.length === 0} onClick={() => onOpen(0)}>
          Start review
        </Button>
        {onShareToStage && (
          <Button onClick={onShareToStage} disabled={sharing || entries.length === 0}>
            {sharing ? "Sharing to stage…" : "Share to stage"}
          </Button>
        )}
      </div>
      {entries.length === 0 ? (
        <Text>Nothing is overdue, due this quarter or changed since the last review.</Text>
      ) : (
        <ol className={s.list} aria-label="Actions to review">
          {entries.map((e, i) => (
            <li key={e.action.id} className={s.item} data-action-id={e.action.id}>
              <Link href={actionTabRoute(e.action.id)} className={s.itemText}>
                {e.action.reference ? `${e.action.reference}: ` : ""}
                {e.action.text}
              </Link>
              <div className={s.reasons}>
                {e.reasons.map((r) => (
                  <Badge key={r} appearance="tint" shape="rounded" color={REASON_COLOR[r]}>
                    {REVIEW_REASON_LABELS[r]}
                  </Badge>
                ))}
                {e.decided && (
                  <Badge appearance="outline" shape="rounded" color="success">
                    Decided: {REVIEW_DECISION_LABELS[e.decided]}
                  </Badge>
                )}
              </div>
              <span className={s.meta}>Due: {dueText(e.action.due)}</span>
              <div>
                <Button size="small" onClick={() => onOpen(i)} aria-label={`Review ${e.action.reference || `action ${i + 1}`} on the stage view`}>
                  Review
                </Button>
              </div>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
