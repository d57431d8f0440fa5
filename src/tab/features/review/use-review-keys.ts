/**
 * Keyboard shortcuts of the stage view: J = next action, K = previous action. Only when focus is not in a text
 * field (so typing a note never moves on) and no modifier is held (so browser, Teams and screen reader shortcuts
 * keep working). Screen readers in browse mode keep single letters for themselves; the buttons remain for them.
 */
import { useEffect } from "react";

function isTextField(el: Element | null): boolean {
  if (!el) return false;
  if (el instanceof HTMLTextAreaElement) return true;
  if (el instanceof HTMLInputElement) return !["radio", "checkbox", "button", "submit", "reset"].includes(el.type);
  return (el as HTMLElement).isContentEditable === true || el.getAttribute("role") === "textbox";
}

export function useReviewKeys(onNext: () => void, onPrevious: () => void, enabled: boolean): void {
  useEffect(() => {
    if (!enabled) return;
    const onKey = (e: KeyboardEvent) => {
      if (e.altKey || e.ctrlKey || e.metaKey || e.shiftKey || e.repeat) return;
      if (isTextField(document.activeElement)) return;
      const k = e.key.toLowerCase();
      if (k === "j") {
        e.preventDefault();
        onNext();
      } else if (k === "k") {
        e.preventDefault();
        onPrevious();
      }
    };
    document.addEventListener("keydown", onKey);
    return () => document.removeEventListener("keydown", onKey);
  }, [onNext, onPrevious, enabled]);
}
