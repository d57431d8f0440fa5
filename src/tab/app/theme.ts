/**
 * Teams' three themes. Light is in the first bundle; dark and high contrast load when first asked for (most people
 * never switch), which keeps the first view small.
 */
import { type Theme, teamsLightTheme } from "@fluentui/react-components";
import type { ThemeName } from "./host.ts";

const loaded = new Map<ThemeName, Theme>([["default", teamsLightTheme]]);

export function themeIfLoaded(name: ThemeName): Theme | undefined {
  return loaded.get(name);
}

export async function loadTheme(name: ThemeName): Promise<Theme> {
  const have = loaded.get(name);
  if (have) return have;
  const { THEMES } = await import("./theme-other.ts");
  const theme = name === "dark" ? THEMES.dark : THEMES.contrast;
  loaded.set(name, theme);
  return theme;
}
