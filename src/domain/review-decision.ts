/**
 * What a review decision of the EDI group does to the action besides being recorded: "on track" and "at risk" set
 * the status and keep the action open; "closed", "remains ongoing" and "developed" set its disposition and leave
 * its status as the officer last reported it (the committee report shows both).
 */
import type { ActionStatus, Disposition, ReviewDecision } from "./types.ts";

export interface DecisionEffect {
  status?: ActionStatus;
  disposition?: Disposition;
}

export function decisionEffect(decision: ReviewDecision): DecisionEffect {
  switch (decision) {
    case "on-track":
      return { status: "on-track", disposition: "open" };
    case "at-risk":
      return { status: "at-risk", disposition: "open" };
    case "closed":
      return { disposition: "closed" };
    case "ongoing":
      return { disposition: "ongoing" };
    case "developed":
      return { disposition: "developed" };
  }
}
