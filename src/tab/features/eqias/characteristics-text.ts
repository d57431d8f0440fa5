/** Characteristic keys in words, the plan's local ones ("poverty", "armed-forces") included. */
import { CHARACTERISTIC_LABELS } from "../../../domain/constants.ts";

export const characteristicsText = (keys: readonly string[]): string => keys.map((c) => CHARACTERISTIC_LABELS[c] ?? c).join(", ") || "None recorded";
