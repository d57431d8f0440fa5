/**
 * `#/eqias/:id`: one Equality Impact Assessment, for everyone to read: what it assessed, the characteristics it
 * considered, outcome, summary, where it is published, the review date, and the actions it gave rise to or informs
 * (each a link to the action, whose view links back). The EDI group (and the assessment's owner) change it; the EDI
 * group links actions to it by reference.
 */
import { Button, Field, Input, Select } from "@fluentui/react-components";
import { useCallback, useState } from "react";
import { getEqiaActions } from "../../../data/eqia-links/repository.ts";
import type { EqiaRecord } from "../../../data/eqias/mapping.ts";
import { getEqia } from "../../../data/eqias/repository.ts";
import { formatLongDate } from "../../../domain/dates.ts";
import { checkLink, type EqiaLink } from "../../../domain/evidence.ts";
import { EQIA_OUTCOME_LABELS, EQIA_RELATION_LABELS, EQIA_RELATIONS, type EqiaRelation } from "../../../domain/measure-constants.ts";
import { mayChangeEqia, mayLinkEqia } from "../../../domain/measures-access.ts";
import { useDataTableStyles } from "../../components/data-table/data-table.styles.ts";
import { TableScroll } from "../../components/data-table/table-scroll.tsx";
import { ErrorPanel } from "../../components/error-panel/error-panel.tsx";
import { FactsList } from "../../components/facts-list/facts-list.tsx";
import { ViewSkeleton } from "../../components/view-skeleton/view-skeleton.tsx";
import { useAppContext } from "../../lib/app-context.tsx";
import { useLoad } from "../../hooks/use-load.ts";
import { characteristicsText } from "./characteristics-text.ts";
import { EqiaForm } from "./eqia-form.tsx";
import { usePanelStyles } from "../../components/panel/panel.styles.ts";
import { useEqiaStyles } from "./eqias.styles.ts";
import { useEqiaLinks } from "./use-eqia-links.ts";

function LinkedActions({ eqia, links, reload, mayLink }: { eqia: EqiaRecord; links: EqiaLink[]; reload(): Promise<void>; mayLink: boolean }) {
  const p = usePanelStyles();
  const s = useEqiaStyles();
  const dt = useDataTableStyles();
  const f = useEqiaLinks(eqia, reload);
  return (
    <section className={p.panel} aria-labelledby="eqia-actions-title">
      <h2 id="eqia-actions-title" className={p.h2}>
        Actions ({links.length})
      </h2>
      {links.length === 0 ? (
        <p className={p.muted}>No action is linked to this assessment yet.</p>
      ) : (
        <TableScroll label="Actions this assessment gave rise to or informs">
          <table className={dt.table} data-table="eqia-actions">
            <caption className={dt.caption}>Actions this assessment gave rise to or informs</caption>
            <thead>
              <tr>
                <th scope="col">Action</th>
                <th scope="col">Link</th>
                {mayLink && <th scope="col">Change</th>}
              </tr>
            </thead>
            <tbody>
              {links.map((l) => (
                <tr key={l.id}>
                  <th scope="row" className={s.actionCell}>
                    <a className={p.link} href={`#/actions/${l.actionId}`}>
                      {l.actionReference ? `${l.actionReference}: ` : ""}
                      {l.actionTitle}
                    </a>
                  </th>
                  <td>This assessment {EQIA_RELATION_LABELS[l.relation]} the action</td>
                  {mayLink && (
                    <td>
                      <Button size="small" disabledFocusable={f.busy} onClick={() => f.unlink(l)} aria-label={`Unlink ${l.actionReference || l.actionTitle}`}>
                        Unlink
                      </Button>
                    </td>
                  )}
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      )}
      {mayLink && f.plan && (
        <form
          className={p.form}
          aria-label="Link an action"
          noValidate
          onSubmit={(e) => {
            e.preventDefault();
            if (!f.busy) f.link();
          }}
        >
          <Field label={`Action reference (in ${f.plan.title})`} validationMessage={f.error}>
            <Input value={f.reference} onChange={(_, d) => f.setReference(d.value)} />
          </Field>
          <Field label="This assessment">
            <Select value={f.relation} onChange={(_, d) => f.setRelation(d.value as EqiaRelation)}>
              {EQIA_RELATIONS.map((r) => (
                <option key={r} value={r}>
                  {EQIA_RELATION_LABELS[r]} the action
                </option>
              ))}
            </Select>
          </Field>
          <div className={p.wide}>
            <Button type="submit" disabledFocusable={f.busy}>
              Link the action
            </Button>
          </div>
        </form>
      )}
    </section>
  );
}

export default function EqiaView({ id }: { id: number }) {
  const s = useEqiaStyles();
  const p = usePanelStyles();
  const { sp, me, isMember } = useAppContext();
  const read = useCallback(async () => {
    const [eqia, links] = await Promise.all([getEqia(sp, id), getEqiaActions(sp, id)]);
    return { eqia, links };
  }, [sp, id]);
  const load = useLoad(read, [read]);
  const { set } = load;
  const reload = useCallback(async () => set(await read()), [read, set]);
  const [editing, setEditing] = useState(false);
  if (load.state === "loading") return <ViewSkeleton label="Loading the assessment" />;
  if (load.state === "error") return <ErrorPanel error={load.error} onRetry={load.retry} />;
  const { eqia, links } = load.data;
  const caller = { personId: me.id, isEdiMember: isMember };
  const facts: Array<[string, string]> = [
    ["Assessed on", eqia.assessedOn ? formatLongDate(eqia.assessedOn) : "not recorded"],
    ["Characteristics considered", characteristicsText(eqia.characteristics)],
    ["Outcome", EQIA_OUTCOME_LABELS[eqia.outcome]],
    ["Summary", eqia.summary || "none written"],
    ["Review date", eqia.reviewDate ? formatLongDate(eqia.reviewDate) : "none set"],
    ["Owner", eqia.owner?.name ?? "none named"],
  ];
  return (
    <article className={s.root} aria-labelledby="eqia-title">
      <div>
        <a className={p.link} href="#/eqias">
          Back to the EqIA register
        </a>
      </div>
      <h1 id="eqia-title" className={s.h1}>
        {eqia.title}
      </h1>
      <section className={p.panel} aria-labelledby="eqia-details-title">
        <h2 id="eqia-details-title" className={p.h2}>
          The assessment
        </h2>
        {editing ? (
          <EqiaForm
            existing={eqia}
            onSaved={async () => {
              await reload();
              setEditing(false);
            }}
            onCancel={() => setEditing(false)}
          />
        ) : (
          <>
            <FactsList
              facts={[
                ...facts,
                [
                  "Published",
                  eqia.publishedLink && checkLink(eqia.publishedLink).ok ? (
                    <a key="published" className={p.link} href={eqia.publishedLink} target="_blank" rel="noreferrer noopener">
                      {eqia.publishedLink}
                    </a>
                  ) : (
                    "Not yet published"
                  ),
                ],
              ]}
            />
            {mayChangeEqia(caller, eqia) && (
              <div>
                <Button onClick={() => setEditing(true)}>Change the assessment</Button>
              </div>
            )}
          </>
        )}
      </section>
      <LinkedActions eqia={eqia} links={links} reload={reload} mayLink={mayLinkEqia(caller)} />
    </article>
  );
}
