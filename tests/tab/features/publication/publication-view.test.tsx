// @vitest-environment jsdom
/**
 * Approval before publication in the tab, against the real local SharePoint: the lead approves as written, edits
 * then approves (the original kept), withholds with a reason, meets a decision taken meanwhile (nothing written,
 * the update shown as it is now, the words typed kept), approves the rest in bulk; officers are refused the view.
 */
import { screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { beforeAll, describe, expect, it } from "vitest";
import { getPlanUpdates } from "../../../../src/data/index.ts";
import { approveUpdate, getUpdate } from "../../../../src/data/updates/publication.ts";
import { financialYearOf } from "../../../../src/domain/dates.ts";
import { londonDate } from "../../../../src/domain/london-time.ts";
import { isPublishable, publicationOf } from "../../../../src/domain/publication.ts";
import { SEED_EQUALITIES_LEAD_UPN, SEED_UPNS } from "../../../../src/seed/people.ts";
import PublicationView from "../../../../src/tab/features/publication/publication-view.tsx";
import { writeDrafts } from "../../../helpers/publication-drafts.ts";
import { renderInApp, seededSiteSignedInAs, signedIn } from "../../support.tsx";

const seeded = seededSiteSignedInAs(SEED_EQUALITIES_LEAD_UPN);
const period = financialYearOf(londonDate(new Date()));

beforeAll(async () => {
  // Officers' drafts are written by the app (as the server does for them): no person's token writes the lists.
  await writeDrafts(seeded.site().appSp(), seeded.site().currentPlanId, seeded.app().value.me);
});

async function drafts() {
  const all = await getPlanUpdates(seeded.app().value.sp, seeded.site().currentPlanId, period);
  return all.filter((u) => u.period === period && isPublishable(u) && publicationOf(u).state === "draft");
}

const article = (id: number) => document.querySelector(`article[data-update-id="${id}"]`) as HTMLElement;

describe("Approval and publication", () => {
  it("approves as written, edits then approves (the original kept), and withholds with a reason", async () => {
    const waiting = await drafts();
    expect(waiting.length).toBeGreaterThanOrEqual(3);
    renderInApp(<PublicationView />, seeded.app());
    await screen.findByRole("heading", { level: 1, name: /^Approval and publication/ });
    const counts = await screen.findByTestId("publication-counts");
    expect(counts.textContent).toContain(`${waiting.length} awaiting approval`);
    const [a, b, c] = waiting;

    await userEvent.click(within(article(a.id)).getByRole("button", { name: "Approve as written" }));
    await waitFor(() => expect(article(a.id).dataset.state).toBe("approved"));
    expect(document.activeElement).toBe(article(a.id));

    await userEvent.click(within(article(b.id)).getByRole("button", { name: "Edit, then approve" }));
    const box = within(article(b.id)).getByRole("textbox", { name: /Text to publish/ });
    await userEvent.clear(box);
    await userEvent.type(box, "Work with the service teams continues; the review reports in spring.");
    await userEvent.click(within(article(b.id)).getByRole("button", { name: "Approve with my edit" }));
    await waitFor(() => expect(article(b.id).dataset.state).toBe("approved"));
    expect(within(article(b.id)).getByText("Published as edited")).toBeTruthy();

    await userEvent.click(within(article(c.id)).getByRole("button", { name: "Withhold…" }));
    await userEvent.click(within(article(c.id)).getByRole("button", { name: "Withhold the update" }));
    expect(await within(article(c.id)).findByText(/Give a reason for withholding/)).toBeTruthy();
    await userEvent.type(within(article(c.id)).getByRole("textbox", { name: /Reason for withholding/ }), "Names a resident");
    await userEvent.click(within(article(c.id)).getByRole("button", { name: "Withhold the update" }));
    await waitFor(() => expect(article(c.id).dataset.state).toBe("withheld"));

    const sp = seeded.app().value.sp;
    const [sa, sb, sc] = await Promise.all([getUpdate(sp, a.id), getUpdate(sp, b.id), getUpdate(sp, c.id)]);
    expect(sa.publication).toMatchObject({ state: "approved", approvedText: a.text.trim(), reviewedById: seeded.app().value.me.id });
    expect(sb.publication).toMatchObject({ state: "approved", approvedText: "Work with the service teams continues; the review reports in spring." });
    expect(sb.text).toBe(b.text); // the original, as written
    expect(sc.publication).toMatchObject({ state: "withheld", withheldReason: "Names a resident" });
    expect(seeded.app().announced).toContain(`Withheld: ${within(article(c.id)).getByRole("heading").textContent}.`);
  });

  it("a decision taken meanwhile writes nothing, shows the update as it is now and keeps the words typed", async () => {
    const [d] = await drafts();
    renderInApp(<PublicationView />, seeded.app());
    await waitFor(() => expect(article(d.id)).toBeTruthy());
    await userEvent.click(within(article(d.id)).getByRole("button", { name: "Edit, then approve" }));
    const box = within(article(d.id)).getByRole("textbox", { name: /Text to publish/ });
    await userEvent.clear(box);
    await userEvent.type(box, "My wording.");
    // Someone (the lead in another window) approves it first, with other words.
    const me = seeded.app().value;
    const app = seeded.site().appSp();
    await approveUpdate(app, { update: await getUpdate(app, d.id), reviewer: { personId: me.me.id, isEqualitiesLead: true }, text: "Their wording.", now: new Date() });
    await userEvent.click(within(article(d.id)).getByRole("button", { name: "Approve with my edit" }));
    expect((await within(article(d.id)).findByRole("alert")).textContent).toMatch(/Someone changed this update/);
    expect((await getUpdate(me.sp, d.id)).publication?.approvedText).toBe("Their wording.");
    await waitFor(() => expect(article(d.id).dataset.state).toBe("approved"));
    expect((within(article(d.id)).getByRole("textbox", { name: /Text to publish/ }) as HTMLTextAreaElement).value).toBe("My wording.");
    // Deciding again now works on the update as it is.
    await userEvent.click(within(article(d.id)).getByRole("button", { name: "Approve with my edit" }));
    await waitFor(async () => expect((await getUpdate(me.sp, d.id)).publication?.approvedText).toBe("My wording."));
  });

  it("approves every update still awaiting in bulk, leaving the withheld one withheld", async () => {
    const before = await drafts();
    expect(before.length).toBeGreaterThan(0);
    renderInApp(<PublicationView />, seeded.app());
    await userEvent.click(await screen.findByRole("button", { name: `Approve all ${before.length} awaiting, as written` }));
    await waitFor(() => expect(screen.getByTestId("bulk-status").textContent).toBe(`Approved ${before.length} update(s) as written.`));
    expect(await drafts()).toEqual([]);
    const all = await getPlanUpdates(seeded.app().value.sp, seeded.site().currentPlanId, period);
    expect(all.some((u) => u.publication?.state === "withheld" && u.publication.withheldReason === "Names a resident")).toBe(true);
    expect(screen.getByTestId("publication-counts").textContent).toContain("0 awaiting approval");
  });

  it("is refused to an officer and to an EDI group member who is not the lead", async () => {
    for (const upn of [SEED_UPNS.procurement, SEED_UPNS.headOfPolicy]) {
      const other = await signedIn(seeded.site().siteUrl, upn);
      const { unmount } = renderInApp(<PublicationView />, other);
      expect((await screen.findByRole("alert")).textContent).toMatch(/for the equalities lead/);
      expect(screen.queryByRole("button", { name: /Approve/ })).toBeNull();
      unmount();
    }
  });
});
