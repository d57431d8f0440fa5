/**
 * The equalities lead's covering report for a plan's year, every part of src/domain/cover-report.ts, saved for
 * the plan and year. Problems are listed before anything is written; a conflict keeps the words and says what
 * changed. The figures are not typed here: {{actions}} and the like are filled in from the data by the report.
 */
import { Button, Field, Input, Spinner, Textarea } from "@fluentui/react-components";
import { type FormEvent, useCallback, useMemo } from "react";
import type { CoverReportInput } from "../../../../domain/cover-report.ts";
import { type CoverPart, PART_LABELS, PARTS, TEXT_PARTS, type TextPart } from "../cover-draft.ts";
import { useCoverFormStyles } from "./cover-form.styles.ts";
import type { CoverFormProps } from "./cover-form.types.ts";
import { CrossCuttingEditor, Group, LeadRolesEditor, NumberedEditor, OptionsEditor, SectionsEditor, TimetableEditor } from "./list-editors.tsx";
import { useCoverForm } from "./use-cover-form.ts";

export type { CoverFormProps };

type LinePart = "title" | "finalDecisionMaker" | "classification" | "wardsAffected" | "decisionSought";
type NumberedPart = "preferredOptionReasons" | "risks" | "consultation" | "nextSteps";

const names = (parts: readonly CoverPart[]) => (parts.length ? parts.map((p) => PART_LABELS[p]).join(", ") : "nothing you can see");

export function CoverForm(props: CoverFormProps) {
  const s = useCoverFormStyles();
  const f = useCoverForm(props);
  const c = f.draft.cover;
  const { change } = f;
  // One stable setter per part, so the memoised editors of the parts not being typed in do not re-render.
  const set = useMemo(() => {
    const m = {} as { [P in CoverPart]: (v: CoverReportInput[P]) => void };
    for (const p of PARTS) (m as Record<CoverPart, (v: unknown) => void>)[p] = (v) => change((x) => ({ ...x, cover: { ...x.cover, [p]: v } }));
    return m;
  }, [change]);
  const setCrossCutting = useCallback(
    (crossCuttingImplications: CoverReportInput["crossCuttingImplications"], implications: string[]) =>
      change((x) => ({ ...x, cover: { ...x.cover, crossCuttingImplications }, implications })),
    [change],
  );

  const line = (part: LinePart, hint?: string) => (
    <Field label={PART_LABELS[part]} hint={hint}>
      <Input value={c[part]} onChange={(_, d) => f.change((x) => ({ ...x, cover: { ...x.cover, [part]: d.value } }))} />
    </Field>
  );
  const text = (part: TextPart) => (
    <Field label={PART_LABELS[part]} hint={TEXT_PARTS[part] === "paragraphs" ? "Paragraphs, a blank line between them" : "One a line"}>
      <Textarea value={f.draft.texts[part]} resize="vertical" rows={4} onChange={(_, d) => f.change((x) => ({ ...x, texts: { ...x.texts, [part]: d.value } }))} />
    </Field>
  );
  const numbered = (part: NumberedPart) => (
    <NumberedEditor legend={PART_LABELS[part]} items={c[part]} onChange={set[part]} />
  );
  const submit = (e: FormEvent) => {
    e.preventDefault();
    void f.save();
  };
  const saving = f.state.name === "saving";

  return (
    <form className={s.form} onSubmit={submit} aria-label={`Covering report for ${c.period}`}>
      <Group legend="Report details">
        {line("title")}
        {line("finalDecisionMaker", "The committee that takes the decision")}
        {line("classification", "Public, or the exempt category")}
        {line("wardsAffected", "All, or the wards by name")}
        {line("decisionSought")}
      </Group>
      <LeadRolesEditor items={c.leadRoles} onChange={set.leadRoles} />
      <Group legend="Summary">
        {text("executiveSummary")}
        {text("purpose")}
        {text("recommendations")}
      </Group>
      <TimetableEditor items={c.timetable} onChange={set.timetable} />
      <CrossCuttingEditor
        items={c.crossCuttingImplications}
        implications={f.draft.implications}
        onChange={setCrossCutting}
      />
      <Group legend="Objectives the report names">
        {text("strategicPlanObjectives")}
        {text("crossCuttingObjectives")}
      </Group>
      <SectionsEditor items={c.sections} onChange={set.sections} />
      <OptionsEditor items={c.options} onChange={set.options} />
      {numbered("preferredOptionReasons")}
      {numbered("risks")}
      {numbered("consultation")}
      {numbered("nextSteps")}
      <Group legend="Appendices">{text("appendices")}</Group>

      {(f.state.name === "problems" || f.state.name === "conflict" || f.state.name === "failed") && (
        <div ref={f.noticeRef} tabIndex={-1} role="alert" className={s.notice} data-testid="cover-notice">
          {f.state.name === "problems" && (
            <>
              <strong>Not saved: {f.state.problems.length} problem(s) to put right.</strong>
              <ul className={s.problems}>
                {f.state.problems.map((p) => (
                  <li key={p}>{p}</li>
                ))}
              </ul>
            </>
          )}
          {f.state.name === "conflict" && (
            <>
              <strong>Not saved: someone else saved this covering report since you opened it.</strong>
              <span>They changed: {names(f.state.theirChanges)}.</span>
              <span>You changed: {names(f.state.myChanges)}. Your words are still in the form.</span>
              {f.state.theirs && (
                <div className={s.buttons}>
                  <Button appearance="primary" onClick={() => void f.reapplyAndSave()}>
                    Save my changes onto theirs
                  </Button>
                </div>
              )}
            </>
          )}
          {f.state.name === "failed" && <strong>Not saved: {f.state.message}</strong>}
        </div>
      )}
      <div className={s.buttons}>
        <Button appearance="primary" type="submit" disabledFocusable={saving} icon={saving ? <Spinner size="extra-tiny" /> : undefined}>
          Save the covering report
        </Button>
      </div>
      <div role="status" className={s.status} data-testid="cover-status">
        {f.state.name === "saved" ? "Covering report saved." : ""}
      </div>
    </form>
  );
}
