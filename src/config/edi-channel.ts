/**
 * The equalities team's channel for the weekly digest: a conversation id and the service URL Teams gave it. One
 * without the other cannot reach anyone, so either both are set or neither (the server and `eap remind` alike).
 */
import type { ConfigProblem } from "./config-error.ts";
import { problem, type Reading } from "./read-settings.ts";

export function ediPairProblems(r: Reading<"ediChannel" | "ediServiceUrl">): ConfigProblem[] {
  if (Boolean(r.given.ediChannel) === Boolean(r.given.ediServiceUrl)) return [];
  return [
    problem(
      r,
      r.given.ediChannel ? "ediServiceUrl" : "ediChannel",
      "is required when EAP_EDI_CHANNEL / EAP_EDI_SERVICE_URL is set: the digest needs both the conversation id and its service URL",
      "missing",
    ),
  ];
}

export function ediChannelOf(v: { ediChannel?: string; ediServiceUrl?: string }): { conversationId: string; serviceUrl: string } | undefined {
  return v.ediChannel && v.ediServiceUrl ? { conversationId: v.ediChannel, serviceUrl: v.ediServiceUrl } : undefined;
}
