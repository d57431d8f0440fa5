/**
 * Microsoft 365 mode when silent sign-in was not enough (consent, multi-factor, no session): a "Sign in" button.
 * The popup, or the host's own prompt, opens from the person's click and never on load.
 */
import { Button, Spinner, Text } from "@fluentui/react-components";
import { LazyErrorPanel as ErrorPanel } from "../components/error-panel/lazy-error-panel.tsx";
import { useBootStyles } from "./boot.styles.ts";

export function SignInPrompt({ busy, error, onSignIn }: { busy: boolean; error: unknown; onSignIn(): void }) {
  const s = useBootStyles();
  return (
    <main className={s.centre} aria-labelledby="sign-in-title">
      <h1 id="sign-in-title" className={s.h1}>
        Sign in to Equality Action Plan
      </h1>
      <Text>Your organisation needs you to sign in (or to agree to the app's access) before the action plan can open.</Text>
      {error !== null && error !== undefined && <ErrorPanel error={error} />}
      <div>
        <Button appearance="primary" onClick={onSignIn} disabledFocusable={busy} icon={busy ? <Spinner size="tiny" /> : undefined}>
          {busy ? "Signing in…" : "Sign in"}
        </Button>
      </div>
    </main>
  );
}
