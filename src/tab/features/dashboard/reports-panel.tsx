/**
 * The committee report (.docx) and the plan exports (CSV, XLSX) from the tab: the same pipeline as the CLI
 * (src/report/pipeline.ts), loaded only when a button is pressed so the dashboard stays light. Status messages are
 * shown and announced; a period with no updates or a failed read says what happened and downloads nothing.
 */
import { Button, Field, Input, Select, Text } from "@fluentui/react-components";
import { useState } from "react";
import { financialYearOf } from "../../../domain/dates.ts";
import { londonDate } from "../../../domain/london-time.ts";
import { normalisePeriod, ReportError } from "../../../domain/report-model.ts";
import { useAppContext } from "../../lib/app-context.tsx";
import { describeError } from "../../lib/errors.ts";
import { useDashboardStyles } from "./dashboard.styles.ts";
import { downloadBlob, fileNameOf } from "../../lib/download.ts";

type Job = "docx" | "csv" | "xlsx";

/** The financial year before the current one: the year a committee report usually covers. */
function previousFinancialYear(now: Date): string {
  const current = financialYearOf(londonDate(now));
  const start = Number(current.slice(0, 4)) - 1;
  return `${start}-${String((start + 1) % 100).padStart(2, "0")}`;
}

export function ReportsPanel() {
  const s = useDashboardStyles();
  const { sp, plans, plan, now, me, announce } = useAppContext();
  const [planId, setPlanId] = useState<number | null>(plan?.id ?? null);
  const [period, setPeriod] = useState(() => previousFinancialYear(now()));
  const [periodError, setPeriodError] = useState<string | null>(null);
  const [busy, setBusy] = useState<Job | null>(null);
  const [status, setStatus] = useState("");
  const chosen = plans.find((p) => p.id === (planId ?? plan?.id)) ?? null;

  const say = (m: string) => {
    setStatus(m);
    announce(m);
  };

  const run = async (job: Job) => {
    if (!chosen) return;
    let normalised = "";
    if (job === "docx") {
      try {
        normalised = normalisePeriod(period);
        setPeriodError(null);
      } catch (err) {
        setPeriodError((err as Error).message);
        say(`Not created: ${(err as Error).message}.`);
        return;
      }
    }
    setBusy(job);
    say(job === "docx" ? `Creating the committee report for ${normalised}…` : `Exporting ${chosen.title} as ${job.toUpperCase()}…`);
    try {
      const pipeline = await import("../../../report/pipeline.ts");
      if (job === "docx") {
        const file = await pipeline.committeeReportFile(sp, chosen, normalised, { creator: me.name });
        downloadBlob(new Blob([file.bytes as BlobPart], { type: file.mediaType }), fileNameOf(`${file.model.title} ${chosen.period}`, file.extension));
        say(`Committee report for ${normalised} created: ${file.model.actionCount} action(s).`);
      } else {
        const file = await pipeline.planExportFile(sp, chosen, job, { now: now(), creator: me.name });
        downloadBlob(new Blob([file.bytes as BlobPart], { type: file.mediaType }), fileNameOf(chosen.title, file.extension));
        say(`Exported ${file.rows} action(s) as ${job.toUpperCase()}.`);
      }
    } catch (err) {
      if (err instanceof ReportError) say(`Not created: ${err.message}`);
      else {
        const e = describeError(err);
        say(`Not created: ${e.title}. ${e.detail}`);
      }
    } finally {
      setBusy(null);
    }
  };

  return (
    <section aria-labelledby="reports-title" className={s.section}>
      <h2 id="reports-title" className={s.h2}>
        Committee report and exports
      </h2>
      <div className={s.form}>
        <Field label="Plan to report on or export">
          <Select value={String(chosen?.id ?? "")} onChange={(_, d) => setPlanId(Number(d.value))}>
            {plans.map((p) => (
              <option key={p.id} value={p.id}>
                {p.title}
              </option>
            ))}
          </Select>
        </Field>
        <Field
          label="Financial year of the report"
          hint="For example 2022-23"
          validationState={periodError ? "error" : "none"}
          validationMessage={periodError ?? undefined}
        >
          <Input value={period} onChange={(_, d) => setPeriod(d.value)} />
        </Field>
      </div>
      <div className={s.buttons}>
        <Button appearance="primary" disabled={!chosen || busy !== null} onClick={() => run("docx")}>
          {busy === "docx" ? "Creating the report…" : "Committee report (Word)"}
        </Button>
        <Button disabled={!chosen || busy !== null} onClick={() => run("csv")}>
          {busy === "csv" ? "Exporting…" : "Export plan (CSV)"}
        </Button>
        <Button disabled={!chosen || busy !== null} onClick={() => run("xlsx")}>
          {busy === "xlsx" ? "Exporting…" : "Export plan (Excel)"}
        </Button>
      </div>
      <Text role="status" className={s.status} data-testid="reports-status">
        {status}
      </Text>
    </section>
  );
}
