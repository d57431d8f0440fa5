/**
 * Narrow: a meeting's side panel (320 px), Teams mobile, a 1280 px window at 400 % zoom (320 CSS px). In em, so a
 * larger default font size moves the switch with it. One value for the shell and every view's styles.
 */
export const NARROW = "@media (max-width: 40em)";
