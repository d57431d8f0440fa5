/**
 * The whole plan: role → objective → commitment → action, with filters (role, status, team, officer, protected
 * characteristic, free text) and counts of matching actions at every level. An objective says which document sets
 * it out when the plan holds several framings of itself; commitments listed beside the actions without a pairing
 * (as a council's appendix may print them) are shown as that list, each with the action it carries on, if any.
 */
import { Button, Field, Input, Select, Text, makeStyles, tokens, typographyStyles } from "@fluentui/react-components";
import { useMemo, useState } from "react";
import type { ActionRecord } from "../../../data/actions/mapping.ts";
import { getPlanActions } from "../../../data/actions/repository.ts";
import { getPlanStructure, type PlanStructure } from "../../../data/plans/structure.ts";
import { describeContinuedFrom } from "../../../domain/continuity.ts";
import { actionTabRoute } from "../../../domain/deep-links.ts";
import { STATUS_TEXT } from "../../../domain/status.ts";
import { CHARACTERISTIC_LABELS, type Person, PROTECTED_CHARACTERISTICS } from "../../../domain/types.ts";
import { useAppContext } from "../../lib/app-context.tsx";
import { ActionSummary } from "../../components/action-summary/action-summary.tsx";
import { ErrorPanel } from "../../components/error-panel/error-panel.tsx";
import { ViewSkeleton } from "../../components/view-skeleton/view-skeleton.tsx";
import { useLoad } from "../../hooks/use-load.ts";
import { matches, NO_FILTERS, type PlanFilters } from "./plan-filters.ts";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalL },
  h1: { ...typographyStyles.title2, margin: 0 },
  filters: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalM, alignItems: "end" },
  role: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM },
  h2: { ...typographyStyles.title3, margin: 0 },
  h3: { ...typographyStyles.subtitle1, margin: 0, whiteSpace: "pre-wrap", overflowWrap: "anywhere" },
  h4: { ...typographyStyles.subtitle2, margin: 0, whiteSpace: "pre-wrap", overflowWrap: "anywhere" },
  objective: { paddingLeft: tokens.spacingHorizontalL, borderLeft: `${tokens.strokeWidthThick} solid ${tokens.colorNeutralStroke1}`, display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  commitment: { paddingLeft: tokens.spacingHorizontalL, display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  list: { listStyleType: "none", margin: 0, padding: 0, display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  source: { ...typographyStyles.caption1, color: tokens.colorNeutralForeground2 },
  commitments: { margin: 0, paddingLeft: tokens.spacingHorizontalXL, display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXS },
  statement: { whiteSpace: "pre-wrap", overflowWrap: "anywhere" },
});

const count = (n: number) => `${n} action${n === 1 ? "" : "s"}`;

export default function PlanView() {
  const s = useStyles();
  const { sp, plan, now } = useAppContext();
  const load = useLoad(async () => {
    if (!plan) return null;
    const [structure, actions] = await Promise.all([getPlanStructure(sp, plan), getPlanActions(sp, plan.id)]);
    return { structure, actions };
  }, [sp, plan?.id]);
  const [f, setF] = useState<PlanFilters>(NO_FILTERS);

  const officers = useMemo(() => {
    const m = new Map<number, Person>();
    for (const a of load.data?.actions ?? []) for (const p of [...(a.owner ? [a.owner] : []), ...a.officers]) m.set(p.id, p);
    return [...m.values()].sort((a, b) => a.name.localeCompare(b.name));
  }, [load.data]);

  if (!plan) return <Text>There is no plan on this site yet.</Text>;
  if (load.state === "loading") return <ViewSkeleton label="Loading the plan" rows={6} />;
  if (load.state === "error") return <ErrorPanel error={load.error} onRetry={load.retry} />;
  if (!load.data) return null;
  const { structure, actions } = load.data as { structure: PlanStructure; actions: ActionRecord[] };
  const at = now();
  const shown = actions.filter((a) => matches(a, f, at));
  const characteristics = [...PROTECTED_CHARACTERISTICS, ...plan.localCharacteristics];
  const roles = structure.roles.filter((r) => !f.roleId || String(r.id) === f.roleId);
  const inRole = (roleId: number) => {
    const objectiveIds = new Set(structure.objectives.filter((o) => o.roleId === roleId).map((o) => o.id));
    return shown.filter((a) => objectiveIds.has(a.objectiveId));
  };
  const total = roles.reduce((n, r) => n + inRole(r.id).length, 0);
  const set = (patch: Partial<PlanFilters>) => setF((x) => ({ ...x, ...patch }));

  return (
    <section className={s.root} aria-labelledby="plan-title">
      <h1 id="plan-title" className={s.h1}>
        {plan.title}
      </h1>
      {plan.demonstration && <Text>A demonstration plan: its delivery is fictional, for trying the product. It is not a plan the council adopted.</Text>}
      <search className={s.filters} aria-label="Filter actions">
        <Field label="Role">
          <Select value={f.roleId} onChange={(_, d) => set({ roleId: d.value })}>
            <option value="">All roles</option>
            {structure.roles.map((r) => (
              <option key={r.id} value={r.id}>
                {r.name}
              </option>
            ))}
          </Select>
        </Field>
        <Field label="Status">
          <Select value={f.status} onChange={(_, d) => set({ status: d.value as PlanFilters["status"] })}>
            <option value="">Any status</option>
            {Object.entries(STATUS_TEXT).map(([k, v]) => (
              <option key={k} value={k}>
                {v}
              </option>
            ))}
          </Select>
        </Field>
        <Field label="Team">
          <Input value={f.team} onChange={(_, d) => set({ team: d.value })} placeholder="e.g. Housing" />
        </Field>
        <Field label="Officer">
          <Select value={f.officerId} onChange={(_, d) => set({ officerId: d.value })}>
            <option value="">Anyone</option>
            {officers.map((p) => (
              <option key={p.id} value={p.id}>
                {p.name}
              </option>
            ))}
          </Select>
        </Field>
        <Field label="Protected characteristic">
          <Select value={f.characteristic} onChange={(_, d) => set({ characteristic: d.value })}>
            <option value="">Any</option>
            {characteristics.map((c) => (
              <option key={c} value={c}>
                {CHARACTERISTIC_LABELS[c] ?? c}
              </option>
            ))}
          </Select>
        </Field>
        <Field label="Search">
          <Input type="search" value={f.text} onChange={(_, d) => set({ text: d.value })} />
        </Field>
        <Button onClick={() => setF(NO_FILTERS)}>Clear filters</Button>
      </search>
      <Text role="status" aria-live="polite">
        Showing {count(total)} of {actions.length}.
      </Text>
      {roles.map((role) => {
        const roleActions = inRole(role.id);
        return (
          <section key={role.id} className={s.role} aria-labelledby={`role-${role.id}`}>
            <h2 id={`role-${role.id}`} className={s.h2}>
              {role.name} ({count(roleActions.length)})
            </h2>
            {structure.objectives
              .filter((o) => o.roleId === role.id)
              .map((o) => {
                const objActions = roleActions.filter((a) => a.objectiveId === o.id);
                if (objActions.length === 0) return null;
                const commitments = structure.commitments.filter((c) => c.objectiveId === o.id);
                // Commitments no action sits under: the objective's list, shown as such (not as empty groups).
                const unpaired = commitments.filter((c) => !actions.some((a) => a.commitmentId === c.id));
                const groups = [
                  ...commitments.map((c) => ({ key: `c${c.id}`, title: c.statement, list: objActions.filter((a) => a.commitmentId === c.id) })),
                  { key: `o${o.id}`, title: null as string | null, list: objActions.filter((a) => a.commitmentId === null) },
                ].filter((g) => g.list.length > 0);
                return (
                  <section key={o.id} className={s.objective} aria-labelledby={`objective-${o.id}`}>
                    <h3 id={`objective-${o.id}`} className={s.h3}>
                      {o.statement} ({count(objActions.length)})
                    </h3>
                    {o.source && <Text className={s.source}>As set out in: {o.source}</Text>}
                    {unpaired.length > 0 && (
                      <>
                        <h4 className={s.h4}>Commitments</h4>
                        <ul className={s.commitments}>
                          {unpaired.map((c) => (
                            <li key={c.id}>
                              <span className={s.statement}>{c.statement}</span>
                              {c.continues && <Text className={s.source}> ({describeContinuedFrom(c.continues)})</Text>}
                            </li>
                          ))}
                        </ul>
                      </>
                    )}
                    {groups.map((g) => (
                      <div key={g.key} className={s.commitment}>
                        {(g.title || unpaired.length > 0) && (
                          <h4 className={s.h4}>
                            {g.title ?? "Actions"} ({count(g.list.length)})
                          </h4>
                        )}
                        <ul className={s.list}>
                          {g.list.map((a) => (
                            <li key={a.id}>
                              <ActionSummary action={a} now={at} href={actionTabRoute(a.id)} showOwner headingLevel={5} />
                            </li>
                          ))}
                        </ul>
                      </div>
                    ))}
                  </section>
                );
              })}
          </section>
        );
      })}
    </section>
  );
}
