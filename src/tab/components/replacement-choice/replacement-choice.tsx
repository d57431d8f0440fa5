/**
 * Who takes over from each person a plan names who cannot be found (left the council, disabled, mistyped): one
 * native select per person (keyboard and screen readers know it everywhere), labelled with the person's name and
 * described by the actions that name them. The import and rollover wizards show it in their preview; the server
 * applies the choice by the same rule as the CLI's `--reassign old=new`.
 */
import { Field, MessageBar, MessageBarBody, Select } from "@fluentui/react-components";
import { useId } from "react";
import { describePlace } from "../../../data/plan-tree/people.ts";
import { useWizardStyles } from "../wizard/wizard.styles.ts";
import { keyOf } from "./replacement-choice.ts";
import type { ReplacementChoiceProps } from "./replacement-choice.types.ts";

export function ReplacementChoice({ people, candidates, chosen, onChange, disabled, error }: ReplacementChoiceProps) {
  const s = useWizardStyles();
  const id = useId();
  const nameOf = (login: string) => candidates.find((c) => keyOf(c.login) === keyOf(login))?.name;
  return (
    <section className={s.section} aria-labelledby={`${id}-h`}>
      <h3 className={s.h2} id={`${id}-h`}>
        People who cannot be found
      </h3>
      <p className={s.intro}>
        The plan names {people.length === 1 ? "someone" : `${people.length} people`} the organisation's directory no longer knows (they may have left).
        Choose who takes over from each; nothing is written until everyone has a successor.
      </p>
      <div className={s.form}>
        {people.map((p) => {
          const name = nameOf(p.login);
          const who = name ? `${name} (${p.login})` : p.login;
          const failed = p.replacement ? `${nameOf(p.replacement) ?? p.replacement}, chosen to take over, cannot be found either: choose someone else.` : undefined;
          return (
            <Field
              key={p.login}
              label={`Who takes over from ${who}`}
              hint={`Named as ${p.places.map(describePlace).join("; ")}.`}
              validationMessage={failed}
              validationState={failed ? "error" : "none"}
            >
              <Select value={chosen[keyOf(p.login)] ?? ""} onChange={(_, d) => onChange(keyOf(p.login), d.value)} disabled={disabled}>
                <option value="">Choose a person</option>
                {candidates
                  .filter((c) => keyOf(c.login) !== keyOf(p.login))
                  .map((c) => (
                    <option key={c.login} value={c.login}>
                      {c.name} ({c.login})
                    </option>
                  ))}
              </Select>
            </Field>
          );
        })}
      </div>
      {error && (
        <MessageBar intent="error">
          <MessageBarBody>{error}</MessageBarBody>
        </MessageBar>
      )}
    </section>
  );
}
