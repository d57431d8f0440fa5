/**
 * The run's two other kinds of nudge: an indicator's value due by its frequency, and an EqIA's review date coming
 * up (the rules: src/domain/measure-reminders.ts). A few requests per RUN, never per officer: the open plans'
 * indicators (one windowed query per open plan), the actions they belong to that the due window did not bring (40
 * ids per request), the EqIAs to review by the horizon (one windowed query), the equalities lead only when an
 * EqIA names no owner, and the ledger rows of the candidate keys (50 per $batch, by the unique key: a value's key
 * stays current for months, longer than the run's ledger look-back, so it is looked up, not assumed absent).
 * A failed read leaves the run to send the actions' reminders without these, never stops it.
 */
import type { ActionRecord } from "../../data/actions/index.ts";
import { getActionsByIds, getEdiGroup, getEqiasDueForReview, getPlanIndicators } from "../../data/index.ts";
import type { EqiaRecord } from "../../data/eqias/index.ts";
import type { IndicatorRecord } from "../../data/indicators/index.ts";
import { getLedgerByKeys } from "../../data/ledger/index.ts";
import { addDays } from "../../domain/dates.ts";
import { londonDate } from "../../domain/london-time.ts";
import { computeEqiaReviewNudges, computeValueNudges, type EqiaReviewNudge, type ValueNudge } from "../../domain/measure-reminders.ts";
import type { LedgerEntry, Person } from "../../domain/types.ts";
import type { DigestFigure, DigestReview } from "../cards/digest-measures.ts";
import type { BotContext } from "../context.ts";

/** A value asked for on the card (what the card and the email say), with the ledger row it is recorded under. */
export interface FigureDue extends DigestFigure {
  key: string;
  officerId: number;
  officer: Person | null;
}

/** An EqIA to review; its ledger row's ActionRef is the negative EqIA id. */
export interface ReviewDue extends DigestReview {
  key: string;
  ledgerRef: number;
  daysLeft: number;
  leadTime: string;
  officerId: number;
  officer: Person | null;
}

export interface MeasureWork {
  figures: FigureDue[];
  reviews: ReviewDue[];
}

/** What a ledger row of each says in LeadTime (32 characters at most): "value-2026-27-Q1", or the milestone. */
export const figureLeadTime = (f: Pick<FigureDue, "period">) => `value-${f.period.id}`.slice(0, 32);

export async function readMeasureWork(ctx: BotContext, r: { now: Date; openPlanIds: readonly number[]; known: readonly ActionRecord[] }): Promise<MeasureWork> {
  const { now } = r;
  const policy = ctx.policy;
  try {
    const horizon = addDays(londonDate(now), Math.max(...policy.leadTimesDays) + 7);
    const [perPlan, eqias] = await Promise.all([Promise.all(r.openPlanIds.map((id) => getPlanIndicators(ctx.sp, id))), getEqiasDueForReview(ctx.sp, horizon)]);
    const indicators = perPlan.flat();
    const actions = new Map(r.known.map((a) => [a.id, a]));
    const missingIds = [...new Set(indicators.map((i) => i.actionId))].filter((id) => !actions.has(id));
    for (const a of await getActionsByIds(ctx.sp, missingIds)) actions.set(a.id, a);
    // The equalities lead hears of an EqIA that names no owner; asked only when there is one.
    const lead = eqias.some((e) => e.ownerId === null) ? ((await getEdiGroup(ctx.sp)).members.find((m) => m.role === "equalities-lead")?.person ?? null) : null;

    const candidates = (ledger: readonly LedgerEntry[]) => ({
      values: computeValueNudges({
        indicators,
        actions: [...actions.values()],
        ledger,
        now,
        policy,
      }),
      reviews: computeEqiaReviewNudges({ eqias, ledger, now, policy, fallbackOfficerId: lead?.id ?? null }),
    });
    const first = candidates([]);
    const keys = [...first.values.map((n) => n.key), ...first.reviews.map((n) => n.key)];
    const held = keys.length ? await getLedgerByKeys(ctx.sp, keys) : [];
    const due = held.length ? candidates(held) : first;

    const byIndicator = new Map(indicators.map((i) => [i.id, i]));
    const byEqia = new Map(eqias.map((e) => [e.id, e]));
    return {
      figures: due.values.map((n) => figureOf(n, byIndicator.get(n.indicatorId) as IndicatorRecord, actions.get(n.actionId) as ActionRecord)),
      reviews: due.reviews.map((n) => reviewOf(n, byEqia.get(n.eqiaId) as EqiaRecord, lead)),
    };
  } catch (err) {
    ctx.log.warn({ err: String(err) }, "could not read indicators or EqIAs; this run sends the actions' reminders without figures or reviews");
    return { figures: [], reviews: [] };
  }
}

export function figureOf(n: ValueNudge, i: IndicatorRecord, a: ActionRecord): FigureDue {
  // The indicator's owner provides the value; else the action's owner (the rule's order).
  const officer = i.ownerId !== null ? i.owner : a.owner;
  return {
    key: n.key,
    actionId: n.actionId,
    actionReference: a.reference,
    indicatorId: i.id,
    indicatorName: i.name,
    unit: i.unit,
    period: n.period,
    missing: n.missing.length,
    officerId: n.officerId,
    officer,
  };
}

/** `lead`: who hears of an EqIA that names no owner (the rule's fallback). */
export function reviewOf(n: EqiaReviewNudge, e: Pick<EqiaRecord, "title" | "ownerId" | "owner">, lead: Person | null): ReviewDue {
  const officer = e.ownerId === null ? lead : e.owner;
  return { key: n.key, eqiaId: n.eqiaId, ledgerRef: n.ledgerRef, title: e.title, reviewDate: n.reviewDate, daysLeft: n.daysLeft, leadTime: n.leadTime, officerId: n.officerId, officer };
}
