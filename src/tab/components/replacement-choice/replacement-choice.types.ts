import type { UnresolvedPerson } from "../../../data/plan-tree/people.ts";

/** Someone the site knows, who can take over: named by sign-in name (UPN). */
export interface Candidate {
  login: string;
  name: string;
}

export interface ReplacementChoiceProps {
  /** The people the plan names who cannot be found, as the server listed them. */
  people: readonly UnresolvedPerson[];
  /** The site's people to choose among. */
  candidates: readonly Candidate[];
  /** Old sign-in name (lower-case) → the successor's. */
  chosen: Readonly<Record<string, string>>;
  onChange(login: string, successor: string): void;
  disabled?: boolean;
  /** Who still needs a successor, when the lead asked to write without choosing one. */
  error?: string | null;
}
