/**
 * The Agents Playground's configuration for `npm start`: the chat's user is the seeded equalities lead and the
 * other seeded officers are the team, so that cards sent to them can be acted on as in Teams. Playground's own
 * default users (alexw@example.com and friends) are not people of the plan.
 */
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { LOCAL_BOT_IDENTITY } from "../config/local-identities.ts";
import { DEV_TENANT_ID } from "../data/auth/dev-token.ts";
import { SEED_EQUALITIES_LEAD_UPN, SEED_PEOPLE, type SeedPerson, seedPerson } from "../seed/people.ts";

const q = (s: string) => JSON.stringify(s); // JSON strings are valid YAML scalars

function user(p: SeedPerson, i: number): string {
  const [given, ...rest] = p.name.split(" ");
  return [
    `id: ${q(`user-id-${i}`)}`,
    `name: ${q(p.name)}`,
    `userPrincipleName: ${q(p.upn)}`,
    `aadObjectId: ${q(p.oid)}`,
    `givenName: ${q(given)}`,
    `surname: ${q(rest.join(" "))}`,
    // Someone without a mailbox has no address to give.
    `email: ${q(p.mail ?? "")}`,
  ].join("\n");
}

const indent = (text: string, first: string, rest: string) =>
  text
    .split("\n")
    .map((l, i) => (i === 0 ? first : rest) + l)
    .join("\n");

export function playgroundConfigYaml(): string {
  // The Playground's schema allows at most 5 other users.
  const lead = seedPerson(SEED_EQUALITIES_LEAD_UPN)!;
  const others = SEED_PEOPLE.filter((p) => p.oid !== lead.oid).slice(0, 5);
  return [
    "# Written by `npm start`: Agents Playground chats as the seeded equalities lead (fictional people).",
    'version: "0.1.1"',
    `tenantId: ${q(DEV_TENANT_ID)}`,
    "bot:",
    `  id: ${q(LOCAL_BOT_IDENTITY.oid)}`,
    '  name: "Equality Action Plan"',
    "currentUser:",
    indent(user(lead, 0), "  ", "  "),
    "users:",
    ...others.map((p, i) => indent(user(p, i + 1), "  - ", "    ")),
    "personalChat:",
    '  id: "personal-chat-id"',
    "groupChat:",
    '  id: "group-chat-id"',
    '  name: "EDI group chat"',
    "team:",
    '  id: "team-id"',
    '  name: "EDI group"',
    '  aadGroupId: "00000000-0000-4000-8000-0000000000e1"',
    "  channels:",
    '    - id: "channel-edi-id"',
    '      name: "Equality action plan"',
    "",
  ].join("\n");
}

export function writePlaygroundConfig(dir: string): string {
  const path = join(dir, "m365agentsplayground.yml");
  writeFileSync(path, playgroundConfigYaml());
  return path;
}
