/**
 * One action: every field, the updates timeline (newest first), the item's version history, "Add update", and
 * editing for the accountable officer, the responsible officers and the EDI group.
 */
import { Button, Link, Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow, Text, makeStyles, tokens, typographyStyles } from "@fluentui/react-components";
import { useCallback, useState } from "react";
import { ACTION_STATUS_LABELS, type ActionStatus, CHARACTERISTIC_LABELS, DISPOSITION_SENTENCES } from "../../../domain/types.ts";
import { effectiveStatus, updateAgeDays } from "../../../domain/status.ts";
import { standaloneActionUrl, teamsActionDeepLink } from "../../../domain/deep-links.ts";
import { useAppContext } from "../../lib/app-context.tsx";
import { NARROW } from "../../lib/breakpoints.ts";
import { ageText, dayOf, dueText } from "../../lib/format.ts";
import { ErrorPanel } from "../../components/error-panel/error-panel.tsx";
import { StatusBadge } from "../../components/status-badge/status-badge.tsx";
import { TableScroll } from "../../components/data-table/table-scroll.tsx";
import { UpdateTimeline } from "../../components/update-timeline/update-timeline.tsx";
import { ViewSkeleton } from "../../components/view-skeleton/view-skeleton.tsx";
import { useLoad } from "../../hooks/use-load.ts";
import { AddUpdateForm } from "./add-update-form/add-update-form.tsx";
import { type ActionMeasuresSlot, ActionMeasuresSection } from "./action-measures-section.tsx";
import { EditActionForm } from "./edit-action-form.tsx";
import { type ActionPageData, loadActionPage } from "./load-action.ts";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXL },
  h1: { ...typographyStyles.title2, margin: 0, overflowWrap: "anywhere", whiteSpace: "pre-wrap" },
  h2: { ...typographyStyles.subtitle1, margin: 0 },
  top: { display: "flex", gap: tokens.spacingHorizontalM, alignItems: "center", flexWrap: "wrap" },
  fields: {
    display: "grid",
    gridTemplateColumns: "minmax(10rem, max-content) 1fr",
    gap: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalL}`,
    margin: 0,
    // Narrow: each term above its value, which then has the whole width.
    [NARROW]: { gridTemplateColumns: "minmax(0, 1fr)", rowGap: 0 },
  },
  term: { fontWeight: tokens.fontWeightSemibold, [NARROW]: { marginTop: tokens.spacingVerticalS } },
  value: { margin: 0, overflowWrap: "anywhere", whiteSpace: "pre-wrap" },
  panel: {
    padding: tokens.spacingHorizontalL,
    backgroundColor: tokens.colorNeutralBackground1,
    borderRadius: tokens.borderRadiusMedium,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalM,
  },
});

/** `measures`: the indicators, evidence and EqIA panels, composed in by the route table. */
export default function ActionView({ id, measures }: { id: number; measures?: ActionMeasuresSlot }) {
  const s = useStyles();
  const ctx = useAppContext();
  const { sp, me, isMember, now, config } = ctx;
  const load = useLoad(() => loadActionPage(sp, id), [sp, id]);
  const [editing, setEditing] = useState(false);
  const { set } = load;

  // Re-reads quietly (no skeleton) after a save or a conflict, and hands the fresh action to the caller.
  const refresh = useCallback(async () => {
    const data = await loadActionPage(sp, id);
    set(data);
    return data;
  }, [sp, id, set]);

  if (load.state === "loading") return <ViewSkeleton label="Loading the action" rows={6} />;
  if (load.state === "error") return <ErrorPanel error={load.error} onRetry={load.retry} />;
  const { action, updates, versions, carriedInto, carried } = load.data as ActionPageData;
  // Until it has its own, a carried action shows the last update and measures of the action it came from, as that action's.
  const fromPrevious = carried ? ` (on ${carried.from} in the previous plan)` : "";
  const measuresText = action.successMeasures.length ? action.successMeasures.join("\n") : carried?.successMeasures.length ? `${carried.successMeasures.join("\n")}${fromPrevious}` : "";
  const inherited = !action.lastUpdateAt && carried?.lastUpdate ? carried.lastUpdate : null;
  const at = now();
  const canEdit = isMember || action.ownerId === me.id || action.officerIds.includes(me.id);
  const age = updateAgeDays(action.lastUpdateAt, at);
  const link = config.teamsAppId ? teamsActionDeepLink(config.teamsAppId, action.id) : config.appBaseUrl ? standaloneActionUrl(config.appBaseUrl, action.id) : null;

  const fields: Array<[string, string]> = [
    ["Reference", action.reference || "none"],
    ["Due", dueText(action.due)],
    ["Accountable officer", action.owner?.name ?? "nobody named"],
    ["Responsible officers", action.officers.map((p) => p.name).join(", ") || "nobody named"],
    ["Responsible teams", action.teams || "none given"],
    ["How will we know this is done?", measuresText || "not stated"],
    ["Protected characteristics", action.characteristics.map((c) => CHARACTERISTIC_LABELS[c] ?? c).join(", ") || "none tagged"],
    ["Review outcome", action.disposition === "open" ? "Open" : DISPOSITION_SENTENCES[action.disposition]],
    [
      "Last update",
      action.lastUpdateAt
        ? `${ageText(age)} (${dayOf(action.lastUpdateAt)}): ${action.lastUpdateSummary ?? ""}`
        : inherited
          ? `${ageText(updateAgeDays(inherited.at, at))} (${dayOf(inherited.at)}): ${inherited.summary ?? ""}${fromPrevious}`
          : "No update yet",
    ],
    ["Reminders", action.snoozedUntil ? `snoozed until ${dayOf(action.snoozedUntil)}` : "on"],
  ];

  return (
    <article className={s.root} aria-labelledby="action-title">
      <div>
        <Link href="#/my">Back to my actions</Link>
      </div>
      <div className={s.top}>
        <StatusBadge status={effectiveStatus(action, at)} />
        {link && (
          <Link href={link} target="_blank" rel="noreferrer">
            Link to this action
          </Link>
        )}
      </div>
      <h1 id="action-title" className={s.h1}>
        {action.reference ? `${action.reference}: ` : ""}
        {action.text}
      </h1>
      <section aria-labelledby="details-title" className={s.panel}>
        <div className={s.top}>
          <h2 id="details-title" className={s.h2}>
            Details
          </h2>
          {canEdit && !editing && <Button onClick={() => setEditing(true)}>Edit details</Button>}
        </div>
        {editing ? (
          <EditActionForm action={action} refresh={() => refresh().then((d) => d.action)} onDone={() => setEditing(false)} />
        ) : (
          <dl className={s.fields}>
            {fields.map(([k, v]) => (
              <div key={k} style={{ display: "contents" }}>
                <dt className={s.term}>{k}</dt>
                <dd className={s.value}>{v}</dd>
              </div>
            ))}
          </dl>
        )}
        {(action.carriedFromId !== null || carriedInto.length > 0) && (
          <nav aria-label="This action in other plans" className={s.top}>
            {action.carriedFromId !== null && <Link href={`#/actions/${action.carriedFromId}`}>Carried from the previous plan</Link>}
            {carriedInto.map((a) => (
              <Link key={a.id} href={`#/actions/${a.id}`}>
                Carried into the next plan{a.reference ? ` (${a.reference})` : ""}
              </Link>
            ))}
          </nav>
        )}
      </section>
      <section className={s.panel} aria-label="Add an update">
        {canEdit ? (
          <AddUpdateForm key={action.id} action={action} refresh={refresh} onSaved={() => refresh().then(() => undefined)} />
        ) : (
          <Text>Only the officers named on this action and the EDI group can add updates.</Text>
        )}
      </section>
      {measures && <ActionMeasuresSection action={action} render={measures} />}
      <section aria-labelledby="updates-title" className={s.panel}>
        <h2 id="updates-title" className={s.h2}>
          Updates ({updates.length})
        </h2>
        <UpdateTimeline updates={updates} />
      </section>
      <section aria-labelledby="history-title" className={s.panel}>
        <h2 id="history-title" className={s.h2}>
          Version history
        </h2>
        {"error" in versions ? (
          <ErrorPanel error={versions.error} onRetry={load.retry} />
        ) : (
          <TableScroll label="Version history">
            <Table aria-labelledby="history-title" size="small">
              <TableHeader>
                <TableRow>
                  <TableHeaderCell>Version</TableHeaderCell>
                  <TableHeaderCell>When</TableHeaderCell>
                  <TableHeaderCell>By</TableHeaderCell>
                  <TableHeaderCell>Status</TableHeaderCell>
                  <TableHeaderCell>Due</TableHeaderCell>
                  <TableHeaderCell>Last update</TableHeaderCell>
                </TableRow>
              </TableHeader>
              <TableBody>
                {versions.map((v) => (
                  <TableRow key={`${v.label}-${v.at}`}>
                    <TableCell>{v.label}</TableCell>
                    <TableCell>{v.at ? dayOf(v.at) : ""}</TableCell>
                    <TableCell>{v.editor}</TableCell>
                    <TableCell>{ACTION_STATUS_LABELS[v.status as ActionStatus] ?? v.status}</TableCell>
                    <TableCell>{v.dueDate ? dayOf(v.dueDate) : ""}</TableCell>
                    <TableCell>{v.lastUpdateSummary}</TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          </TableScroll>
        )}
      </section>
    </article>
  );
}
