/**
 * `npm start` (eap dev) brings the whole product up within 60 s on this 2-core machine, prints every URL, every URL
 * answers, and Ctrl+C stops it all. Its list server is the strict one: every member of the seeded cast can sign in
 * and read their actions (the officer whose UPN is not his mail, the one without a mailbox included), the bot reads
 * the lists with its app-only sign-in, and the officer who left can no longer sign in.
 */
import { type ChildProcess, spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { LOCAL_APP_IDENTITY } from "../../src/config/local-identities.ts";
import { DevAppAuth, DevTokenAuth, mintDevToken } from "../../src/data/auth/dev-token.ts";
import { createSp, getCurrentPerson, getMyActions, getPlans } from "../../src/data/index.ts";
import { SEED_DEPARTED, SEED_EQUALITIES_LEAD_UPN, SEED_PEOPLE } from "../../src/seed/people.ts";

async function freePort(): Promise<number> {
  return new Promise((ok) => {
    const s = createServer().listen(0, "127.0.0.1", () => {
      const { port } = s.address() as { port: number };
      s.close(() => ok(port));
    });
  });
}

let child: ChildProcess | undefined;
const dataDir = mkdtempSync(join(tmpdir(), "eap-start-"));
afterAll(async () => {
  if (child && child.exitCode === null) {
    child.kill("SIGINT");
    await new Promise((r) => child?.once("exit", r));
  }
  rmSync(dataDir, { recursive: true, force: true });
});

describe("npm start", () => {
  it("comes up within 60 s with every URL answering, then stops on SIGINT", async () => {
    const ports = { sp: await freePort(), tab: await freePort(), bot: await freePort(), pg: await freePort() };
    child = spawn(process.execPath, ["bin/eap.mjs", "dev", "--data", dataDir], {
      env: {
        ...process.env,
        EAP_SHAREPOINT_PORT: String(ports.sp),
        EAP_TAB_PORT: String(ports.tab),
        EAP_BOT_PORT: String(ports.bot),
        EAP_PLAYGROUND_PORT: String(ports.pg),
      },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let out = "";
    child.stdout?.on("data", (d) => {
      out += d;
    });
    child.stderr?.on("data", (d) => {
      out += d;
    });
    const started = Date.now();
    await new Promise<void>((ok, fail) => {
      const timer = setTimeout(() => fail(new Error(`not up within 60 s; output so far:\n${out}`)), 60_000);
      const check = setInterval(() => {
        if (/Sign in as/.test(out)) {
          clearInterval(check);
          clearTimeout(timer);
          ok();
        } else if (child?.exitCode !== null) {
          clearInterval(check);
          clearTimeout(timer);
          fail(new Error(`eap dev exited with ${child?.exitCode}:\n${out}`));
        }
      }, 200);
    });
    expect(Date.now() - started).toBeLessThan(60_000);

    const url = (label: string) => new RegExp(`${label}:\\s+(http://127\\.0\\.0\\.1:\\d+\\S*)`).exec(out)?.[1];
    const tab = url("Tab");
    const playground = url("Agents Playground");
    const sharepoint = url("Local SharePoint");
    const bot = url("Bot endpoint");
    expect(tab).toBe(`http://127.0.0.1:${ports.tab}/`);
    expect(sharepoint).toBe(`http://127.0.0.1:${ports.sp}/sites/edi`);
    expect(bot).toBe(`http://127.0.0.1:${ports.bot}/api/messages`);
    expect(playground).toContain(`127.0.0.1:${ports.pg}`);

    const tabPage = await fetch(tab!);
    expect(tabPage.status).toBe(200);
    expect(await tabPage.text()).toContain("<div id=\"root\"");
    const config = await (await fetch(new URL("eap-config.json", tab!))).json();
    expect(config).toMatchObject({ mode: "local", siteUrl: sharepoint });
    // The list server answers SharePoint's way: no token, no data.
    expect((await fetch(`${sharepoint}/_api/web`, { headers: { Accept: "application/json" } })).status).toBe(401);
    // The bot endpoint is there (a GET is not an activity).
    expect((await fetch(bot!)).status).toBeLessThan(500);
    expect((await fetch(playground!)).status).toBe(200);
    // Someone from the cast is offered.
    expect(out).toMatch(/@example\.org/);

    // Every member of the cast signs in and reads their actions; owners among them have some.
    let owners = 0;
    for (const p of SEED_PEOPLE) {
      const sp = createSp(sharepoint!, DevTokenAuth({ upn: p.upn, name: p.name, oid: p.oid }));
      const me = await getCurrentPerson(sp);
      expect(me.upn, p.name).toBe(p.upn);
      if ((await getMyActions(sp, me.id)).length > 0) owners++;
    }
    expect(owners).toBeGreaterThan(5);
    // The bot reads the lists with its own (app-only) sign-in and grant.
    expect((await getPlans(createSp(sharepoint!, DevAppAuth(LOCAL_APP_IDENTITY)))).length).toBeGreaterThan(0);
    // The officer who left cannot sign in any more.
    const gone = await getCurrentPerson(createSp(sharepoint!, DevTokenAuth({ upn: SEED_DEPARTED.upn, name: SEED_DEPARTED.name, oid: SEED_DEPARTED.oid }))).catch((e) => e);
    expect((gone as { status?: number }).status).toBe(401);

    // A first reminder run reached officers by installing the app, and the policy-blocked one by email, readable
    // from the printed outbox link.
    const run = /Reminder run \(as on [\d-]+\): (\d+) officer\(s\) reached in Teams \((\d+) by installing the app\), (\d+) by email/.exec(out);
    expect(run, out).not.toBeNull();
    expect(Number(run?.[2])).toBeGreaterThanOrEqual(3);
    expect(Number(run?.[3])).toBe(1);
    const inbox = (await (await fetch(url("Teams messages") as string)).json()) as unknown[];
    expect(inbox).toHaveLength(Number(run?.[1]));
    const mails = (await (await fetch(url("Emails sent") as string)).json()) as Array<{ to: string[]; url: string }>;
    expect(mails).toHaveLength(1);
    expect(mails[0].to).toEqual(["dan.fairweather@example.org"]);
    const page = await fetch(new URL(mails[0].url, sharepoint));
    expect(page.status).toBe(200);
    expect(await page.text()).toContain("Your equality actions");
    // The tab's writes reach the server's API through the tab's own address: a write needs a token, and an officer
    // who signs in snoozes their own action's reminders.
    const unsigned = await fetch(new URL("api/actions/1/snooze", tab!), { method: "POST", headers: { "Content-Type": "application/json" }, body: "{}" });
    expect(unsigned.status).toBe(401);
    const owner = SEED_PEOPLE.find((p) => !p.ediGroup)!;
    const ownerSp = createSp(sharepoint!, DevTokenAuth({ upn: owner.upn, name: owner.name, oid: owner.oid }));
    const [theirs] = await getMyActions(ownerSp, (await getCurrentPerson(ownerSp)).id);
    const snoozed = await fetch(new URL(`api/actions/${theirs.id}/snooze`, tab!), {
      method: "POST",
      headers: { "Content-Type": "application/json", Authorization: `Bearer ${mintDevToken({ upn: owner.upn, name: owner.name, oid: owner.oid })}` },
      body: "{}",
    });
    expect(snoozed.status).toBe(200);
    // The seeded meeting: its review link is printed, and its date comes from the local Teams through the bot.
    const review = new URL(url("Meeting review") as string);
    const meetingId = review.searchParams.get("meeting") as string;
    const lead = SEED_PEOPLE.find((p) => p.upn === SEED_EQUALITIES_LEAD_UPN)!;
    const meeting = await fetch(new URL(`api/meetings/${encodeURIComponent(meetingId)}`, tab!), {
      headers: { Authorization: `Bearer ${mintDevToken({ upn: lead.upn, name: lead.name, oid: lead.oid })}` },
    });
    expect(meeting.status).toBe(200);
    expect(await meeting.json()).toMatchObject({ title: "EDI group: progress review", date: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/) });

    child.kill("SIGINT");
    const code = await new Promise<number | null>((r) => child?.once("exit", (c) => r(c)));
    expect(code).toBe(0);
  }, 120_000);
});
