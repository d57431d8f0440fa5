/**
 * The shell's header and navigation. Wide: the app's name, the plan picker, who is signed in and "Sign out" on one
 * line, the views below. Narrow (a meeting's side panel, Teams mobile, 400 % zoom): one short line with the app's
 * name, one button for the plan and the person and a "Menu" button for the views, so the content starts at once.
 * Both are disclosures (a button with aria-expanded that shows or hides what follows it): no pop-up layer to trap
 * focus or be clipped, and the same markup serves both widths, the media query in shell.styles.ts alone deciding.
 * Each panel follows its button in the reading order: the account panel sits in the header after both buttons,
 * the views after the header, so Tab goes from "Menu" straight to the first view.
 */
import { Button, mergeClasses } from "@fluentui/react-components";
import { type KeyboardEvent, Suspense, useEffect, useRef, useState } from "react";
import type { Plan } from "../../domain/types.ts";
import { Link } from "../components/link/link.tsx";
import { PlanPicker } from "../components/plan-picker/plan-picker.tsx";
import type { RouteDef } from "./routes.tsx";
import { useShellStyles } from "./shell.styles.ts";

export interface ShellHeaderProps {
  plans: Plan[];
  plan: Plan | null | undefined;
  onPlan(id: number): void;
  name: string;
  nav: readonly RouteDef[];
  current: RouteDef | null;
  /** Changes on every route change: an open menu closes when a view is chosen. */
  path: string;
  onSignOut?: () => void;
  /** The routes' navigation badges (the count awaiting approval): only once the first view is fresh, so a badge's code and reads never compete with it. */
  showBadges?: boolean;
}

/**
 * "Sam Kowalski" → "SK": the compact account button shows the initials, as Microsoft 365's own account button does.
 * A qualifier in brackets ("Sam Kowalski (Policy)") is not part of the name.
 */
export function initialsOf(name: string): string {
  const words = name
    .replace(/\([^)]*\)/g, " ")
    .split(/\s+/).filter((w) => /\p{L}/u.test(w));
  const letters = words.length > 1 ? [words[0], words[words.length - 1]] : words;
  return letters.map((w) => (w.match(/\p{L}/u)?.[0] ?? "").toUpperCase()).join("") || "?";
}

function useDisclosure(path: string) {
  const [open, setOpen] = useState(false);
  const button = useRef<HTMLButtonElement>(null);
  // biome-ignore lint/correctness/useExhaustiveDependencies: close when the route changes
  useEffect(() => setOpen(false), [path]);
  const onKeyDown = (e: KeyboardEvent) => {
    if (e.key !== "Escape" || !open) return;
    setOpen(false);
    button.current?.focus();
  };
  return { open, button, toggle: () => setOpen((o) => !o), onKeyDown };
}

export function ShellHeader({ plans, plan, onPlan, name, nav, current, path, onSignOut, showBadges = false }: ShellHeaderProps) {
  const s = useShellStyles();
  const menu = useDisclosure(path);
  const account = useDisclosure(path);
  return (
    <>
      <header className={s.header}>
        <span className={s.appName}>Equality Action Plan</span>
        <span className={s.compact}>
          <Button
            appearance="subtle"
            ref={account.button}
            aria-expanded={account.open}
            aria-controls="eap-account"
            // The initials are the visible label, so they lead the name (WCAG 2.5.3, label in name).
            aria-label={`${initialsOf(name)}: plan and account of ${name}`}
            className={s.compactButton}
            onClick={account.toggle}
          >
            <span className={s.initials} aria-hidden="true">
              {initialsOf(name)}
            </span>
          </Button>
          <Button
            appearance="subtle"
            ref={menu.button}
            aria-expanded={menu.open}
            aria-controls="eap-views"
            className={s.compactButton}
            onClick={menu.toggle}
          >
            Menu
          </Button>
        </span>
        {/* biome-ignore lint/a11y/noStaticElementInteractions: Escape closes the disclosure; its button opens it */}
        <div id="eap-account" className={mergeClasses(s.account, account.open && s.open)} onKeyDown={account.onKeyDown}>
          {plans.length > 1 && <PlanPicker plans={plans} value={plan?.id ?? null} onChange={onPlan} />}
          {plan?.demonstration && <span className={s.strong}>Demonstration plan</span>}
          <span className={s.text}>Signed in as {name}</span>
          {onSignOut && (
            <Button appearance="subtle" onClick={onSignOut} className={s.signOut}>
              Sign out
            </Button>
          )}
        </div>
      </header>
      <nav id="eap-views" className={mergeClasses(s.nav, menu.open && s.open)} aria-label="Views" onKeyDown={menu.onKeyDown}>
        <ul className={s.navList}>
          {nav.map((r) => (
            <li key={r.path}>
              <Link
                href={`#${r.path}`}
                current={current === r}
                className={s.navLink}
                onMouseEnter={() => void r.preload()}
                onFocus={() => void r.preload()}
              >
                {r.nav}
                {showBadges && r.navBadge && (
                  <Suspense fallback={null}>
                    <r.navBadge />
                  </Suspense>
                )}
              </Link>
            </li>
          ))}
        </ul>
      </nav>
    </>
  );
}
