/**
 * What a pressed or refreshed digest card still lists of the figures and impact assessments it showed. The card's
 * data names them (./card-data.ts); the press read them again in its one $batch (./read-for-press.ts). The rules
 * are the run's (src/domain/measure-reminders.ts) at the moment of the press, without the run's sending hours and
 * ledger: a figure whose period now has a value (the one just saved) drops off, an EqIA whose review date moved
 * past its reminders drops off, and one whose date moved within them shows the new date.
 * The ids come from the client, so each item must also concern the person who pressed: a figure they give (the
 * indicator's owner, else the action's) on an action they may act on, an EqIA they own (or, unowned, the equalities
 * lead's). A forged list shows nothing more than the person's own.
 */
import { judge } from "../../commands/index.ts";
import type { ActionRecord } from "../../data/actions/index.ts";
import type { EdiGroup, EqiaRecord, IndicatorRecord } from "../../data/index.ts";
import { reviewsDueAt, valuesDueAt } from "../../domain/measure-reminders.ts";
import { samePerson } from "../../domain/permissions.ts";
import type { ReminderPolicy } from "../../domain/reminder-policy.ts";
import type { DigestFigure, DigestReview } from "../cards/digest-measures.ts";
import { figureOf, reviewOf } from "../reminders/measure-work.ts";

export interface CardMeasuresInput {
  /** Who pressed (their UPN, as the press resolved it). */
  caller: { upn: string };
  group: EdiGroup;
  /** The actions as they now are (read, or just written), by id. */
  actions: ReadonlyMap<number, ActionRecord>;
  indicators: readonly IndicatorRecord[];
  eqias: readonly EqiaRecord[];
  now: Date;
  policy: ReminderPolicy;
}

export function measuresOnCard(input: CardMeasuresInput): { figures: DigestFigure[]; reviews: DigestReview[] } {
  const { caller, group, actions, now, policy } = input;
  const who = { upn: caller.upn };
  const byIndicator = new Map(input.indicators.map((i) => [i.id, i]));
  const figures = valuesDueAt({ indicators: input.indicators, actions: [...actions.values()], ledger: [], now, policy })
    .map((n) => ({ n, action: actions.get(n.actionId) as ActionRecord }))
    .filter(({ action }) => judge(caller, action, group).author !== null)
    .map(({ n, action }) => figureOf(n, byIndicator.get(n.indicatorId) as IndicatorRecord, action))
    .filter((f) => f.officer !== null && samePerson(who, f.officer));

  const lead = group.members.find((m) => m.role === "equalities-lead")?.person ?? null;
  const byEqia = new Map(input.eqias.map((e) => [e.id, e]));
  const reviews = reviewsDueAt({ eqias: input.eqias, ledger: [], now, policy, fallbackOfficerId: lead?.id ?? null })
    .map((n) => reviewOf(n, byEqia.get(n.eqiaId) as EqiaRecord, lead))
    .filter((r) => r.officer !== null && samePerson(who, r.officer));
  return { figures, reviews };
}
