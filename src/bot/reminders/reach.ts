/**
 * Reaching officers who never opened the app, before a run sends: install the app for them through Microsoft
 * Graph (the app installing only itself), read the 1:1 chat its bot now has with them, and save that conversation
 * reference under their Entra object id, so that this run and every later one sends to it (a second run makes no
 * installation request). Three Graph requests per officer; the object id comes from SharePoint's site users.
 *
 * A refusal is classified and recorded on the person's reference, where the run, "unreachable" and the lead's
 * handover list read it: an app permission policy or no Teams licence (reached by email instead), disabled or
 * deleted in the directory (their actions need a new owner). A refusal for one officer never stops the others; a
 * refusal that is the deployment's (a permission the app lacks, the app missing from the catalog) stops installing
 * for this run and is reported once.
 */
import { REACH_PROBLEMS } from "../../domain/constants.ts";
import type { ConversationRef } from "../../domain/types.ts";
import { getObjectIdsByUpn, type ReachProblem, recordReachProblem, upsertConversation } from "../../data/conversations/index.ts";
import { chatIdFor, directoryState, findCatalogAppId, GraphError, installForUser } from "../../graph/index.ts";
import type { BotContext, Reach } from "../context.ts";
import type { OfficerWork, RunReport } from "./report.ts";

/** A refusal that may pass (a policy or a licence changed) is tried again after this long. */
export const RETRY_REFUSED_INSTALL_MS = 7 * 86_400_000;
/** Officers installed at once: Graph's pace is the client's (20 requests a second), this only keeps it busy. */
const CONCURRENT = 8;

/** What the equalities lead reads for each problem, and what they can do about it. */
export const REACH_ADVICE: Record<ReachProblem, string> = {
  "policy-blocked": "an app permission policy blocks the app for them: allow it in the Teams admin centre (Teams apps > Permission policies)",
  "no-licence": "they have no Teams licence: assign one in the Microsoft 365 admin centre",
  disabled: "their account is disabled: reassign their actions",
  deleted: "they are no longer in the directory (left the council): reassign their actions",
  "bot-blocked": "they blocked the bot in Teams: ask them to unblock it, or reassign their actions",
  failing: "sends to them failed several runs in a row: check their account, or reassign their actions",
  "not-installed": "the app was removed for them: the next run installs it again",
};

const isProblem = (p: unknown): p is ReachProblem => REACH_PROBLEMS.includes(p as ReachProblem);

/** Whether this run should try installing the app for the officer. */
export function needsInstall(ref: ConversationRef | undefined, now: Date): boolean {
  if (!ref) return true;
  if (!ref.unreachable) return false;
  if (ref.problem === "not-installed") return true;
  if (ref.problem === "policy-blocked" || ref.problem === "no-licence") {
    const at = ref.checkedAt ? Date.parse(ref.checkedAt) : 0;
    return now.getTime() - at >= RETRY_REFUSED_INSTALL_MS;
  }
  return false;
}

class DeploymentProblem extends Error {}

/** Installs for the officers who need it; sets `o.ref` to what was saved (reached, or why not). */
export async function reachByInstallation(ctx: BotContext, officers: readonly OfficerWork[], now: Date, report: RunReport): Promise<void> {
  const reach = ctx.reach;
  const todo = officers.filter((o) => needsInstall(o.ref, now));
  if (!reach || todo.length === 0) return;
  const before = { requests: reach.graph.stats.requests, throttled: reach.graph.stats.throttled };
  try {
    reach.catalogAppId ??= findCatalogAppId(reach.graph, reach.manifestId);
    const catalogAppId = await reach.catalogAppId.catch((err) => {
      reach.catalogAppId = undefined;
      throw err;
    });
    const oids = await getObjectIdsByUpn(ctx.sp);
    let stopped: string | null = null;
    const queue = [...todo];
    const worker = async () => {
      for (let o = queue.shift(); o && !stopped; o = queue.shift()) {
        try {
          await reachOne(ctx, reach, catalogAppId, o, oids, now, report);
        } catch (err) {
          if (err instanceof DeploymentProblem) stopped = err.message;
          else throw err;
        }
      }
    };
    await Promise.all(Array.from({ length: CONCURRENT }, worker));
    if (stopped) report.reachProblem = stopped;
  } catch (err) {
    report.reachProblem = `Installing the app for officers failed: ${err instanceof Error ? err.message : String(err)}`;
    ctx.log.error({ err: report.reachProblem }, "could not install the app for officers");
  } finally {
    report.graphRequests += reach.graph.stats.requests - before.requests;
    report.graphThrottled += reach.graph.stats.throttled - before.throttled;
  }
}

async function reachOne(ctx: BotContext, reach: Reach, catalogAppId: string, o: OfficerWork, oids: Map<string, string>, now: Date, report: RunReport): Promise<void> {
  const upn = o.owner?.upn ?? "";
  const name = o.owner?.name ?? upn;
  if (!upn) {
    o.installError = "their SharePoint account has no sign-in name (UPN), so the app cannot be installed for them";
    return;
  }
  const graph = reach.graph;
  try {
    // The object id keys the reference; SharePoint has it for site users (else one more Graph request).
    const oid = oids.get(upn) ?? (await directoryState(graph, upn)).id;
    if (!oid) throw new GraphError("not-found", `${upn} is not in the directory`);
    const installed = await installForUser(graph, oid, catalogAppId);
    const conversationId = await chatIdFor(graph, oid, catalogAppId);
    const { ref } = await upsertConversation(ctx.sp, {
      userId: oid,
      upn,
      name,
      conversationId,
      serviceUrl: reach.serviceUrl,
      tenantId: reach.tenantId,
      unreachable: false,
      unreachableReason: null,
      problem: null,
      failures: 0,
      checkedAt: now.toISOString(),
    });
    o.ref = ref;
    if (installed) report.installed++;
  } catch (err) {
    if (!(err instanceof GraphError)) throw err;
    if (err.reason === "forbidden" || err.reason === "unauthorized") {
      throw new DeploymentProblem(`Microsoft Graph refused the app (${err.message}): give the app TeamsAppInstallation.ReadWriteSelfForUser.All, AppCatalog.Read.All and User.Read.All (docs/bot.md)`);
    }
    const problem = await classify(graph, oids.get(upn) ?? upn, err);
    if (!problem) {
      // Throttled past the retries, Graph unavailable, or a refusal we cannot place: the next run tries again.
      o.installError = err.message;
      ctx.log.warn({ upn, err: err.message }, "could not install the app for an officer");
      return;
    }
    o.ref = await recordReachProblem(ctx.sp, o.ref, {
      userId: oids.get(upn) ?? o.ref?.userId ?? upn,
      upn,
      name,
      problem: problem.problem,
      reason: REACH_ADVICE[problem.problem],
      mail: problem.mail,
      checkedAt: now,
    });
  }
}

/** How often the directory is asked whether someone reached in Teams is still there (disabled, deleted). */
export const DIRECTORY_CHECK_EVERY_MS = 7 * 86_400_000;

/**
 * Teams goes on accepting messages for a person whose account was disabled or deleted, so the directory is asked
 * about each officer reached in Teams once a week (one Graph read each, spread over the runs); someone who has
 * left is marked so, their card is not sent, and their actions appear in the lead's handover list.
 */
export async function checkDirectory(ctx: BotContext, officers: readonly OfficerWork[], now: Date, report: RunReport): Promise<void> {
  const reach = ctx.reach;
  if (!reach) return;
  const due = officers.filter((o) => o.ref && !o.ref.unreachable && o.ref.conversationId && now.getTime() - (o.ref.checkedAt ? Date.parse(o.ref.checkedAt) : 0) >= DIRECTORY_CHECK_EVERY_MS);
  if (due.length === 0) return;
  const before = reach.graph.stats.requests;
  await Promise.all(
    due.map(async (o) => {
      const ref = o.ref as ConversationRef;
      try {
        const st = await directoryState(reach.graph, ref.userId);
        if (st.state === "enabled") {
          o.ref = (await upsertConversation(ctx.sp, { ...ref, mail: st.mail, checkedAt: now.toISOString() })).ref;
          return;
        }
        o.ref = await recordReachProblem(ctx.sp, ref, { userId: ref.userId, upn: ref.upn, name: ref.name, problem: st.state, reason: REACH_ADVICE[st.state], mail: st.mail, checkedAt: now });
      } catch (err) {
        ctx.log.warn({ upn: ref.upn, err: String(err) }, "could not check a person in the directory; the next run will");
      }
    }),
  );
  report.graphRequests += reach.graph.stats.requests - before;
}

/** Which problem a refusal is, with the person's mailbox (for the email fallback); null when it is none of them. */
async function classify(graph: Reach["graph"], user: string, err: GraphError): Promise<{ problem: ReachProblem; mail: string | null } | null> {
  const known = err.reason === "policy-blocked" || err.reason === "no-licence" ? err.reason : err.reason === "not-found" ? null : undefined;
  if (known === undefined) return null;
  // One directory read: the mailbox for the fallback, and for a 404 whether they are disabled or gone.
  const st = await directoryState(graph, user).catch(() => null);
  if (!st) return known ? { problem: known, mail: null } : null;
  if (st.state !== "enabled") return { problem: st.state, mail: st.mail };
  return known && isProblem(known) ? { problem: known, mail: st.mail } : null;
}
