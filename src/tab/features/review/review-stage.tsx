/**
 * The stage view: one action at a time in large type (action, success measures, latest update, due date) and the
 * group's decision with an optional note. Previous/next by buttons or J/K (see use-review-keys.ts). Moving on puts
 * focus on the action's heading and announces it, so keyboard and screen reader users keep their place.
 * `compact` (the meeting's side panel) puts previous and next at the top, as full-size touch targets, so the group
 * moves on without scrolling past the form; the type steps down on any narrow screen (review.styles.ts).
 */
import { Button, Field, Link, MessageBar, MessageBarBody, Radio, RadioGroup, Text, Textarea } from "@fluentui/react-components";
import { useCallback, useEffect, useRef, useState } from "react";
import { getAction } from "../../../data/actions/repository.ts";
import { getUpdatesForAction } from "../../../data/updates/repository.ts";
import { carriedHistory, historyNeeded } from "../../../domain/carried-history.ts";
import { formatLongDate } from "../../../domain/dates.ts";
import { actionTabRoute } from "../../../domain/deep-links.ts";
import { REVIEW_DECISION_LABELS, REVIEW_REASON_LABELS } from "../../../domain/review-queue.ts";
import { effectiveStatus } from "../../../domain/status.ts";
import { MULTI_LINE_MAX, REVIEW_DECISIONS, type ReviewDecision } from "../../../domain/types.ts";
import { useAppContext } from "../../lib/app-context.tsx";
import { dayOf, dueText } from "../../lib/format.ts";
import { ErrorPanel } from "../../components/error-panel/error-panel.tsx";
import { StatusBadge } from "../../components/status-badge/status-badge.tsx";
import { useLoad } from "../../hooks/use-load.ts";
import type { QueueEntry } from "./review-queue-panel.tsx";
import { useReviewStyles } from "./review.styles.ts";
import { useReviewKeys } from "./use-review-keys.ts";

export interface ReviewStageProps {
  entries: QueueEntry[];
  index: number;
  meetingDate: string;
  onIndex(index: number): void;
  onBack?: () => void;
  /** The meeting's side panel: previous and next at the top of the action. */
  compact?: boolean;
  /**
   * Records the decision; resolves when stored, rejects with a DataError. The submission key is generated once per
   * decision and reused on retry, so a retry after a lost answer never records the decision twice.
   */
  onDecide(entry: QueueEntry, decision: ReviewDecision, note: string, submissionKey: string): Promise<void>;
}

function newKey(): string {
  return typeof crypto !== "undefined" && "randomUUID" in crypto ? crypto.randomUUID() : `${Date.now()}-${Math.random().toString(36).slice(2)}`;
}

export function ReviewStage({ entries, index, meetingDate, onIndex, onBack, onDecide, compact = false }: ReviewStageProps) {
  const s = useReviewStyles();
  const { sp, now, announce } = useAppContext();
  const entry = entries[index];
  const heading = useRef<HTMLHeadingElement>(null);
  const [decision, setDecision] = useState<ReviewDecision | "">("");
  const [note, setNote] = useState("");
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const submissionKey = useRef(newKey());

  // With the updates, for a carried action without its own history, the action it came from (one more read).
  const latest = useLoad(() => getUpdatesForAction(sp, entry.action.id), [sp, entry.action.id, entry.action.lastUpdateAt]);
  const carried = useLoad(
    async () => (historyNeeded([entry.action]).length ? carriedHistory(entry.action, await getAction(sp, entry.action.carriedFromId as number).catch(() => undefined)) : null),
    [sp, entry.action.id, entry.action.lastUpdateAt],
  );
  const inherited = carried.state === "done" ? carried.data : null;

  // A fresh form for each action.
  // biome-ignore lint/correctness/useExhaustiveDependencies: reset only when the action changes
  useEffect(() => {
    setDecision("");
    setNote("");
    setError(null);
    setProblem(null);
    submissionKey.current = newKey();
    // The stage opens and moves on with focus on the action's heading: keyboard users keep their place.
    heading.current?.focus();
  }, [entry.action.id]);

  const go = useCallback(
    (to: number) => {
      if (to < 0 || to >= entries.length) {
        announce(to < 0 ? "This is the first action." : "This is the last action.");
        return;
      }
      onIndex(to);
      announce(`Action ${to + 1} of ${entries.length}: ${entries[to].action.reference || entries[to].action.text.slice(0, 80)}`);
    },
    [entries, onIndex, announce],
  );
  const next = useCallback(() => go(index + 1), [go, index]);
  const previous = useCallback(() => go(index - 1), [go, index]);
  useReviewKeys(next, previous, !saving);

  const submit = async (e: React.FormEvent) => {
    e.preventDefault();
    if (!decision) {
      setProblem("Choose a decision for this action.");
      announce("Not recorded: choose a decision for this action.");
      return;
    }
    if (note.length > MULTI_LINE_MAX) {
      setProblem(`Keep the note under ${MULTI_LINE_MAX} characters.`);
      return;
    }
    setProblem(null);
    setError(null);
    setSaving(true);
    announce("Recording the decision…");
    try {
      await onDecide(entry, decision, note.trim(), submissionKey.current);
      announce(`Decision recorded: ${REVIEW_DECISION_LABELS[decision]}.`);
      setNote("");
      submissionKey.current = newKey();
    } catch (err) {
      setError(err);
      announce("The decision was not recorded.");
    } finally {
      setSaving(false);
    }
  };

  const pagerClass = compact ? s.pagerButton : undefined;
  const pager = (
    <>
      <Button onClick={previous} disabledFocusable={index === 0} aria-keyshortcuts="K" className={pagerClass}>
        Previous action
      </Button>
      <Button onClick={next} disabledFocusable={index >= entries.length - 1} aria-keyshortcuts="J" className={pagerClass}>
        Next action
      </Button>
    </>
  );
  const back = onBack && <Button onClick={onBack}>Back to the queue</Button>;
  const hint = <span className={s.hint}>Shortcuts: J next, K previous (when not typing in a field).</span>;

  const a = entry.action;
  const newest = latest.state === "done" ? latest.data.find((u) => u.kind !== "review-decision") : undefined;
  return (
    <section className={s.stage} aria-labelledby="stage-title" data-view="stage">
      <p className={s.position}>
        Action {index + 1} of {entries.length}
        {entry.reasons.length ? ` · ${entry.reasons.map((r) => REVIEW_REASON_LABELS[r]).join(", ")}` : ""}
      </p>
      {compact && (
        <nav className={s.pager} aria-label="Review navigation">
          {pager}
        </nav>
      )}
      <h2 id="stage-title" ref={heading} tabIndex={-1} className={s.stageTitle}>
        {a.text}
      </h2>
      <dl className={s.facts}>
        <dt className={s.factTerm}>Reference</dt>
        <dd className={s.factValue}>
          <Link href={actionTabRoute(a.id)}>{a.reference || `Action ${a.id}`}</Link>
        </dd>
        <dt className={s.factTerm}>Due</dt>
        <dd className={s.factValue}>{dueText(a.due)}</dd>
        <dt className={s.factTerm}>Status</dt>
        <dd className={s.factValue}>
          <StatusBadge status={effectiveStatus(a, now())} />
        </dd>
        {entry.decided && (
          <>
            <dt className={s.factTerm}>Decided at this meeting</dt>
            <dd className={s.factValue} data-decided={entry.decided}>
              {REVIEW_DECISION_LABELS[entry.decided]}
            </dd>
          </>
        )}
      </dl>
      <section className={s.stageSection} aria-labelledby="stage-measures">
        <h3 id="stage-measures" className={s.stageH3}>
          Success measures
        </h3>
        {a.successMeasures.length ? (
          <ul className={s.stageBody}>
            {a.successMeasures.map((m) => (
              <li key={m}>{m}</li>
            ))}
          </ul>
        ) : inherited?.successMeasures.length ? (
          <>
            <ul className={s.stageBody}>
              {inherited.successMeasures.map((m) => (
                <li key={m}>{m}</li>
              ))}
            </ul>
            <Text className={s.meta}>From {inherited.from} in the previous plan.</Text>
          </>
        ) : (
          <p className={s.stageBody}>None recorded.</p>
        )}
      </section>
      <section className={s.stageSection} aria-labelledby="stage-latest">
        <h3 id="stage-latest" className={s.stageH3}>
          Latest update
        </h3>
        {latest.state === "loading" && <Text>Loading the latest update…</Text>}
        {latest.state === "error" && <ErrorPanel error={latest.error} onRetry={latest.retry} />}
        {latest.state === "done" &&
          (newest ? (
            <>
              <p className={s.stageBody}>{newest.text}</p>
              <Text className={s.meta}>
                {newest.authorName || "Unknown author"}, {dayOf(newest.date)}
              </Text>
            </>
          ) : inherited?.lastUpdate ? (
            <>
              <p className={s.stageBody}>{inherited.lastUpdate.summary ?? "Updated"}</p>
              <Text className={s.meta}>
                On {inherited.from} in the previous plan, {dayOf(inherited.lastUpdate.at)}
              </Text>
            </>
          ) : (
            <p className={s.stageBody}>No update yet.</p>
          ))}
      </section>
      <form className={s.form} onSubmit={submit} aria-labelledby="stage-decision">
        <h3 id="stage-decision" className={s.stageH3}>
          Decision of the EDI group, {formatLongDate(meetingDate)}
        </h3>
        <Field label="Decision" required validationMessage={problem ?? undefined} validationState={problem ? "error" : "none"}>
          <RadioGroup
            value={decision}
            onChange={(_, d) => {
              // A different decision is a different submission.
              submissionKey.current = newKey();
              setDecision(d.value as ReviewDecision);
            }}
          >
            {REVIEW_DECISIONS.map((d) => (
              <Radio key={d} value={d} label={REVIEW_DECISION_LABELS[d]} />
            ))}
          </RadioGroup>
        </Field>
        <Field label="Note (optional)" hint="Recorded with the decision in the action's timeline.">
          <Textarea
            value={note}
            onChange={(_, d) => {
              submissionKey.current = newKey();
              setNote(d.value);
            }}
            rows={3}
            resize="vertical"
          />
        </Field>
        {error !== null && <ErrorPanel error={error} />}
        <div>
          <Button type="submit" appearance="primary" disabled={saving}>
            {saving ? "Recording…" : "Record decision"}
          </Button>
        </div>
      </form>
      {!compact && (
        <nav className={s.nav} aria-label="Review navigation">
          {pager}
          {back}
          {hint}
        </nav>
      )}
      {compact && (
        <div className={s.nav}>
          {back}
          {hint}
        </div>
      )}
      {saving && <MessageBar intent="info"><MessageBarBody>Recording the decision…</MessageBarBody></MessageBar>}
    </section>
  );
}
