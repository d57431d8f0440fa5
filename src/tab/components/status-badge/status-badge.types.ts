import type { EffectiveStatus } from "../../../domain/status.ts";

export interface StatusBadgeProps {
  status: EffectiveStatus;
}
