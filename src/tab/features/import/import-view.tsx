/**
 * `#/import`: the equalities lead brings an existing plan in from Word, Excel or CSV. Steps: file and plan name →
 * columns (when a header is not recognised) → preview with every problem and its place → successors for people who
 * cannot be found → confirm → write. The browser's parse (the CLI's parsers, src/import) is the preview only: the
 * server is sent the file itself (POST /api/imports), parses it again and writes with the app's identity, a draft
 * activated last. Nothing is written before the confirmation; bad rows are left out only when the lead says so.
 */
import { Button, Checkbox, Field, Input, Label, MessageBar, MessageBarBody, MessageBarTitle } from "@fluentui/react-components";
import { useCallback, useId, useRef, useState } from "react";
import { londonDate } from "../../../domain/london-time.ts";
import type { ColumnMapping, ImportResult, KnownPerson } from "../../../import/types.ts";
import { useAppContext } from "../../lib/app-context.tsx";
import { ApiRefusal, toBase64 } from "../../lib/api-client.ts";
import { describeError } from "../../lib/errors.ts";
import { ErrorPanel } from "../../components/error-panel/error-panel.tsx";
import { useSuccessors } from "../../components/replacement-choice/use-successors.ts";
import { ColumnMappingStep } from "./column-mapping.tsx";
import { useWizardStyles } from "../../components/wizard/wizard.styles.ts";
import { ImportConfirm, type ImportStep as Step } from "./import-confirm.tsx";
import { ImportPeriodNote, ImportPreviewTable, ImportProblems } from "./import-preview.tsx";


interface LoadedFile {
  name: string;
  bytes: Uint8Array;
}

/** The parsers (and the site's people, for matching) are loaded when first needed: mammoth and exceljs are large. */
const loadImport = () => Promise.all([import("../../../import/index.ts"), import("../../../import/write/known-people.ts")]);

export default function ImportView() {
  const s = useWizardStyles();
  const { sp, api, isLead, plans, now, announce, reloadPlans } = useAppContext();
  const ids = useId();
  const fileRef = useRef<HTMLInputElement>(null);
  const [file, setFile] = useState<LoadedFile | null>(null);
  const [title, setTitle] = useState("");
  const [period, setPeriod] = useState("");
  const [defaultRole, setDefaultRole] = useState("");
  const [mapping, setMapping] = useState<ColumnMapping>({});
  const [skipInvalid, setSkipInvalid] = useState(false);
  const [result, setResult] = useState<ImportResult | null>(null);
  const [step, setStep] = useState<Step>("choose");
  const [busy, setBusy] = useState(false);
  const [formError, setFormError] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);
  const successors = useSuccessors();
  const [written, setWritten] = useState<{ planId: number; created: number; existing: number } | null>(null);
  const people = useRef<KnownPerson[] | null>(null);

  const check = useCallback(
    async (f: LoadedFile, m: ColumnMapping, skip: boolean) => {
      setBusy(true);
      setError(null);
      try {
        const [imp, write] = await loadImport();
        people.current ??= await write.knownPeople(sp);
        const r = await imp.parsePlanFile(f.bytes, {
          fileName: f.name,
          title,
          period: period.trim() || undefined,
          mapping: m,
          people: people.current,
          skipInvalid: skip,
          defaultRole: defaultRole.trim() || undefined,
          today: londonDate(now()),
        });
        setResult(r);
        setStep("preview");
        announce(
          r.tree
            ? `The file was read: ${r.actions.filter((a) => !a.skipped).length} actions ready to import${r.problems.length ? `, ${r.problems.length} problems left out` : ""}.`
            : `The file has ${r.problems.length} problem${r.problems.length === 1 ? "" : "s"}; nothing can be imported until they are fixed.`,
        );
      } catch (err) {
        setError(err);
        announce("The file could not be checked.");
      } finally {
        setBusy(false);
      }
    },
    [sp, title, period, defaultRole, now, announce],
  );

  const onChoose = useCallback(async () => {
    setFormError(null);
    const chosen = fileRef.current?.files?.[0];
    const { MAX_FILE_BYTES, formatBytes } = await import("../../../import/limits.ts");
    const missing = !chosen ? "Choose a Word, Excel or CSV file." : !title.trim() ? "Give the new plan a name." : null;
    if (missing) {
      setFormError(missing);
      announce(missing);
      return;
    }
    // A draft of that name may be this very import, interrupted: the server finishes it, or refuses another file (409).
    if (plans.some((p) => p.title.toLowerCase() === title.trim().toLowerCase() && p.status !== "draft")) {
      const m = `A plan called "${title.trim()}" already exists; choose another name.`;
      setFormError(m);
      announce(m);
      return;
    }
    // Refused before reading it into memory: the limit is stated, and a huge file would freeze the tab.
    if (chosen && chosen.size > MAX_FILE_BYTES) {
      const m = `"${chosen.name}" is ${formatBytes(chosen.size)}; the limit is ${formatBytes(MAX_FILE_BYTES)}.`;
      setFormError(m);
      announce(m);
      return;
    }
    const f = { name: chosen!.name, bytes: new Uint8Array(await chosen!.arrayBuffer()) };
    setFile(f);
    setSkipInvalid(false);
    successors.reset();
    await check(f, mapping, false);
  }, [title, plans, mapping, check, announce, successors.reset]);

  const remap = useCallback(
    (m: ColumnMapping) => {
      setMapping(m);
      if (file) void check(file, m, skipInvalid);
    },
    [file, skipInvalid, check],
  );

  const toggleSkip = useCallback(
    (skip: boolean) => {
      setSkipInvalid(skip);
      if (file) void check(file, mapping, skip);
    },
    [file, mapping, check],
  );

  /** What the server is sent: the file itself and the choices made here, never the browser's parse. */
  const request = useCallback(
    (reassign: Record<string, string>, dryRun: boolean) => {
      const typed = { title: title.trim(), period: period.trim() || undefined, defaultRole: defaultRole.trim() || undefined };
      return api.importPlan({ fileName: file!.name, file: toBase64(file!.bytes), ...typed, mapping, skipInvalid, reassign, dryRun });
    },
    [api, file, title, period, mapping, skipInvalid, defaultRole],
  );

  /** Continue: the server checks the file and everyone it names; who cannot be found is listed for a choice. */
  const confirm = useCallback(async () => {
    setBusy(true);
    setError(null);
    try {
      await successors.withSuccessors((reassign) => request(reassign, true));
      setStep("confirm");
      announce("Checked: everyone the file names can be found.");
    } catch (err) {
      const unresolved = err instanceof ApiRefusal && err.reason === "people-unresolved";
      if (unresolved) setStep("confirm");
      else setError(err);
      announce(unresolved ? "Some people the file names cannot be found: choose who takes over from each." : "The file could not be checked.");
    } finally {
      setBusy(false);
    }
  }, [successors, request, announce]);

  const write = useCallback(async () => {
    if (!file || !result?.tree) return;
    const missing = successors.requireAll((l) => people.current?.find((p) => p.login.toLowerCase() === l.toLowerCase())?.name);
    if (missing) {
      announce(missing);
      return;
    }
    setStep("writing");
    setError(null);
    announce("Importing the plan.");
    try {
      const r = await successors.withSuccessors((reassign) => request(reassign, false));
      setWritten({ planId: r.planId ?? 0, created: r.created ?? 0, existing: r.existing ?? 0 });
      await reloadPlans().catch(() => {});
      setStep("done");
      announce(r.message);
    } catch (err) {
      setError(err);
      setStep("confirm");
      announce("The import stopped. Nothing is lost: run it again to finish it.");
    }
  }, [file, result, successors, request, announce, reloadPlans]);

  if (!isLead) return <ErrorPanel error={{ reason: "forbidden", message: "Importing a plan is for the equalities lead." }} />;

  const rowProblemsOnly = result ? result.problems.length > 0 && result.problems.every((p) => p.rowKey) : false;
  const showColumns = result ? result.tables.some((t) => t.columns.some((c) => c.header && !c.field)) || result.problems.some((p) => p.reason === "no-columns" || p.reason === "missing-column") : false;
  const errorText = error ? describeError(error) : null;

  return (
    <div className={s.root}>
      <h1 className={s.h1}>Import a plan</h1>
      <p className={s.intro}>
        Bring an existing Equality Objectives and Action Plan in from Word (.docx), Excel (.xlsx) or CSV. The file is checked first; nothing is
        written until you confirm, and nothing at all if it has problems (unless you choose to leave those rows out).
      </p>

      <section className={s.section} aria-labelledby={`${ids}-choose`}>
        <h2 className={s.h2} id={`${ids}-choose`}>
          1. File and plan
        </h2>
        <div className={s.form}>
          <div className={s.section}>
            {/* A native file input with its own label: keyboard and screen readers know it everywhere. */}
            <Label htmlFor={`${ids}-file`} required>
              File (Word, Excel or CSV, up to 10 MB)
            </Label>
            <input
              id={`${ids}-file`}
              ref={fileRef}
              className={s.fileInput}
              type="file"
              accept=".docx,.xlsx,.csv,text/csv"
              disabled={busy || step === "writing"}
            />
          </div>
          <Field label="Name of the new plan" required>
            <Input value={title} onChange={(_, d) => setTitle(d.value)} maxLength={255} disabled={step === "writing"} />
          </Field>
          <Field label="Period" hint="For example 2023-2027. Leave it empty to take it from the plan's name or the document's title.">
            <Input value={period} onChange={(_, d) => setPeriod(d.value)} disabled={step === "writing"} />
          </Field>
          <Field label="Role for every action" hint="Only when the file names no role">
            <Input value={defaultRole} onChange={(_, d) => setDefaultRole(d.value)} disabled={step === "writing"} />
          </Field>
        </div>
        <div className={s.buttons}>
          <Button appearance="primary" onClick={() => void onChoose()} disabled={busy || step === "writing"}>
            {busy ? "Checking…" : "Check the file"}
          </Button>
        </div>
        {formError && (
          <MessageBar intent="error">
            <MessageBarBody>{formError}</MessageBarBody>
          </MessageBar>
        )}
      </section>

      {result && step !== "choose" && (
        <>
          {result.notes.length > 0 && (
            <MessageBar intent="info" layout="multiline">
              <MessageBarBody>
                <ul className={s.list}>
                  {result.notes.map((n) => (
                    <li key={n}>{n}</li>
                  ))}
                </ul>
              </MessageBarBody>
            </MessageBar>
          )}
          {showColumns && <ColumnMappingStep tables={result.tables} mapping={mapping} onChange={remap} />}

          <section className={s.section} aria-labelledby={`${ids}-preview`}>
            <h2 className={s.h2} id={`${ids}-preview`}>
              2. Preview
            </h2>
            <ImportPeriodNote result={result} />
            <ImportProblems result={result} />
            {rowProblemsOnly && (
              <Checkbox
                checked={skipInvalid}
                onChange={(_, d) => toggleSkip(Boolean(d.checked))}
                disabled={busy || step === "writing"}
                label={`Leave out the action${result.problems.length === 1 ? "" : "s"} with problems and import the others`}
              />
            )}
            {result.actions.length > 0 && <ImportPreviewTable result={result} />}
          </section>

          <ImportConfirm
            step={step}
            result={result}
            title={title}
            skipInvalid={skipInvalid}
            busy={busy}
            successors={successors}
            candidates={people.current ?? []}
            onContinue={() => void confirm()}
            onWrite={() => void write()}
            onBack={() => setStep("preview")}
            written={written}
            errorText={errorText}
          />
        </>
      )}
      {!result && errorText && (
        <MessageBar intent="error" layout="multiline">
          <MessageBarBody>
            <MessageBarTitle>{errorText.title}</MessageBarTitle>
            {errorText.detail}
          </MessageBarBody>
        </MessageBar>
      )}
    </div>
  );
}
