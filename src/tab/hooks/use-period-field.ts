/**
 * A financial-year field that applies on submit: what is typed, the year in force (normalised, "2025-26"), and the
 * rule's words when what was typed is not a financial year (the year in force then stays as it was).
 */
import { type FormEvent, useCallback, useState } from "react";
import { normalisePeriod } from "../../domain/report-model.ts";

export function usePeriodField(initial: string) {
  const [period, setPeriod] = useState(initial);
  const [text, setText] = useState(initial);
  const [error, setError] = useState<string | null>(null);
  const submit = useCallback(
    (e: FormEvent) => {
      e.preventDefault();
      try {
        setPeriod(normalisePeriod(text));
        setError(null);
      } catch (err) {
        setError((err as Error).message);
      }
    },
    [text],
  );
  return { period, text, setText, error, submit };
}
