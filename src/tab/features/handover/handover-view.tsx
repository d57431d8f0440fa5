/**
 * Handover, for the equalities lead: open actions whose owner the reminder bot can no longer reach (disabled or
 * deleted in the directory, the bot blocked, sends failing, neither Teams nor a mailbox), grouped by owner with
 * why, and a form per owner to hand all of them, or the ones ticked, to someone else. Each action is written with
 * its ETag and gets a timeline entry naming the lead, through the server (./reassign-write.ts); the new owner is
 * nudged by the next reminder run.
 */
import { Button, Checkbox, Field, makeStyles, Select, Text, tokens, typographyStyles } from "@fluentui/react-components";
import { useState } from "react";
import { type HandoverEntry, getHandoverList } from "../../../data/conversations/handover.ts";
import { getSiteUsers } from "../../../data/people/repository.ts";
import { actionTabRoute } from "../../../domain/deep-links.ts";
import type { Person } from "../../../domain/types.ts";
import { ErrorPanel } from "../../components/error-panel/error-panel.tsx";
import { Link } from "../../components/link/link.tsx";
import { ViewSkeleton } from "../../components/view-skeleton/view-skeleton.tsx";
import { useLoad } from "../../hooks/use-load.ts";
import { useAppContext } from "../../lib/app-context.tsx";
import { handOver } from "./reassign-write.ts";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalL },
  h1: { ...typographyStyles.title2, margin: 0 },
  h2: { ...typographyStyles.subtitle1, margin: 0 },
  owner: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS, padding: tokens.spacingVerticalM, border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke1}`, borderRadius: tokens.borderRadiusMedium },
  list: { listStyleType: "none", margin: 0, padding: 0 },
});

export default function HandoverView() {
  const s = useStyles();
  const { sp, me, members } = useAppContext();
  const isLead = members.some((m) => m.person.id === me.id && m.role === "equalities-lead");
  const load = useLoad(() => (isLead ? Promise.all([getHandoverList(sp), getSiteUsers(sp)]) : Promise.resolve([[], []] as [HandoverEntry[], Person[]])), [sp, isLead]);
  if (!isLead) return <ErrorPanel error={{ reason: "forbidden", message: "Handing actions over is for the equalities lead." }} />;
  if (load.state === "loading") return <ViewSkeleton label="Loading actions whose owner cannot be reached" />;
  if (load.state === "error") return <ErrorPanel error={load.error} onRetry={load.retry} />;
  const [list, people] = load.data;
  return (
    <section className={s.root} aria-labelledby="handover-title">
      <h1 id="handover-title" className={s.h1}>
        Hand over actions
      </h1>
      <Text>Open actions whose owner the reminders can no longer reach. Hand them to someone else: they are reminded about them from the next run.</Text>
      {list.length === 0 && <Text>Every open action's owner can be reached.</Text>}
      {list.map((h) => (
        <OwnerHandover key={h.person.siteUserId} entry={h} people={people.filter((p) => p.upn && p.id !== h.person.siteUserId)} onDone={load.retry} />
      ))}
    </section>
  );
}

function OwnerHandover({ entry, people, onDone }: { entry: HandoverEntry; people: Person[]; onDone(): void }) {
  const s = useStyles();
  const { api, announce } = useAppContext();
  const [chosen, setChosen] = useState<Set<number>>(() => new Set(entry.actions.map((a) => a.id)));
  const [to, setTo] = useState<string>("");
  const [state, setState] = useState<{ busy: boolean; message: string | null; error: unknown }>({ busy: false, message: null, error: null });
  const id = `handover-${entry.person.siteUserId}`;
  const toggle = (actionId: number, on: boolean) => setChosen((c) => new Set(on ? [...c, actionId] : [...c].filter((x) => x !== actionId)));
  const submit = async () => {
    const target = people.find((p) => String(p.id) === to);
    if (!target || chosen.size === 0) return;
    setState({ busy: true, message: null, error: null });
    try {
      const r = await handOver(api, { from: { id: entry.person.siteUserId }, to: target, actionIds: [...chosen] });
      const message = r.message;
      setState({ busy: false, message, error: null });
      announce(message);
      onDone();
    } catch (error) {
      setState({ busy: false, message: null, error });
    }
  };
  return (
    <section className={s.owner} aria-labelledby={id}>
      <h2 id={id} className={s.h2}>
        {entry.person.name}
      </h2>
      <Text>{entry.person.reason}</Text>
      <ul className={s.list} aria-label={`Actions of ${entry.person.name}`}>
        {entry.actions.map((a) => (
          <li key={a.id}>
            <Checkbox checked={chosen.has(a.id)} onChange={(_, d) => toggle(a.id, d.checked === true)} label={`${a.reference ? `${a.reference}: ` : ""}${a.text.slice(0, 120)}`} />{" "}
            <Link href={actionTabRoute(a.id)}>Open</Link>
          </li>
        ))}
      </ul>
      <Field label={`Hand ${entry.person.name}'s ticked actions to`}>
        <Select value={to} onChange={(_, d) => setTo(d.value)}>
          <option value="">Choose a person</option>
          {people.map((p) => (
            <option key={p.id} value={p.id}>
              {p.name} ({p.upn})
            </option>
          ))}
        </Select>
      </Field>
      <div>
        <Button appearance="primary" disabled={state.busy || !to || chosen.size === 0} onClick={submit}>
          Hand over {chosen.size} action(s)
        </Button>
      </div>
      {state.message && <Text role="status">{state.message}</Text>}
      {state.error !== null && <ErrorPanel error={state.error} />}
    </section>
  );
}
