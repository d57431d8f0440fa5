/**
 * `#/review`: the EDI group's review. In a meeting the shell opens it with frameContext "sidePanel" (the queue, with
 * "Share to stage") or "meetingStage" (the stage view); in the channel tab the same review runs in place.
 *
 * Data: the plan's actions and updates by ID windows (index-first at any size, src/data); the queue is pure
 * (src/domain/review-queue.ts). Its order is fixed when the page loads so that recording a decision never moves
 * the action under the group's eyes; decisions go through the server's API (recorded as kind "review-decision").
 */
import { MessageBar, MessageBarBody } from "@fluentui/react-components";
import { useCallback, useMemo, useState } from "react";
import type { ActionRecord } from "../../../data/actions/mapping.ts";
import { getAction, getPlanActions } from "../../../data/actions/repository.ts";
import type { UpdateRecord } from "../../../data/updates/mapping.ts";
import { getReviewDecisions } from "../../../data/updates/repository.ts";
import { type ApiResult, seenOf } from "../../lib/api-client.ts";
import { formatLongDate } from "../../../domain/dates.ts";
import { londonDate } from "../../../domain/london-time.ts";
import { buildReviewQueue, REVIEW_DECISION_LABELS, type ReviewReason } from "../../../domain/review-queue.ts";
import type { ReviewDecision } from "../../../domain/types.ts";
import { useAppContext } from "../../lib/app-context.tsx";
import { ErrorPanel } from "../../components/error-panel/error-panel.tsx";
import { ViewSkeleton } from "../../components/view-skeleton/view-skeleton.tsx";
import { useLoad } from "../../hooks/use-load.ts";
import { type QueueEntry, ReviewQueuePanel } from "./review-queue-panel.tsx";
import { ReviewStage } from "./review-stage.tsx";
import { useReviewStyles } from "./review.styles.ts";
import { shareToStage, stageUrl, wantsStage } from "./share-to-stage.ts";
import { useMeetingDate } from "./use-meeting-date.ts";

interface ReviewData {
  actions: ActionRecord[];
  updates: UpdateRecord[];
  /** The queue as it stood when the page loaded: action ids and why each is on the agenda. */
  agenda: Array<{ id: number; reasons: ReviewReason[] }>;
  lastReviewDate: string | null;
}

export default function ReviewView() {
  const s = useReviewStyles();
  const { sp, api, plan, now, isMember, host, announce } = useAppContext();
  // The meeting date: the stage URL's, else the meeting's (from Teams), else today in London; the side panel may change it.
  const meeting = useMeetingDate(api, host.meetingId, londonDate(now()));
  const { date: meetingDate, setDate: setMeetingDate } = meeting;
  const stageHost = host.frameContext === "meetingStage";
  const [index, setIndex] = useState<number | null>(stageHost || wantsStage(window.location.hash) ? 0 : null);
  const [sharing, setSharing] = useState(false);
  const [shareError, setShareError] = useState<unknown>(null);

  const load = useLoad(async (): Promise<ReviewData | null> => {
    // The queue is built for the meeting's day: wait for Teams' answer (the server gives it 8 seconds).
    if (meeting.asking) return null;
    if (!plan) return { actions: [], updates: [], agenda: [], lastReviewDate: null };
    // Progress is on each action (LastUpdateAt); only the review decisions are read as updates.
    const [actions, updates] = await Promise.all([getPlanActions(sp, plan.id), getReviewDecisions(sp, plan.id)]);
    const q = buildReviewQueue(actions, updates, now(), meetingDate);
    return { actions, updates, agenda: q.items.map((i) => ({ id: i.action.id, reasons: i.reasons })), lastReviewDate: q.lastReviewDate };
  }, [sp, plan?.id, meetingDate, meeting.asking]);

  const entries: QueueEntry[] = useMemo(() => {
    if (load.state !== "done" || !load.data) return [];
    const byId = new Map(load.data.actions.map((a) => [a.id, a]));
    const decided = new Map<number, { decision: ReviewDecision; at: string; id: number }>();
    for (const u of load.data.updates) {
      if (u.kind !== "review-decision" || !u.decision || (u.meetingDate ?? londonDate(u.date)) !== meetingDate) continue;
      const prev = decided.get(u.actionId);
      if (!prev || u.date > prev.at || (u.date === prev.at && u.id > prev.id)) decided.set(u.actionId, { decision: u.decision, at: u.date, id: u.id });
    }
    return load.data.agenda
      .filter((g) => byId.has(g.id))
      .map((g) => ({ action: byId.get(g.id)!, reasons: g.reasons, decided: decided.get(g.id)?.decision ?? null }));
  }, [load, meetingDate]);

  const decide = useCallback(
    async (entry: QueueEntry, decision: ReviewDecision, note: string, submissionKey: string) => {
      if (load.state !== "done" || !load.data) return;
      const label = REVIEW_DECISION_LABELS[decision];
      const text = note || `Review decision of the EDI group on ${formatLongDate(meetingDate)}: ${label}.`;
      let result: ApiResult;
      try {
        // The server records it as the signed-in member of the group, after checking they are one.
        result = await api.recordReviewDecision(entry.action.id, { decision, text, meetingDate, submissionKey, seen: seenOf(entry.action) });
      } catch (err) {
        // 412: someone changed the action since the page loaded. Nothing was written; take the fresh action (and
        // its ETag) so that the group sees the change and pressing "Record decision" again succeeds.
        if ((err as { reason?: string }).reason === "conflict") {
          const fresh = await getAction(sp, entry.action.id);
          load.set({ ...load.data, actions: load.data.actions.map((a) => (a.id === fresh.id ? fresh : a)) });
        }
        throw err;
      }
      // Re-read the action: its status, disposition and ETag changed with the decision.
      const fresh = await getAction(sp, entry.action.id);
      load.set({
        ...load.data,
        actions: load.data.actions.map((a) => (a.id === fresh.id ? fresh : a)),
        updates: result.update ? [result.update, ...load.data.updates] : load.data.updates,
      });
    },
    [sp, api, meetingDate, load],
  );

  const share = useCallback(async () => {
    setSharing(true);
    setShareError(null);
    try {
      await shareToStage(stageUrl(window.location, meetingDate));
      announce("The review is shared to the meeting stage.");
    } catch (err) {
      setShareError(err);
      announce("The review could not be shared to the stage.");
    } finally {
      setSharing(false);
    }
  }, [announce, meetingDate]);

  const open = useCallback(
    (i: number) => {
      setIndex(i);
      announce(`Stage view: action ${i + 1} of ${entries.length}.`);
    },
    [announce, entries.length],
  );

  if (!isMember) return <ErrorPanel error={{ reason: "forbidden", message: "The review is for the equalities lead and the EDI group." }} />;
  if (!plan) return <ErrorPanel error={{ reason: "not-found", message: "There is no plan on this site yet." }} />;
  if (load.state === "loading" || (load.state === "done" && !load.data)) return <ViewSkeleton label="Loading the review queue" />;
  if (load.state === "error") return <ErrorPanel error={load.error} onRetry={load.retry} />;

  if (index !== null && entries.length > 0) {
    const i = Math.min(index, entries.length - 1);
    return (
      <div className={s.root}>
        <h1 className={s.h1}>Review: {plan.title}</h1>
        <ReviewStage
          entries={entries}
          index={i}
          meetingDate={meetingDate}
          onIndex={setIndex}
          onBack={stageHost ? undefined : () => setIndex(null)}
          compact={host.frameContext === "sidePanel"}
          onDecide={decide}
        />
      </div>
    );
  }
  return (
    <div className={s.root}>
      {shareError !== null && (
        <MessageBar intent="error" role="alert">
          <MessageBarBody>{shareError instanceof Error ? shareError.message : String(shareError)}</MessageBarBody>
        </MessageBar>
      )}
      <ReviewQueuePanel
        entries={entries}
        lastReviewDate={load.data?.lastReviewDate ?? null}
        meetingDate={meetingDate}
        dateSource={meeting.source}
        today={londonDate(now())}
        onMeetingDate={setMeetingDate}
        onOpen={open}
        onShareToStage={host.inTeams && host.frameContext === "sidePanel" ? share : undefined}
        sharing={sharing}
      />
    </div>
  );
}
