/** Loaded on demand by theme.ts. */
import { teamsDarkTheme, teamsHighContrastTheme } from "@fluentui/react-components";

export const THEMES = { dark: teamsDarkTheme, contrast: teamsHighContrastTheme };
