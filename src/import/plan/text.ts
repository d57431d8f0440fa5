/** Small text helpers shared by the build steps. */

/** Shortens a value for a problem's message or a note. */
export const short = (s: string, n = 80): string => (s.length > n ? `${s.slice(0, n - 1)}…` : s);

/** Lines of a cell joined into one line (objectives, commitments, role rows). */
export const oneLine = (s: string): string => s.replace(/\s*\n\s*/g, " ");
