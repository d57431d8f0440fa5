/**
 * Editing an action's fields (accountable officer, responsible officers and the EDI group): status, teams and
 * success measures; the delivery date too for the equalities lead, who alone changes it (others ask for a new date
 * with an update). Saved through the server's API, which checks the same rule and writes with the ETag it reads;
 * a conflict shows what changed and keeps the edits.
 */
import { Button, Field, Input, MessageBar, MessageBarActions, MessageBarBody, MessageBarTitle, Select, Spinner, Textarea, makeStyles, tokens } from "@fluentui/react-components";
import { useState } from "react";
import type { ActionRecord } from "../../../data/actions/mapping.ts";
import { isValidIsoDate } from "../../../domain/dates.ts";
import { isChoosableStatus } from "../../../domain/status.ts";
import { ACTION_STATUSES, ACTION_STATUS_LABELS, type ActionStatus, MULTI_LINE_MAX } from "../../../domain/types.ts";
import { type ApiSeen, seenOf } from "../../lib/api-client.ts";
import { useAppContext } from "../../lib/app-context.tsx";
import { describeError } from "../../lib/errors.ts";
import { ErrorPanel } from "../../components/error-panel/error-panel.tsx";
import { diffAction, type FieldChange } from "./action-diff.ts";

const useStyles = makeStyles({
  form: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM, maxWidth: "48rem" },
  row: { display: "flex", gap: tokens.spacingHorizontalM, flexWrap: "wrap" },
});

interface Edits {
  status: ActionStatus;
  dueDate: string;
  teams: string;
  successMeasures: string;
}

const editsOf = (a: ActionRecord): Edits => ({ status: a.status, dueDate: a.due.date ?? "", teams: a.teams, successMeasures: a.successMeasures.join("\n") });

export function EditActionForm({ action, onDone, refresh }: { action: ActionRecord; onDone(): void; refresh(): Promise<ActionRecord> }) {
  const s = useStyles();
  const { api, announce, isLead } = useAppContext();
  const [edits, setEdits] = useState<Edits>(() => editsOf(action));
  // The copy the person started from: the patch is what THEY changed against it, so re-applying after a conflict
  // never writes back someone else's newer values for fields the person did not touch.
  const [base, setBase] = useState(action);
  const [state, setState] = useState<{ name: "idle" | "saving" } | { name: "conflict"; changes: FieldChange[] } | { name: "failed"; error: unknown }>({ name: "idle" });
  const dateError = edits.dueDate && !isValidIsoDate(edits.dueDate) ? "Enter the date as day, month and year." : undefined;
  const teamsError = edits.teams.length > MULTI_LINE_MAX ? `Keep this under ${MULTI_LINE_MAX.toLocaleString("en-GB")} characters.` : undefined;

  /** What the person changed, and what they saw of those fields (the server refuses if they changed meanwhile). */
  const patchOf = (): { changes: Record<string, unknown>; seen: ApiSeen } => {
    const p: Record<string, unknown> = {};
    const seen: ApiSeen = seenOf(base);
    const was = editsOf(base);
    if (edits.status !== was.status) p.status = edits.status;
    if (edits.dueDate !== was.dueDate) p.dueDate = edits.dueDate || null;
    if (edits.teams !== was.teams) {
      p.teams = edits.teams;
      seen.teams = base.teams;
    }
    if (edits.successMeasures !== was.successMeasures) {
      p.successMeasures = edits.successMeasures.split(/\r?\n/).map((x) => x.trim()).filter(Boolean);
      seen.successMeasures = base.successMeasures;
    }
    return { changes: p, seen };
  };

  const save = async (from: ActionRecord) => {
    if (dateError || teamsError) return;
    const patch = patchOf();
    if (Object.keys(patch.changes).length === 0) {
      announce("Nothing to save: no field was changed.");
      onDone();
      return;
    }
    setState({ name: "saving" });
    announce("Saving your changes…");
    try {
      await api.editAction(from.id, { changes: patch.changes, seen: patch.seen });
      await refresh();
      announce("Changes saved.");
      onDone();
    } catch (error) {
      if ((error as { reason?: string }).reason === "conflict") {
        const fresh = await refresh().catch(() => from);
        // Show the current values for untouched fields, the person's own for the fields they changed.
        const now = editsOf(fresh);
        const was = editsOf(base);
        setEdits({
          status: edits.status !== was.status ? edits.status : now.status,
          dueDate: edits.dueDate !== was.dueDate ? edits.dueDate : now.dueDate,
          teams: edits.teams !== was.teams ? edits.teams : now.teams,
          successMeasures: edits.successMeasures !== was.successMeasures ? edits.successMeasures : now.successMeasures,
        });
        setBase(fresh);
        setState({ name: "conflict", changes: diffAction(from, fresh) });
        announce("Not saved: someone else changed this action. Your edits are kept; review and re-apply.");
      } else {
        setState({ name: "failed", error });
        announce(`Not saved: ${describeError(error).title}.`);
      }
    }
  };

  const saving = state.name === "saving";
  return (
    <form
      className={s.form}
      aria-label="Edit action"
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        if (!saving) void save(base);
      }}
    >
      {state.name === "conflict" && (
        <MessageBar intent="warning" layout="multiline">
          <MessageBarBody>
            <MessageBarTitle>Not saved: someone else changed this action</MessageBarTitle>
            <ul>
              {state.changes.map((c) => (
                <li key={c.field}>
                  {c.field}: was “{c.before}”, now “{c.after}”
                </li>
              ))}
            </ul>
          </MessageBarBody>
          <MessageBarActions>
            <Button appearance="primary" onClick={() => void save(base)}>
              Re-apply my changes
            </Button>
          </MessageBarActions>
        </MessageBar>
      )}
      {state.name === "failed" && <ErrorPanel error={state.error} onRetry={() => void save(base)} />}
      <div className={s.row}>
        <Field label="Status">
          <Select value={edits.status} onChange={(_, d) => setEdits({ ...edits, status: d.value as ActionStatus })}>
            {/* "Not recorded" is shown while it is the action's status, but nobody can choose it. */}
            {ACTION_STATUSES.filter((st) => isChoosableStatus(st) || st === base.status).map((st) => (
              <option key={st} value={st} disabled={!isChoosableStatus(st)}>
                {ACTION_STATUS_LABELS[st]}
              </option>
            ))}
          </Select>
        </Field>
        {/* Only the lead changes the date; anyone else asks for a new one with an update (a proposal). */}
        {isLead && (
          <Field label="To be delivered by" validationMessage={dateError} validationState={dateError ? "error" : "none"}>
            <Input type="date" value={edits.dueDate} onChange={(_, d) => setEdits({ ...edits, dueDate: d.value })} />
          </Field>
        )}
      </div>
      <Field label="Responsible teams" validationMessage={teamsError} validationState={teamsError ? "error" : "none"}>
        <Textarea value={edits.teams} onChange={(_, d) => setEdits({ ...edits, teams: d.value })} />
      </Field>
      <Field label="How will we know this is done? (one measure per line)">
        <Textarea value={edits.successMeasures} onChange={(_, d) => setEdits({ ...edits, successMeasures: d.value })} rows={4} />
      </Field>
      <div className={s.row}>
        <Button type="submit" appearance="primary" disabledFocusable={saving} icon={saving ? <Spinner size="tiny" /> : undefined}>
          {saving ? "Saving…" : "Save changes"}
        </Button>
        <Button onClick={onDone} disabled={saving}>
          Cancel
        </Button>
      </div>
    </form>
  );
}
