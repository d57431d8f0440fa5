/**
 * `eap reassign --from UPN --to UPN [--actions REF,...]`: hands a person's open actions (all, or the ones named) to
 * someone else, each written with its ETag and recorded in its timeline; the new owner is nudged by the next
 * reminder run. `eap reassign --list` prints the handover list: open actions whose owner the bot can no longer
 * reach (disabled or deleted in the directory, the bot blocked, repeated failures, neither Teams nor a mailbox).
 * It writes the plan's lists, which only site owners and the app may (docs/security.md): signed in as anyone else it
 * stops before writing. The equalities lead hands actions over in the tab (Handover), through the server.
 */
import type { Command } from "commander";
import { addSiteOptions, siteAccess } from "../site.ts";

interface ReassignOptions {
  from?: string;
  to?: string;
  actions?: string;
  reason?: string;
  list?: boolean;
}

export const register = (program: Command) => {
  addSiteOptions(
    program
      .command("reassign")
      .description("Hand a person's open actions (all, or those named) to someone else, or --list the actions whose owner can no longer be reached.")
      .option("--from <upn>", "whose actions (their sign-in name, UPN)")
      .option("--to <upn>", "who takes them (their sign-in name, UPN)")
      .option("--actions <refs>", "only these actions: references or ids, comma separated (e.g. CL-3,CL-7)")
      .option("--reason <text>", "why, recorded in each action's timeline")
      .option("--list", "print the handover list and change nothing"),
  ).action(async (opts: ReassignOptions, cmd: Command) => {
    const { CliError } = await import("../errors.ts");
    const { toCliError } = await import("../report-error.ts");
    const access = siteAccess(cmd);
    if (!opts.list && (!opts.from || !opts.to)) throw new CliError("usage", "give --from and --to (sign-in names), or --list");
    try {
      const { connect } = await import("../site.ts");
      const sp = await connect(access);
      const { getHandoverList, reassignActions } = await import("../../data/index.ts");
      if (opts.list) {
        const list = await getHandoverList(sp);
        if (list.length === 0) console.log("Every open action's owner can be reached.");
        for (const h of list) {
          console.log(`${h.person.name} <${h.person.upn}>: ${h.person.reason}`);
          for (const a of h.actions) console.log(`  ${a.reference || `#${a.id}`}: ${a.text.slice(0, 100)}`);
        }
        return;
      }
      const { ensurePerson, getCurrentPerson, getSiteUsers } = await import("../../data/index.ts");
      const { requirePlanWriter } = await import("../../data/permissions/plan-writer.ts");
      // Before anything is written (ensureUser adds the successor to the site): one refusal, not a 403 per action.
      await requirePlanWriter(sp);
      // The person leaving may be gone from the directory (ensureUser refuses them): their site user stays.
      const from = (await getSiteUsers(sp)).find((u) => u.upn === opts.from?.toLowerCase());
      if (!from) throw new CliError("usage", `--from ${opts.from}: nobody of that sign-in name is a user of the site`);
      const to = await ensurePerson(sp, opts.to as string);
      const by = access.signIn.kind === "dev" || access.signIn.kind === "device-code" ? await getCurrentPerson(sp) : null;
      const actions = opts.actions
        ?.split(",")
        .map((s) => s.trim())
        .filter(Boolean)
        .map((s) => (/^\d+$/.test(s) ? Number(s) : s));
      const r = await reassignActions(sp, { from, to, actions, by: by ? { id: by.id, name: by.name } : { id: null, name: "the operator (eap reassign)" }, reason: opts.reason, now: new Date() });
      console.log(`Handed ${r.moved.length} action(s) from ${from.name} to ${to.name}: ${r.moved.map((a) => a.reference || `#${a.id}`).join(", ") || "none"}.`);
      for (const s of r.skipped) console.log(`  not handed over: ${s.id}: ${s.reason}`);
      if (r.moved.length) console.log(`${to.name} is nudged about them by the next reminder run.`);
      if (r.skipped.length) process.exitCode = 1;
    } catch (err) {
      throw toCliError(err);
    }
  });
};
