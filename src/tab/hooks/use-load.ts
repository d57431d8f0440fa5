/** Loads data for a view: loading, error (with retry) or done. Answers of an earlier load, or after the view is gone, are dropped. */
import { useCallback, useEffect, useRef, useState } from "react";

export type Load<T> =
  | { state: "loading"; data?: undefined; error?: undefined }
  | { state: "error"; data?: undefined; error: unknown }
  | { state: "done"; data: T; error?: undefined };

export function useLoad<T>(load: () => Promise<T>, deps: readonly unknown[]): Load<T> & { retry(): void; set(data: T): void } {
  const [result, setResult] = useState<Load<T>>({ state: "loading" });
  const [attempt, setAttempt] = useState(0);
  const seq = useRef(0);
  // biome-ignore lint/correctness/useExhaustiveDependencies: the caller names what the load depends on
  useEffect(() => {
    const mine = ++seq.current;
    setResult({ state: "loading" });
    load().then(
      (data) => mine === seq.current && setResult({ state: "done", data }),
      (error) => mine === seq.current && setResult({ state: "error", error }),
    );
    // A view that is gone (navigated away) takes no late answer either.
    return () => {
      seq.current++;
    };
  }, [...deps, attempt]);
  const retry = useCallback(() => setAttempt((a) => a + 1), []);
  const set = useCallback((data: T) => setResult({ state: "done", data }), []);
  return { ...result, retry, set };
}
