/**
 * `#/rollover`: the equalities lead starts the next plan period. Preview first (what is carried into the new plan,
 * what is closed, read with the lead's own token; and, from the server's dry run, who the new plan names that
 * cannot be found, with a choice of successor for each), then an explicit confirmation. The rollover itself runs
 * on the server (POST /api/plans/{id}/rollover) with the app's identity: src/data/plan-tree/rollover.ts, the same as
 * `eap rollover`. Carried actions keep a link to the action they came from (the action view shows it both ways).
 */
import { Button, Field, Input, MessageBar, MessageBarBody, MessageBarTitle, Select, Spinner } from "@fluentui/react-components";
import { useCallback, useId, useMemo, useState } from "react";
import { readPlanTree } from "../../../data/plan-tree/index.ts";
import { getSiteUsers } from "../../../data/people/repository.ts";
import { parsePeriod } from "../../../domain/dates.ts";
import { nextPeriod, previewRollover, type RolloverPreview } from "../../../import/rollover-preview.ts";
import { useAppContext } from "../../lib/app-context.tsx";
import { ApiRefusal } from "../../lib/api-client.ts";
import { ErrorPanel } from "../../components/error-panel/error-panel.tsx";
import { ReplacementChoice } from "../../components/replacement-choice/replacement-choice.tsx";
import type { Candidate } from "../../components/replacement-choice/replacement-choice.types.ts";
import { useSuccessors } from "../../components/replacement-choice/use-successors.ts";
import { useWizardStyles } from "../../components/wizard/wizard.styles.ts";
import { useDataTableStyles } from "../../components/data-table/data-table.styles.ts";
import { TableScroll } from "../../components/data-table/table-scroll.tsx";

type Step = "choose" | "preview" | "confirm" | "writing" | "done";

function PreviewTable({ caption, items, showDisposition }: { caption: string; items: RolloverPreview["carried"]; showDisposition: boolean }) {
  const s = useWizardStyles();
  const dt = useDataTableStyles();
  if (items.length === 0) return <p className={s.intro}>{caption}: none.</p>;
  return (
    <TableScroll label={caption}>
      <table className={dt.table}>
        <caption className={dt.caption}>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">Ref</th>
            <th scope="col">Action</th>
            {showDisposition && <th scope="col">Review said</th>}
          </tr>
        </thead>
        <tbody>
          {items.map((a) => (
            <tr key={a.reference}>
              <td>{a.reference}</td>
              <td>{a.text}</td>
              {showDisposition && <td>{a.disposition === "developed" ? "Developed in the new plan" : "Remains ongoing"}</td>}
            </tr>
          ))}
        </tbody>
      </table>
    </TableScroll>
  );
}

export default function RolloverView() {
  const s = useWizardStyles();
  const { sp, api, me, members, plans, plan, announce, reloadPlans } = useAppContext();
  const ids = useId();
  const open = useMemo(() => plans.filter((p) => p.status !== "closed"), [plans]);
  const [fromId, setFromId] = useState<number | null>(plan && plan.status !== "closed" ? plan.id : (open.at(-1)?.id ?? null));
  const from = plans.find((p) => p.id === fromId) ?? null;
  const [to, setTo] = useState("");
  const [period, setPeriod] = useState("");
  const [step, setStep] = useState<Step>("choose");
  const [preview, setPreview] = useState<RolloverPreview | null>(null);
  const [formError, setFormError] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [result, setResult] = useState<{ carried: number; closed: number; toPlanId: number } | null>(null);
  const successors = useSuccessors();
  const [candidates, setCandidates] = useState<Candidate[]>([]);

  const targetPeriod = period.trim() || (from ? nextPeriod(from.period) : "");
  const targetTitle = to.trim();

  const showPreview = useCallback(async () => {
    setFormError(null);
    setError(null);
    let problem: string | null = null;
    if (!from) problem = "Choose the plan to roll over.";
    else if (!targetTitle) problem = "Give the new plan a name.";
    else if (targetTitle.length > 255) problem = "A plan's name may be at most 255 characters.";
    else if (plans.some((p) => p.title.toLowerCase() === targetTitle.toLowerCase() && p.predecessorId !== from.id)) problem = `A plan called "${targetTitle}" already exists.`;
    else {
      try {
        parsePeriod(targetPeriod);
      } catch (e) {
        problem = (e as Error).message;
      }
    }
    if (problem || !from) {
      setFormError(problem);
      announce(problem ?? "");
      return;
    }
    setStep("preview");
    successors.reset();
    try {
      const [snap, users] = await Promise.all([readPlanTree(sp, from, { updates: false }), getSiteUsers(sp)]);
      const p = previewRollover(snap.tree);
      setCandidates(users.filter((u) => u.upn).map((u) => ({ login: u.upn ?? "", name: u.name })));
      setPreview(p);
      announce(`${p.carried.length} actions will be carried into the new plan and ${p.closed.length} closed.`);
      // The server checks that everyone the new plan names can be found (it alone may ask SharePoint to resolve people).
      const found = await successors.withSuccessors((reassign) => api.rollover(from.id, { to: targetTitle, period: targetPeriod, reassign, dryRun: true })).then(
        () => true,
        (err: unknown) => {
          if (err instanceof ApiRefusal && err.reason === "people-unresolved") return false;
          throw err;
        },
      );
      if (!found) announce("Some people the new plan names cannot be found: choose who takes over from each.");
    } catch (err) {
      setError(err);
      setStep("choose");
    }
  }, [from, targetTitle, targetPeriod, plans, sp, api, successors, announce]);

  const run = useCallback(async () => {
    if (!from) return;
    const missing = successors.requireAll((l) => candidates.find((c) => c.login.toLowerCase() === l.toLowerCase())?.name);
    if (missing) {
      announce(missing);
      return;
    }
    setStep("writing");
    setError(null);
    announce("Rolling the plan over.");
    try {
      const p = parsePeriod(targetPeriod);
      const period = `${p.startYear}-${p.endYear}`;
      const r = await successors.withSuccessors((reassign) => api.rollover(from.id, { to: targetTitle, period, reassign }));
      setResult({ carried: r.carried, closed: r.closed, toPlanId: r.toPlanId ?? 0 });
      await reloadPlans().catch(() => {});
      setStep("done");
      announce(`Rolled over: ${r.carried} actions carried into "${targetTitle}", ${r.closed} closed.`);
    } catch (err) {
      setError(err);
      setStep("confirm");
      announce("The rollover stopped. Running it again finishes it.");
    }
  }, [from, targetPeriod, targetTitle, api, successors, candidates, announce, reloadPlans]);

  const isLead = members.some((m) => m.person.id === me.id && m.role === "equalities-lead");
  if (!isLead) return <ErrorPanel error={{ reason: "forbidden", message: "Rolling a plan over is for the equalities lead." }} />;
  if (open.length === 0) return <ErrorPanel error={{ reason: "not-found", message: "There is no open plan to roll over." }} />;

  return (
    <div className={s.root}>
      <h1 className={s.h1}>Roll a plan over</h1>
      <p className={s.intro}>
        Start the next plan period. Actions the review marked "remains ongoing" or "developed" are carried into the new plan, linked to where they came
        from; the old plan's other open actions are closed, and the old plan is closed.
      </p>
      <section className={s.section} aria-labelledby={`${ids}-choose`}>
        <h2 className={s.h2} id={`${ids}-choose`}>
          1. Plans
        </h2>
        <div className={s.form}>
          <Field label="Plan to roll over" required>
            <Select value={fromId === null ? "" : String(fromId)} onChange={(_, d) => setFromId(Number(d.value))} disabled={step === "writing"}>
              {open.map((p) => (
                <option key={p.id} value={p.id}>
                  {p.title} ({p.period})
                </option>
              ))}
            </Select>
          </Field>
          <Field label="Name of the new plan" required>
            <Input value={to} onChange={(_, d) => setTo(d.value)} maxLength={255} disabled={step === "writing"} />
          </Field>
          <Field label="Period of the new plan" hint={from ? `Leave empty for ${nextPeriod(from.period)}` : undefined}>
            <Input value={period} onChange={(_, d) => setPeriod(d.value)} disabled={step === "writing"} />
          </Field>
        </div>
        <div className={s.buttons}>
          <Button appearance="primary" onClick={() => void showPreview()} disabled={step === "writing"}>
            Preview
          </Button>
        </div>
        {formError && (
          <MessageBar intent="error">
            <MessageBarBody>{formError}</MessageBarBody>
          </MessageBar>
        )}
        {step === "choose" && error !== null && <ErrorPanel error={error} />}
      </section>

      {step !== "choose" && (
        <section className={s.section} aria-labelledby={`${ids}-preview`}>
          <h2 className={s.h2} id={`${ids}-preview`}>
            2. What will happen
          </h2>
          {!preview ? (
            <Spinner label="Reading the plan" />
          ) : (
            <>
              <PreviewTable caption={`Carried into "${targetTitle}" (${preview.carried.length})`} items={preview.carried} showDisposition />
              <PreviewTable caption={`Closed in "${from?.title}" (${preview.closed.length})`} items={preview.closed} showDisposition={false} />
              {preview.alreadyClosed > 0 && <p className={s.intro}>{preview.alreadyClosed} action(s) are already closed and stay as they are.</p>}
              {successors.unresolved.length > 0 && (
                <ReplacementChoice
                  people={successors.unresolved}
                  candidates={candidates}
                  chosen={successors.chosen}
                  onChange={successors.choose}
                  error={successors.choiceError}
                  disabled={step === "writing"}
                />
              )}
              {step === "preview" && (
                <div className={s.buttons}>
                  <Button appearance="primary" onClick={() => setStep("confirm")}>
                    Continue
                  </Button>
                </div>
              )}
              {step === "confirm" && (
                <>
                  <p className={s.intro}>
                    Create "{targetTitle}" ({targetPeriod}) with {preview.carried.length} carried action(s), and close "{from?.title}" and its{" "}
                    {preview.closed.length} open action(s)?
                  </p>
                  <div className={s.buttons}>
                    <Button appearance="primary" onClick={() => void run()}>
                      Roll over now
                    </Button>
                    <Button onClick={() => setStep("preview")}>Back</Button>
                  </div>
                </>
              )}
              {step === "writing" && <Spinner label="Rolling over…" />}
              {step === "done" && result && (
                <MessageBar intent="success" layout="multiline">
                  <MessageBarBody>
                    <MessageBarTitle>Rolled over</MessageBarTitle>"{targetTitle}" (plan {result.toPlanId}) has {result.carried} carried action(s);{" "}
                    {result.closed} action(s) and "{from?.title}" are closed. The new plan is now in the plan picker.
                  </MessageBarBody>
                </MessageBar>
              )}
            </>
          )}
          {error !== null && <ErrorPanel error={error} />}
        </section>
      )}
    </div>
  );
}
