/**
 * Proposed delivery dates, for the equalities lead: each request nobody has answered, with the action's current
 * date, the date asked for, who asked and why; the lead accepts it (the date is written) or declines it with a
 * reason. The server records either answer in the action's timeline, where the officer sees it.
 */
import { Button, Field, Link, MessageBar, MessageBarBody, Text, Textarea, makeStyles, tokens, typographyStyles } from "@fluentui/react-components";
import { useState } from "react";
import { actionTabRoute } from "../../../domain/deep-links.ts";
import { useAppContext } from "../../lib/app-context.tsx";
import { describeError } from "../../lib/errors.ts";
import { dayOf, dueText } from "../../lib/format.ts";
import { ErrorPanel } from "../../components/error-panel/error-panel.tsx";
import { ViewSkeleton } from "../../components/view-skeleton/view-skeleton.tsx";
import { useLoad } from "../../hooks/use-load.ts";
import { loadPendingProposals, type PendingProposal } from "./load-proposals.ts";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalL, maxWidth: "56rem" },
  h1: { ...typographyStyles.title2, margin: 0 },
  h2: { ...typographyStyles.subtitle1, margin: 0, overflowWrap: "anywhere" },
  list: { listStyleType: "none", margin: 0, padding: 0, display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM },
  card: {
    padding: tokens.spacingHorizontalL,
    backgroundColor: tokens.colorNeutralBackground1,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalS,
  },
  text: { margin: 0, overflowWrap: "anywhere", whiteSpace: "pre-wrap" },
  row: { display: "flex", gap: tokens.spacingHorizontalM, flexWrap: "wrap" },
});

function ProposalCard({ item, onDecided }: { item: PendingProposal; onDecided(message: string): void }) {
  const s = useStyles();
  const { api, announce } = useAppContext();
  const [reason, setReason] = useState("");
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [needReason, setNeedReason] = useState(false);
  const { proposal, action } = item;
  const who = proposal.author?.name || proposal.authorName || "Someone";
  const headingId = `proposal-${proposal.id}`;

  const decide = async (accept: boolean) => {
    if (!accept && !reason.trim()) {
      setNeedReason(true);
      announce("Say why the date is declined, so the officer knows.");
      return;
    }
    setBusy(true);
    setError(null);
    try {
      const r = await api.decideProposal(action.id, proposal.id, { accept, reason: reason.trim() || undefined });
      onDecided(r.message);
    } catch (err) {
      setError(err);
      announce(`Not saved: ${describeError(err).title}.`);
    } finally {
      setBusy(false);
    }
  };

  return (
    <li className={s.card} aria-labelledby={headingId}>
      <h2 id={headingId} className={s.h2}>
        <Link href={actionTabRoute(action.id)}>
          {action.reference ? `${action.reference}: ` : ""}
          {action.text}
        </Link>
      </h2>
      <Text>
        {who} asked on {dayOf(proposal.date)} to move the date from {dueText(action.due)} to {proposal.requestedDueDate ? dayOf(proposal.requestedDueDate) : "a new date"}.
      </Text>
      <p className={s.text}>{proposal.text}</p>
      {error !== null && (
        <MessageBar intent="error" layout="multiline">
          <MessageBarBody>{describeError(error).detail}</MessageBarBody>
        </MessageBar>
      )}
      <Field
        label="Your answer to the officer (needed to decline)"
        validationState={needReason && !reason.trim() ? "error" : "none"}
        validationMessage={needReason && !reason.trim() ? "Say why the date is declined." : undefined}
      >
        <Textarea value={reason} onChange={(_, d) => setReason(d.value)} disabled={busy} />
      </Field>
      <div className={s.row}>
        <Button appearance="primary" disabledFocusable={busy} onClick={() => void decide(true)}>
          Accept the new date
        </Button>
        <Button disabledFocusable={busy} onClick={() => void decide(false)}>
          Decline
        </Button>
      </div>
    </li>
  );
}

export default function ProposalsView() {
  const s = useStyles();
  const { sp, plan, isLead, announce } = useAppContext();
  const load = useLoad(() => (isLead && plan ? loadPendingProposals(sp, plan.id) : Promise.resolve([])), [sp, plan?.id, isLead]);
  const [done, setDone] = useState<string | null>(null);
  if (!isLead) return <ErrorPanel error={{ reason: "forbidden", message: "Proposed delivery dates are decided by the equalities lead." }} />;
  if (load.state === "loading") return <ViewSkeleton label="Loading proposed dates" />;
  if (load.state === "error") return <ErrorPanel error={load.error} onRetry={load.retry} />;
  const items = load.data;
  const decided = (item: PendingProposal) => (message: string) => {
    load.set(items.filter((i) => i.proposal.id !== item.proposal.id));
    setDone(message);
    announce(message);
  };
  return (
    <section className={s.root} aria-labelledby="proposals-title">
      <h1 id="proposals-title" className={s.h1}>
        Proposed delivery dates ({items.length})
      </h1>
      {done && (
        <MessageBar intent="success" layout="multiline">
          <MessageBarBody>{done}</MessageBarBody>
        </MessageBar>
      )}
      {items.length === 0 ? (
        <Text>No proposed date is waiting for your answer.</Text>
      ) : (
        <ul className={s.list}>
          {items.map((i) => (
            <ProposalCard key={i.proposal.id} item={i} onDecided={decided(i)} />
          ))}
        </ul>
      )}
    </section>
  );
}
