/**
 * The import's last step: who takes over from people the file names who cannot be found (the server's dry run
 * lists them), the confirmation, the busy state while the server writes (one request: docs/api.md), and the outcome.
 */
import { Button, Field, MessageBar, MessageBarBody, MessageBarTitle, ProgressBar } from "@fluentui/react-components";
import { useId } from "react";
import type { ImportResult } from "../../../import/types.ts";
import type { describeError } from "../../lib/errors.ts";
import { ReplacementChoice } from "../../components/replacement-choice/replacement-choice.tsx";
import type { Candidate } from "../../components/replacement-choice/replacement-choice.types.ts";
import type { useSuccessors } from "../../components/replacement-choice/use-successors.ts";
import { useWizardStyles } from "../../components/wizard/wizard.styles.ts";

export type ImportStep = "choose" | "preview" | "confirm" | "writing" | "done";

export interface ImportConfirmProps {
  step: ImportStep;
  result: ImportResult;
  title: string;
  skipInvalid: boolean;
  busy: boolean;
  successors: ReturnType<typeof useSuccessors>;
  candidates: readonly Candidate[];
  onContinue(): void;
  onWrite(): void;
  onBack(): void;
  written: { planId: number; created: number; existing: number } | null;
  errorText: ReturnType<typeof describeError> | null;
}

export function ImportConfirm(p: ImportConfirmProps) {
  const s = useWizardStyles();
  const id = useId();
  const { step, result, title, written, errorText } = p;
  const good = result.actions.filter((a) => !a.skipped).length;
  return (
    <section className={s.section} aria-labelledby={`${id}-confirm`}>
      <h2 className={s.h2} id={`${id}-confirm`}>
        3. Import
      </h2>
      {step === "preview" && (
        <div className={s.buttons}>
          <Button appearance="primary" disabled={!result.tree || p.busy} onClick={p.onContinue}>
            {p.busy ? "Checking…" : "Continue"}
          </Button>
        </div>
      )}
      {step === "confirm" && result.tree && p.successors.unresolved.length > 0 && (
        <ReplacementChoice
          people={p.successors.unresolved}
          candidates={p.candidates}
          chosen={p.successors.chosen}
          onChange={p.successors.choose}
          error={p.successors.choiceError}
        />
      )}
      {step === "confirm" && result.tree && (
        <>
          <p className={s.intro}>
            Import {good} action{good === 1 ? "" : "s"} as a new plan "{title}" ({result.period?.value})?
            {p.skipInvalid ? ` ${result.actions.length - good} action(s) with problems will be left out.` : ""}
          </p>
          <div className={s.buttons}>
            <Button appearance="primary" onClick={p.onWrite}>
              Import {good} action{good === 1 ? "" : "s"}
            </Button>
            <Button onClick={p.onBack}>Back</Button>
          </div>
        </>
      )}
      {step === "writing" && (
        <Field
          label="Writing the plan"
          validationMessage="The server is writing the plan; one of hundreds of actions takes a few minutes. Keep this page open."
          validationState="none"
        >
          <ProgressBar />
        </Field>
      )}
      {step === "done" && written && (
        <MessageBar intent="success" layout="multiline">
          <MessageBarBody>
            <MessageBarTitle>Imported</MessageBarTitle>"{title}" is on the site (plan {written.planId}): {written.created} item
            {written.created === 1 ? "" : "s"} written{written.existing ? `, ${written.existing} already there from an earlier attempt` : ""}. Choose it in the
            plan picker.
          </MessageBarBody>
        </MessageBar>
      )}
      {errorText && (
        <MessageBar intent="error" layout="multiline">
          <MessageBarBody>
            <MessageBarTitle>{errorText.title}</MessageBarTitle>
            {errorText.detail} Importing the same file again finishes the import without duplicates.
          </MessageBarBody>
        </MessageBar>
      )}
    </section>
  );
}
