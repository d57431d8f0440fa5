/** Teams' three themes by the names teams-js gives them ("default" is light). */
export type ThemeName = "default" | "dark" | "contrast";

export function toThemeName(theme: string | undefined | null): ThemeName {
  return theme === "dark" ? "dark" : theme === "contrast" ? "contrast" : "default";
}
