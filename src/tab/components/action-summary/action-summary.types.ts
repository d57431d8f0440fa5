import type { ActionRecord } from "../../../data/actions/mapping.ts";

export interface ActionSummaryProps {
  action: ActionRecord;
  now: Date;
  /** Where the reference links to (the action view); plain text when omitted. */
  href?: string;
  /** Show the accountable officer (plan and due views; "my actions" already knows who). */
  showOwner?: boolean;
  /** Heading level of the action's title within the page outline. */
  headingLevel?: 2 | 3 | 4 | 5;
}
