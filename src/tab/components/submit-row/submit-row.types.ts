export interface SubmitRowProps {
  label: string;
  saving: boolean;
  /** Nothing to submit (no period to record a value for): the button is disabled. */
  disabled?: boolean;
  /** What went wrong with the last attempt, shown under the button. */
  failure: { title: string; detail: string } | null;
  /** Beside the button ("Cancel"). */
  children?: React.ReactNode;
}
