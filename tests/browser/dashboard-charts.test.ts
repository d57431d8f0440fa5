/**
 * The dashboard's charts read right at 320, 1024 and 1600 px in the default, dark and high-contrast themes, in
 * headless Chromium against the real local SharePoint: no two labels of a chart overlap (each label's drawn outline,
 * rotation included, from its bounding box and screen transform), none is cut off by its chart or missing (every
 * role of the table is on the "Status by role" axis, every status in its legend), nothing scrolls sideways, and
 * "Completion by objective" says "No completed actions yet." until an action is done, then draws a bar for each
 * objective with one.
 */
import { describe, expect, it } from "vitest";
import { LOCAL_APP_IDENTITY } from "../../src/config/local-identities.ts";
import { createSp, DevAppAuth, getAction, getPlanActions, updateAction } from "../../src/data/index.ts";
import { SEED_EQUALITIES_LEAD_UPN } from "../../src/seed/people.ts";
import { screenshot, setTheme, type ThemeName } from "../helpers/browser.ts";
import { signedInTab } from "../helpers/signed-in-tab.ts";

const WIDTHS = [320, 1024, 1600] as const;
const THEMES: ThemeName[] = ["default", "dark", "contrast"];
const tab = signedInTab(SEED_EQUALITIES_LEAD_UPN);
/** Fixtures are written as the app writes them: no person's token writes the plan's lists. */
const appSp = () => createSp(tab.stack().siteUrl, DevAppAuth(LOCAL_APP_IDENTITY));

async function openDashboard(width: number): Promise<void> {
  await tab.page().setViewportSize({ width, height: 900 });
  // A new document each time (the query), so the view reads SharePoint afresh rather than keeping its first read.
  await tab.page().goto(`${tab.stack().url}?width=${width}#/dashboard`);
  await tab.page().locator('[data-chart="dash-completion"] table').waitFor();
  await tab.page().locator('[data-chart="dash-status"] svg text').first().waitFor();
  // The charts take their width from a ResizeObserver on the next animation frame.
  await tab.page().evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
}

interface Label {
  text: string;
  corners: Array<{ x: number; y: number }>;
}

interface ChartGeometry {
  labels: Label[];
  /** The chart's column. */
  svg: { left: number; right: number; top: number; bottom: number };
  hasSvg: boolean;
  legend: string[];
  greens: Array<{ length: number; share: number; label: string }>;
  overflowsSideways: boolean;
  empty: string | null;
}

/** Every text a chart draws, as the four screen corners of its outline (rotation included), and what is around it. */
function geometry(id: string): Promise<ChartGeometry> {
  return tab.page().evaluate((chartId) => {
    const section = document.querySelector(`[data-chart="${chartId}"]`) as HTMLElement;
    const body = section.querySelector("[data-chart-body]") as HTMLElement;
    const svg = body.querySelector("svg");
    const corners = (r: DOMRect) => [
      { x: r.left, y: r.top },
      { x: r.right, y: r.top },
      { x: r.right, y: r.bottom },
      { x: r.left, y: r.bottom },
    ];
    const drawn = Array.from(body.querySelectorAll("svg text"))
      .filter((t) => (t.textContent ?? "").trim() !== "")
      .map((t) => {
        const box = (t as SVGGraphicsElement).getBBox();
        const m = (t as SVGGraphicsElement).getScreenCTM()!;
        const pts = [
          [box.x, box.y],
          [box.x + box.width, box.y],
          [box.x + box.width, box.y + box.height],
          [box.x, box.y + box.height],
        ].map(([x, y]) => new DOMPoint(x, y).matrixTransform(m));
        return { text: t.textContent ?? "", corners: pts.map((p) => ({ x: p.x, y: p.y })) };
      });
    // Titles, values and legends some charts write in HTML: every visible element holding text of its own.
    const written = Array.from(body.querySelectorAll<HTMLElement>("div, span, button"))
      .filter((e) => !e.closest("svg") && Array.from(e.childNodes).some((n) => n.nodeType === Node.TEXT_NODE && (n.textContent ?? "").trim() !== ""))
      .filter((e) => {
        const cs = getComputedStyle(e);
        return e.offsetParent !== null && e.getBoundingClientRect().width > 0 && cs.visibility === "visible" && Number(cs.opacity) > 0 && !e.closest("[hidden], [aria-hidden='true']");
      })
      .map((e) => ({ text: (e.textContent ?? "").trim(), corners: corners(e.getBoundingClientRect()) }));
    const labels = [...drawn, ...written];
    const r = body.getBoundingClientRect();
    const legend = Array.from(body.querySelectorAll('[class*="legend" i] button, [role="option"]')).map((b) => (b.textContent ?? "").trim());
    // Bars drawn with a length, and how far along their own track each reaches (horizontal bar charts).
    const greens = Array.from(body.querySelectorAll('svg rect[fill*="GreenBackground3"]')).map((x) => {
      const b = x.getBoundingClientRect();
      const track = (x.closest("svg") as SVGSVGElement).getBoundingClientRect();
      return { length: b.width, share: b.width / track.width, label: x.getAttribute("aria-label") ?? "" };
    });
    return {
      labels,
      svg: { left: r.left, right: r.right, top: r.top, bottom: r.bottom },
      hasSvg: svg !== null,
      legend,
      greens: greens.filter((g) => g.length >= 1),
      // The chart itself: the page's header and navigation at 320 px are the layout's to answer for.
      overflowsSideways: section.scrollWidth > section.clientWidth + 1 || r.right > document.documentElement.clientWidth + 1,
      empty: section.querySelector("[data-chart-empty]")?.textContent ?? null,
    };
  }, id);
}

type P = { x: number; y: number };
/** Separating axis test for two convex quadrilaterals; touching edges (under half a pixel of overlap) do not count. */
function overlap(a: P[], b: P[]): boolean {
  for (const poly of [a, b]) {
    for (let i = 0; i < 4; i++) {
      const p = poly[i];
      const q = poly[(i + 1) % 4];
      const axis = { x: q.y - p.y, y: p.x - q.x };
      const len = Math.hypot(axis.x, axis.y) || 1;
      const proj = (pts: P[]) => pts.map((v) => (v.x * axis.x + v.y * axis.y) / len);
      const [pa, pb] = [proj(a), proj(b)];
      if (Math.min(Math.max(...pa), Math.max(...pb)) - Math.max(Math.min(...pa), Math.min(...pb)) < 0.5) return false;
    }
  }
  return true;
}

function overlaps(labels: Label[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < labels.length; i++) {
    for (let j = i + 1; j < labels.length; j++) {
      if (overlap(labels[i].corners, labels[j].corners)) out.push(`"${labels[i].text}" overlaps "${labels[j].text}"`);
    }
  }
  return out;
}

/** Labels reaching outside their chart's column (an SVG clips them there). */
function cutOff(g: ChartGeometry): string[] {
  return g.labels
    // Two pixels of slack: an HTML title's line box may stand a pixel proud of its chart without hiding any of it.
    .filter((l) => l.corners.some((c) => c.x < g.svg.left - 2 || c.x > g.svg.right + 2 || c.y < g.svg.top - 2 || c.y > g.svg.bottom + 2))
    .map((l) => `"${l.text}" is cut off (${l.corners.map((c) => `${Math.round(c.x)},${Math.round(c.y)}`).join(" ")} outside ${Math.round(g.svg.left)}..${Math.round(g.svg.right)} × ${Math.round(g.svg.top)}..${Math.round(g.svg.bottom)})`);
}

const squash = (t: string) => t.replace(/\s+/g, "");

async function rowHeaders(table: string): Promise<string[]> {
  return tab.page().locator(`table[data-table="${table}"] tbody th[scope="row"]`).allInnerTexts();
}

describe("dashboard charts at 320, 1024 and 1600 px", () => {
  it("'Completion by objective' says there is nothing done yet instead of drawing empty bars", async () => {
    const actions = await getPlanActions(tab.stack().spAs(SEED_EQUALITIES_LEAD_UPN), tab.stack().currentPlanId);
    expect(actions.some((a) => a.status === "complete" || a.disposition === "closed")).toBe(false);
    await openDashboard(1024);
    const g = await geometry("dash-completion");
    expect(g.empty).toBe("No completed actions yet.");
    expect(g.hasSvg).toBe(false);
  });

  it("every label whole and apart, in every theme and width; completion draws a bar per objective with a done action", async () => {
    const sp = appSp();
    const actions = await getPlanActions(sp, tab.stack().currentPlanId);
    const done = actions.slice(0, 3);
    for (const a of done) await updateAction(sp, a.id, (await getAction(sp, a.id)).etag!, { status: "complete" });
    const objectivesWithDone = new Set(done.map((a) => a.objectiveId)).size;

    const problems: string[] = [];
    for (const width of WIDTHS) {
      await openDashboard(width);
      const roles = (await rowHeaders("status-by-role")).filter((r) => r !== "All roles");
      const statuses = await tab.page().locator('table[data-table="status-by-role"] thead th').allInnerTexts();
      for (const theme of THEMES) {
        await setTheme(tab.page(), theme);
        const where = `${width} px, ${theme}`;
        for (const id of ["dash-status", "dash-due", "dash-freshness", "dash-completion"]) {
          const g = await geometry(id);
          problems.push(...[...overlaps(g.labels), ...cutOff(g)].map((p) => `${id} at ${where}: ${p}`));
          if (g.overflowsSideways) problems.push(`${id} at ${where}: the chart is wider than the page`);
          if (id === "dash-status") {
            const drawn = g.labels.map((l) => squash(l.text));
            for (const role of roles) if (!drawn.includes(squash(role))) problems.push(`${id} at ${where}: the axis label "${role}" is missing`);
            for (const st of statuses.slice(1, -1)) {
              if (!g.legend.some((l) => squash(l).toLowerCase() === squash(st).toLowerCase())) problems.push(`${id} at ${where}: "${st}" is not in the legend (${g.legend.join(", ")})`);
            }
          }
          if (id === "dash-completion") {
            if (g.empty !== null) problems.push(`${id} at ${where}: says "${g.empty}" with ${done.length} actions complete`);
            if (g.greens.length !== objectivesWithDone) problems.push(`${id} at ${where}: ${g.greens.length} bar(s) drawn, expected ${objectivesWithDone}`);
            for (const bar of g.greens) {
              const percent = Number(/\((\d+)%\)/.exec(bar.label)?.[1]);
              if (!(Math.abs(bar.share * 100 - percent) <= 2)) problems.push(`${id} at ${where}: "${bar.label}" fills ${Math.round(bar.share * 100)}% of its track`);
            }
          }
        }
        await screenshot(tab.page(), `dashboard-charts-${width}-${theme}`);
      }
      await setTheme(tab.page(), "default");
    }
    expect(problems).toEqual([]);
  });
});

/** What each "Status by role" segment and legend swatch is painted with, resolved to colours, in the current theme. */
function statusPaint() {
  return tab.page().evaluate(() => {
    const body = document.querySelector('[data-chart="dash-status"] [data-chart-body]') as HTMLElement;
    const page = getComputedStyle(document.querySelector("[data-theme]") as HTMLElement).backgroundColor;
    /** A fill as seen: a colour, or a pattern's base colour and marks (shape and colour), whatever ids it has. */
    const seen = (fill: string): string => {
      const id = /url\(["']?#([^"')]+)["']?\)/.exec(fill)?.[1];
      const pattern = id ? document.getElementById(id) : null;
      if (!pattern) return fill;
      return Array.from(pattern.children)
        .map((c) => {
          const cs = getComputedStyle(c);
          const shape = c.getAttribute("d") ?? `${c.tagName}${c.getAttribute("r") ?? ""}`;
          return `${c.tagName}[${shape}] fill ${cs.fill} stroke ${cs.stroke}`;
        })
        .join(" + ");
    };
    const segments = Array.from(body.querySelectorAll<SVGRectElement>("svg rect[role='option'], svg rect[aria-label]")).map((r) => {
      const cs = getComputedStyle(r);
      return { label: r.getAttribute("aria-label") ?? "", paint: seen(cs.fill), outline: cs.stroke, outlineWidth: cs.strokeWidth };
    });
    const legend = Array.from(body.querySelectorAll<HTMLElement>('[class*="legend" i] button')).map((b) => {
      const swatch = b.querySelector("svg path");
      return { text: (b.textContent ?? "").trim(), paint: swatch ? seen(getComputedStyle(swatch).fill) : "(no swatch)" };
    });
    return { page, segments, legend };
  });
}

describe("'Status by role' in Teams' high-contrast theme", () => {
  it("tells every status apart without colour: a pattern of its own, an outline, and the same pattern in the legend", async () => {
    const sp = appSp();
    const actions = (await getPlanActions(sp, tab.stack().currentPlanId)).filter((a) => a.status !== "complete");
    // Several statuses on the chart at once: at risk, on track and done beside those the plan already has.
    const give = ["at-risk", "on-track", "complete"] as const;
    for (const [i, status] of give.entries()) await updateAction(sp, actions[i].id, (await getAction(sp, actions[i].id)).etag!, { status });
    await openDashboard(1024);
    await setTheme(tab.page(), "contrast");
    const { page, segments, legend } = await statusPaint();
    await screenshot(tab.page(), "dashboard-status-contrast");

    // The chart draws a segment per status present, each with its legend entry.
    const byStatus = new Map<string, Set<string>>();
    for (const l of legend) byStatus.set(l.text, new Set());
    for (const s of segments) {
      const status = legend.find((l) => s.label.includes(`. ${l.text}, `))?.text;
      expect(status, `segment "${s.label}" names a status of the legend`).toBeDefined();
      byStatus.get(status as string)?.add(s.paint);
    }
    const drawn = [...byStatus].filter(([, paints]) => paints.size > 0);
    expect(drawn.length).toBeGreaterThanOrEqual(3);
    // One paint per status, the same in every role, and no two statuses alike.
    for (const [status, paints] of drawn) expect(paints.size, status).toBe(1);
    const paints = drawn.map(([, p]) => [...p][0]);
    expect(new Set(paints).size).toBe(drawn.length);
    // Colour alone does not do it: the theme paints every status's colour the same, so the marks must differ.
    const marks = (p: string) => p.split(" + ").slice(1).map((m) => m.replace(/ fill .*$/, "")).join(" + ");
    expect(new Set(paints.map(marks)).size).toBe(drawn.length);
    // Each segment has an edge that shows against the page, and the legend shows each status's own pattern.
    for (const s of segments) {
      expect(s.outline, s.label).not.toBe(page);
      expect(s.outline, s.label).not.toBe("none");
    }
    for (const [status, p] of drawn) expect(legend.find((l) => l.text === status)?.paint, status).toBe([...p][0]);
    // The legend lists all six statuses, each with marks of its own: what a segment's pattern means, in words.
    expect(legend).toHaveLength(6);
    expect(new Set(legend.map((l) => marks(l.paint))).size).toBe(6);
    await setTheme(tab.page(), "default");
  });
});
