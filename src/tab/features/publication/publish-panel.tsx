/** "Public page": make the year's public progress page as a .zip (index.html + CSV); asks when updates await approval. */
import { Button, Spinner, Text } from "@fluentui/react-components";
import { formatLongDate } from "../../../domain/dates.ts";
import { usePublicationStyles } from "./publication.styles.ts";
import { usePublish } from "./use-publish.ts";

export function PublishPanel({ period, onWait }: { period: string; onWait(): void }) {
  const s = usePublicationStyles();
  const { state, make, wait } = usePublish(period, onWait);
  const making = state.name === "making";
  return (
    <section aria-labelledby="publish-title" className={s.section}>
      <h2 id="publish-title" className={s.h2}>
        Public page for {period}
      </h2>
      <Text>
        The page and its data (index.html and a CSV) in one .zip, ready to upload to the council's website: approved text only, teams and roles but no
        officers' names.
      </Text>
      <div className={s.buttons}>
        <Button appearance="primary" disabledFocusable={making} icon={making ? <Spinner size="extra-tiny" /> : undefined} onClick={() => make(false)}>
          Make the public page
        </Button>
      </div>
      {state.name === "asking" && (
        <div className={s.section} data-testid="publish-ask">
          <Text id="publish-ask" weight="semibold">
            {state.awaiting.length} update(s) for {period} still await approval. Wait and approve them, or publish the approved updates only and leave these
            out:
          </Text>
          <ul className={s.awaiting} aria-label="Updates awaiting approval">
            {state.awaiting.map((a) => (
              <li key={a.updateId}>
                {[a.reference, a.actionText].filter(Boolean).join(" ")} (update of {formatLongDate(a.date)})
              </li>
            ))}
          </ul>
          <div className={s.buttons}>
            <Button onClick={wait}>Wait: approve them first</Button>
            <Button appearance="primary" onClick={() => make(true)}>
              Publish the approved updates only
            </Button>
          </div>
        </div>
      )}
      <div role="status" className={s.status} data-testid="publish-status">
        {state.name === "made" &&
          `Made ${state.fileName} (${state.files.join(" and ")}): ${state.actions} action(s).${state.leftOut.length ? ` Left out, awaiting approval: ${state.leftOut.map((a) => a.reference || `update ${a.updateId}`).join(", ")}.` : ""}`}
      </div>
      {state.name === "failed" && (
        <p role="alert" className={s.error}>
          Not made: {state.message}
        </p>
      )}
    </section>
  );
}
