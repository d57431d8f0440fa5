/**
 * The action view's "Evidence" panel (split off; composed in by the route table with the measures already read):
 * the documents and data that show the action's progress, newest first, each link opened in a new tab; and, for
 * those who may add evidence, a form with the title, the link (http or https only, said clearly), type and date,
 * and a Remove button on each row that asks to confirm first.
 */
import { Button, Field, Input, MessageBar, MessageBarBody, MessageBarTitle, Select } from "@fluentui/react-components";
import { useEffect, useRef } from "react";
import { checkLink } from "../../../domain/evidence.ts";
import { EVIDENCE_TYPE_LABELS, EVIDENCE_TYPES, type EvidenceType } from "../../../domain/measure-constants.ts";
import { mayAddEvidence } from "../../../domain/measures-access.ts";
import { useDataTableStyles } from "../../components/data-table/data-table.styles.ts";
import { TableScroll } from "../../components/data-table/table-scroll.tsx";
import { usePanelStyles } from "../../components/panel/panel.styles.ts";
import { SubmitRow } from "../../components/submit-row/submit-row.tsx";
import { useAppContext } from "../../lib/app-context.tsx";
import { dayOf } from "../../lib/format.ts";
import type { ActionEvidenceProps } from "./evidence.types.ts";
import { useAddEvidenceForm } from "./use-add-evidence-form.ts";
import { useRemoveEvidence } from "./use-remove-evidence.ts";

/** "Remove … from this action?": focus moves to it when it opens, so a keyboard user is where the choice is. */
function ConfirmRemove({ r }: { r: ReturnType<typeof useRemoveEvidence> }) {
  const s = usePanelStyles();
  const first = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    if (r.asking) first.current?.focus();
  }, [r.asking]);
  if (!r.asking) return null;
  return (
    <fieldset className={s.form}>
      <legend className={s.wide}>Remove “{r.asking.title}” from this action? It is taken off the action for everyone; the document itself is not deleted.</legend>
      <Button ref={first} appearance="primary" disabledFocusable={r.removing} onClick={() => void r.confirm()}>
        {r.removing ? "Removing…" : "Remove the evidence"}
      </Button>
      <Button disabledFocusable={r.removing} onClick={r.cancel}>
        Keep it
      </Button>
      {r.failure && (
        <MessageBar intent="error" className={s.wide}>
          <MessageBarBody>
            <MessageBarTitle>{r.failure.title}</MessageBarTitle>
            {r.failure.detail}
          </MessageBarBody>
        </MessageBar>
      )}
    </fieldset>
  );
}

function AddEvidenceForm(props: Pick<ActionEvidenceProps, "action" | "reload">) {
  const s = usePanelStyles();
  const f = useAddEvidenceForm(props);
  return (
    <form
      className={s.form}
      aria-labelledby="add-evidence-title"
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        if (!f.saving) void f.submit();
      }}
    >
      <h3 id="add-evidence-title" className={`${s.h4} ${s.wide}`}>
        Add evidence
      </h3>
      <Field className={s.grow} label="Title" required validationMessage={f.errors.title}>
        <Input value={f.input.title} onChange={(_, d) => f.change({ title: d.value })} />
      </Field>
      <Field className={s.grow} label="Link (https://…)" required validationMessage={f.errors.link}>
        <Input type="url" value={f.input.link} onChange={(_, d) => f.change({ link: d.value })} autoComplete="url" />
      </Field>
      <Field label="Type" required validationMessage={f.errors.type}>
        <Select value={f.input.type} onChange={(_, d) => f.change({ type: d.value })}>
          {EVIDENCE_TYPES.map((t) => (
            <option key={t} value={t}>
              {EVIDENCE_TYPE_LABELS[t]}
            </option>
          ))}
        </Select>
      </Field>
      <Field label="Date" required validationMessage={f.errors.date}>
        <Input type="date" value={f.input.date} onChange={(_, d) => f.change({ date: d.value })} />
      </Field>
      <SubmitRow label="Add evidence" saving={f.saving} failure={f.failure} />
    </form>
  );
}

export default function ActionEvidence({ action, measures, reload }: ActionEvidenceProps) {
  const s = usePanelStyles();
  const dt = useDataTableStyles();
  const { me, isMember } = useAppContext();
  const { evidence } = measures;
  // Removing is for those who may add evidence (the same rule, checked again by the server).
  const mayChange = mayAddEvidence({ personId: me.id, isEdiMember: isMember }, action);
  const remove = useRemoveEvidence({ action, reload });
  return (
    <section className={s.panel} aria-labelledby="evidence-title">
      <h2 id="evidence-title" className={s.h2} tabIndex={-1}>
        Evidence ({evidence.length})
      </h2>
      {evidence.length === 0 ? (
        <p className={s.muted}>No evidence is linked to this action yet.</p>
      ) : (
        <TableScroll label="Evidence, newest first">
          <table className={dt.table} data-table="evidence">
            <caption className={dt.caption}>Evidence, newest first</caption>
            <thead>
              <tr>
                <th scope="col">Title</th>
                <th scope="col">Type</th>
                <th scope="col">Date</th>
                <th scope="col">Added by</th>
                {mayChange && <th scope="col">Remove</th>}
              </tr>
            </thead>
            <tbody>
              {evidence.map((e) => (
                <tr key={e.id}>
                  <th scope="row">
                    {/* Checked again when shown: an item written outside the product must not make a script link. */}
                    {checkLink(e.link).ok ? (
                      <a className={s.link} href={e.link} target="_blank" rel="noreferrer noopener">
                        {e.title}
                      </a>
                    ) : (
                      `${e.title} (link not shown: not a web address)`
                    )}
                  </th>
                  <td>{EVIDENCE_TYPE_LABELS[e.type as EvidenceType]}</td>
                  <td>{dayOf(e.date)}</td>
                  <td>{e.addedByName || "Not recorded"}</td>
                  {mayChange && (
                    <td>
                      <Button size="small" disabledFocusable={remove.removing} onClick={() => remove.ask(e)} aria-label={`Remove ${e.title}`}>
                        Remove
                      </Button>
                    </td>
                  )}
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      )}
      <ConfirmRemove r={remove} />
      {mayChange && <AddEvidenceForm action={action} reload={reload} />}
    </section>
  );
}
