/**
 * `#/cover-report`, the equalities lead's: the covering report that takes a year's progress to committee. The
 * lead's words are edited and saved for the plan and year (src/data/cover-reports, with the ETag read); the figures
 * come from the data and are shown read only, as the report fills them in ({{actions}}, {{closed}}, …) from the
 * year's approved progress. A year with no report yet starts from the previous year's words when there are some.
 */
import { Button, Field, Input, Text } from "@fluentui/react-components";
import { getCoverReport } from "../../../data/cover-reports/repository.ts";
import { financialYearOf, formatFinancialYear } from "../../../domain/dates.ts";
import { COVER_FIGURES, type CoverFigures, coverFiguresFrom } from "../../../domain/cover-report.ts";
import { londonDate } from "../../../domain/london-time.ts";
import { buildReportModel, ReportError } from "../../../domain/report-model.ts";
import { readPeriod } from "../../../report/pipeline.ts";
import { ErrorPanel } from "../../components/error-panel/error-panel.tsx";
import { ViewSkeleton } from "../../components/view-skeleton/view-skeleton.tsx";
import { useIsEqualitiesLead } from "../../hooks/use-is-equalities-lead.ts";
import { useLoad } from "../../hooks/use-load.ts";
import { usePeriodField } from "../../hooks/use-period-field.ts";
import { useAppContext } from "../../lib/app-context.tsx";
import { CoverForm } from "./cover-form/cover-form.tsx";
import { newCover } from "./cover-draft.ts";
import { useCoverReportStyles } from "./cover-report.styles.ts";

/** The year a committee report usually covers: the one before the current financial year. */
function previousYear(period: string): string {
  return formatFinancialYear(Number(period.slice(0, 4)) - 1);
}

export default function CoverReportView() {
  const s = useCoverReportStyles();
  const { sp, plan, now } = useAppContext();
  const isLead = useIsEqualitiesLead();
  const year = usePeriodField(previousYear(financialYearOf(londonDate(now()))));
  const period = year.period;

  const load = useLoad(async () => {
    if (!plan || !isLead) return null;
    const [record, previous, figures] = await Promise.all([
      getCoverReport(sp, plan.id, period),
      getCoverReport(sp, plan.id, previousYear(period)),
      // A year with nothing approved yet has no figures: say why rather than fail the whole view.
      readPeriod(sp, plan, period)
        .then((data): CoverFigures | string => coverFiguresFrom(buildReportModel({ ...data, period, awaiting: "leave-out" })))
        .catch((err: unknown) => {
          if (err instanceof ReportError) return err.message;
          throw err;
        }),
    ]);
    return { record, previous, figures };
  }, [sp, plan?.id, period, isLead]);

  if (!isLead) return <ErrorPanel error={{ reason: "forbidden", message: "The covering report is written by the equalities lead." }} />;
  if (!plan) return <ErrorPanel error={{ reason: "not-found", message: "There is no plan on this site yet." }} />;

  return (
    <div className={s.root}>
      <h1 className={s.h1}>Covering report: {plan.title}</h1>
      <form className={s.form} onSubmit={year.submit} aria-label="Financial year of the report">
        <Field label="Financial year of the report" hint="For example 2025-26" validationState={year.error ? "error" : "none"} validationMessage={year.error ?? undefined}>
          <Input value={year.text} onChange={(_, d) => year.setText(d.value)} />
        </Field>
        <Button type="submit">Open the year</Button>
      </form>
      {load.state === "loading" && <ViewSkeleton label="Loading the covering report" />}
      {load.state === "error" && <ErrorPanel error={load.error} onRetry={load.retry} />}
      {load.state === "done" && load.data && (
        <>
          <section aria-labelledby="figures-title" className={s.section}>
            <h2 id="figures-title" className={s.h2}>
              Figures from the data for {period}
            </h2>
            <Text>Write a figure's name in double braces and the report fills it in from the year's approved progress; these are read only.</Text>
            {typeof load.data.figures === "string" ? (
              <Text data-testid="figures-unavailable">Not available yet: {load.data.figures}</Text>
            ) : (
              <dl className={s.figures} data-testid="cover-figures">
                {COVER_FIGURES.map((name) => (
                  <div key={name} className={s.figure}>
                    <dt className={s.code}>{`{{${name}}}`}</dt>
                    <dd className={s.dd}>{(load.data!.figures as CoverFigures)[name]}</dd>
                  </div>
                ))}
              </dl>
            )}
          </section>
          <section aria-labelledby="cover-title" className={s.section}>
            <h2 id="cover-title" className={s.h2}>
              The covering report for {period}
            </h2>
            <Text>
              {load.data.record
                ? "Saved for this plan and year; your changes are saved over it only if nobody else has saved it meanwhile."
                : load.data.previous
                  ? `Not written yet for ${period}: starting from the ${previousYear(period)} report's words.`
                  : `Not written yet for ${period}.`}
            </Text>
            <CoverForm
              key={`${period}/${load.data.record?.id ?? "new"}`}
              planId={plan.id}
              record={load.data.record}
              start={load.data.record?.cover ?? newCover(period, load.data.previous?.cover ?? null)}
            />
          </section>
        </>
      )}
    </div>
  );
}
