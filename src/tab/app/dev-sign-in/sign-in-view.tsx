/**
 * Local mode's "Sign in as": the seeded, fictional people. Each button mints a development token for that person;
 * the local list server is the only thing that accepts it.
 */
import { Button, makeStyles, Text, tokens, typographyStyles } from "@fluentui/react-components";
import { LOCAL_PEOPLE } from "./local-auth.ts";

const useStyles = makeStyles({
  root: { maxWidth: "40rem", margin: "0 auto", padding: tokens.spacingHorizontalXXL, display: "flex", flexDirection: "column", gap: tokens.spacingVerticalL },
  h1: { ...typographyStyles.title2, margin: 0 },
  list: { listStyleType: "none", margin: 0, padding: 0, display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  person: { width: "100%", justifyContent: "flex-start", textAlign: "start" },
});

/** `onSignIn` gets the person's object id: people are identified by oid, whatever their UPN or mail. */
export function SignInView({ onSignIn, busy }: { onSignIn(oid: string): void; busy: string | null }) {
  const s = useStyles();
  return (
    <main className={s.root}>
      <h1 className={s.h1}>Sign in as</h1>
      <Text>Local development: choose one of the seeded people (all fictional). Their actions and rights are what you will see.</Text>
      <ul className={s.list}>
        {LOCAL_PEOPLE.map((p) => (
          <li key={p.oid}>
            <Button
              className={s.person}
              appearance="secondary"
              disabled={busy !== null}
              aria-busy={busy === p.oid}
              onClick={() => onSignIn(p.oid)}
              aria-label={`Sign in as ${p.name}, ${p.jobTitle}`}
            >
              {p.name} — {p.jobTitle}
            </Button>
          </li>
        ))}
      </ul>
    </main>
  );
}
