/**
 * The publication view's data: a plan's progress updates for one financial year with the actions they are on (two
 * reads: the plan's actions and the year's updates, both index-first in src/data), the counts by state, and the
 * lead's bulk approval. Single decisions are the approval form's; they hand back the update as it is now.
 */
import { useCallback, useMemo, useState } from "react";
import { getPlanActions } from "../../../data/actions/repository.ts";
import type { UpdateRecord } from "../../../data/updates/mapping.ts";
import { getPlanUpdates } from "../../../data/updates/repository.ts";
import { financialYearOf } from "../../../domain/dates.ts";
import { londonDate } from "../../../domain/london-time.ts";
import { isPublishable, type PublicationReviewer, publicationCounts, publicationOf } from "../../../domain/publication.ts";
import type { PublicationState } from "../../../domain/constants.ts";
import { useAppContext } from "../../lib/app-context.tsx";
import { describeError } from "../../lib/errors.ts";
import { useIsEqualitiesLead } from "../../hooks/use-is-equalities-lead.ts";
import { useLoad } from "../../hooks/use-load.ts";
import { approveAllShown } from "./publication-writes.ts";

export type StateFilter = PublicationState | "all";

export interface PublicationRow {
  update: UpdateRecord;
  actionLabel: string;
}

export function currentFinancialYear(now: Date): string {
  return financialYearOf(londonDate(now));
}

export function usePublication(period: string) {
  const { sp, api, plan, me, announce } = useAppContext();
  const isLead = useIsEqualitiesLead();
  const reviewer: PublicationReviewer = useMemo(() => ({ personId: me.id, isEqualitiesLead: isLead }), [me.id, isLead]);
  const [filter, setFilter] = useState<StateFilter>("draft");
  const [bulkBusy, setBulkBusy] = useState(false);
  const [bulkStatus, setBulkStatus] = useState("");
  // Updates decided on this page stay in the list they were in, so focus and reading order do not jump.
  const [decided, setDecided] = useState<{ period: string; ids: ReadonlySet<number> }>({ period, ids: new Set() });
  const decidedHere = decided.period === period ? decided.ids : new Set<number>();
  const keep = useCallback((ids: number[]) => setDecided((d) => ({ period, ids: new Set([...(d.period === period ? d.ids : []), ...ids]) })), [period]);

  const load = useLoad(async () => {
    if (!plan || !isLead) return null;
    const [actions, updates] = await Promise.all([getPlanActions(sp, plan.id), getPlanUpdates(sp, plan.id, period)]);
    const label = new Map(actions.map((a) => [a.id, [a.reference, a.text].filter(Boolean).join(" ")]));
    const rows: PublicationRow[] = updates
      .filter((u) => u.period === period && isPublishable(u))
      .sort((a, b) => a.date.localeCompare(b.date) || a.id - b.id)
      .map((u) => ({ update: u, actionLabel: label.get(u.actionId) || `Action ${u.actionId}` }));
    return { rows };
  }, [sp, plan?.id, period, isLead]);

  const rows = load.data?.rows ?? [];
  const counts = publicationCounts(
    rows.map((r) => r.update),
    period,
  );
  const shown = filter === "all" ? rows : rows.filter((r) => publicationOf(r.update).state === filter || decidedHere.has(r.update.id));

  /** Puts the update as it is now in place of the one read (after a decision, or re-read after a conflict). */
  const replace = useCallback(
    (u: UpdateRecord) => {
      if (!load.data) return;
      keep([u.id]);
      load.set({ rows: load.data.rows.map((r) => (r.update.id === u.id ? { ...r, update: u } : r)) });
    },
    [load, keep],
  );

  const approveAll = useCallback(async () => {
    if (!load.data) return;
    setBulkBusy(true);
    const say = (m: string) => {
      setBulkStatus(m);
      announce(m);
    };
    say(`Approving ${counts.draft} update(s) for ${period}…`);
    try {
      if (!plan) return;
      const r = await approveAllShown(
        api,
        plan.id,
        load.data.rows.map((x) => x.update),
        period,
      );
      const parts = [`Approved ${r.approved.length} update(s) as written.`];
      if (r.changed.length) parts.push(`${r.changed.length} had changed since the list was read and were left as they are: look at them again below.`);
      if (r.failed.length) parts.push(`${r.failed.length} could not be saved (${describeError(r.failed[0]).title}): approve all again to finish.`);
      const changed = new Map([...r.approved, ...r.changed].map((u) => [u.id, u]));
      keep([...changed.keys()]);
      load.set({ rows: load.data.rows.map((x) => ({ ...x, update: changed.get(x.update.id) ?? x.update })) });
      say(parts.join(" "));
    } catch (err) {
      const e = describeError(err);
      say(`Not approved: ${e.title}. ${e.detail}`);
    } finally {
      setBulkBusy(false);
    }
  }, [load, api, plan, period, announce, counts.draft, keep]);

  return { plan, isLead, reviewer, load, rows, shown, counts, filter, setFilter, replace, approveAll, bulkBusy, bulkStatus };
}
