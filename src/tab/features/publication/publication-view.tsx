/**
 * `#/publication`, the equalities lead's: the year's progress updates awaiting approval (and those decided), each
 * approved as written, edited then approved (the original kept) or withheld with a reason; all the awaiting ones
 * approved at once; and the year's public page made as a download. Only the lead sees it (the route's access and
 * this view's own check); the server repeats the check once the tab's writes go through the product's API.
 */
import { Button, Field, Input, Select, Text } from "@fluentui/react-components";
import { useRef } from "react";
import { PUBLICATION_STATE_LABELS } from "../../../domain/constants.ts";
import { ErrorPanel } from "../../components/error-panel/error-panel.tsx";
import { ViewSkeleton } from "../../components/view-skeleton/view-skeleton.tsx";
import { usePeriodField } from "../../hooks/use-period-field.ts";
import { useAppContext } from "../../lib/app-context.tsx";
import { ApprovalForm } from "./approval-form/approval-form.tsx";
import { usePublicationStyles } from "./publication.styles.ts";
import { PublishPanel } from "./publish-panel.tsx";
import { currentFinancialYear, type StateFilter, usePublication } from "./use-publication.ts";

const FILTERS: Array<{ value: StateFilter; label: string }> = [
  { value: "draft", label: PUBLICATION_STATE_LABELS.draft },
  { value: "approved", label: PUBLICATION_STATE_LABELS.approved },
  { value: "withheld", label: PUBLICATION_STATE_LABELS.withheld },
  { value: "all", label: "All progress updates" },
];

export default function PublicationView() {
  const s = usePublicationStyles();
  const { now } = useAppContext();
  const year = usePeriodField(currentFinancialYear(now()));
  const period = year.period;
  const p = usePublication(period);
  const listRef = useRef<HTMLHeadingElement>(null);

  if (!p.isLead) return <ErrorPanel error={{ reason: "forbidden", message: "Approval and publication are for the equalities lead." }} />;
  if (!p.plan) return <ErrorPanel error={{ reason: "not-found", message: "There is no plan on this site yet." }} />;

  const onWait = () => {
    p.setFilter("draft");
    listRef.current?.focus();
  };

  return (
    <div className={s.root}>
      <h1 className={s.h1}>Approval and publication: {p.plan.title}</h1>
      <form className={s.form} onSubmit={year.submit} aria-label="Financial year">
        <Field
          label="Financial year"
          hint="For example 2026-27"
          validationState={year.error ? "error" : "none"}
          validationMessage={year.error ?? undefined}
        >
          <Input value={year.text} onChange={(_, d) => year.setText(d.value)} />
        </Field>
        <Button type="submit">Show the year</Button>
      </form>

      {p.load.state === "loading" && <ViewSkeleton label="Loading the year's updates" />}
      {p.load.state === "error" && <ErrorPanel error={p.load.error} onRetry={p.load.retry} />}
      {p.load.state === "done" && (
        <>
          <section aria-labelledby="approval-title" className={s.section}>
            <h2 id="approval-title" className={s.h2} ref={listRef} tabIndex={-1}>
              Progress updates for {period}
            </h2>
            <ul className={s.counts} aria-label={`Progress updates for ${period} by state`} data-testid="publication-counts">
              <li>{p.counts.draft} awaiting approval</li>
              <li>{p.counts.approved} approved</li>
              <li>{p.counts.withheld} withheld</li>
            </ul>
            <div className={s.form}>
              <Field label="Show">
                <Select value={p.filter} onChange={(_, d) => p.setFilter(d.value as StateFilter)}>
                  {FILTERS.map((f) => (
                    <option key={f.value} value={f.value}>
                      {f.label}
                    </option>
                  ))}
                </Select>
              </Field>
              {p.counts.draft > 0 && (
                <Button disabledFocusable={p.bulkBusy} onClick={() => void p.approveAll()}>
                  Approve all {p.counts.draft} awaiting, as written
                </Button>
              )}
            </div>
            <div role="status" className={s.status} data-testid="bulk-status">
              {p.bulkStatus}
            </div>
            {p.shown.length === 0 ? (
              <Text>{p.filter === "draft" ? `No updates for ${period} await approval.` : "No updates to show."}</Text>
            ) : (
              <ul className={s.list} aria-label="Updates">
                {p.shown.map((r) => (
                  <li key={r.update.id}>
                    <ApprovalForm update={r.update} actionLabel={r.actionLabel} reviewer={p.reviewer} onDecided={p.replace} />
                  </li>
                ))}
              </ul>
            )}
          </section>
          <PublishPanel period={period} onWait={onWait} />
        </>
      )}
    </div>
  );
}
