/**
 * Graph checks the permissions a token carries: an app token's `roles`, a delegated token's `scp` (space
 * separated). Each API names the ones it accepts; a token with none of them is refused with that API's own error.
 */
import type { Principal } from "../auth/principal";
import { GraphError } from "./graph-context";

export interface Required {
  app: string[];
  delegated: string[];
}

export function tokenPermissions(claims: Record<string, unknown> | undefined): { roles: string[]; scopes: string[] } {
  const roles = Array.isArray(claims?.roles) ? (claims.roles as unknown[]).filter((r): r is string => typeof r === "string") : [];
  const scopes = typeof claims?.scp === "string" ? claims.scp.split(/\s+/).filter(Boolean) : [];
  return { roles, scopes };
}

/** The permissions the caller holds that the API accepts (empty when it holds none). */
export function granted(principal: Principal, claims: Record<string, unknown> | undefined, need: Required): string[] {
  const { roles, scopes } = tokenPermissions(claims);
  const lower = (xs: string[]) => xs.map((x) => x.toLowerCase());
  if (principal.kind === "app") return roles.filter((r) => lower(need.app).includes(r.toLowerCase()));
  if (principal.kind === "person") return scopes.filter((s) => lower(need.delegated).includes(s.toLowerCase()));
  return [];
}

/** The Teams APIs' refusal: 403 Forbidden "Missing scope permissions on the request. API requires one of '…'." */
export function missingScope(principal: Principal, claims: Record<string, unknown> | undefined, need: Required): GraphError {
  const { roles, scopes } = tokenPermissions(claims);
  const wants = principal.kind === "app" ? need.app : need.delegated;
  return new GraphError(
    403,
    "Forbidden",
    `Missing scope permissions on the request. API requires one of '${wants.join(", ")}'. Roles on the request '${roles.join(", ")}'. Scopes on the request '${scopes.join(", ")}'. Resource specific consent grants on the request ''.`,
  );
}
