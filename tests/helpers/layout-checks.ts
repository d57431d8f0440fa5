/**
 * What "works at 320 px" means, measured in the page (WCAG 2.2: 1.4.10 reflow, 1.4.12 text spacing, 2.1.1 keyboard,
 * 2.5.8 target size): no sideways page scroll, every control inside the viewport (or inside a table's own labelled,
 * focusable scroll region), no two controls on top of each other, no button whose words are cut off, and every
 * control reached by Tab.
 */
import type { Frame, Page } from "playwright-core";

/** WCAG 1.4.12's overrides, as the W3C's text spacing bookmarklet applies them. */
export const TEXT_SPACING_CSS =
  "* { line-height: 1.5 !important; letter-spacing: 0.12em !important; word-spacing: 0.16em !important; } p { margin-bottom: 2em !important; }";

/** Injected at document start and kept over route changes: context.addInitScript(injectTextSpacing, TEXT_SPACING_CSS). */
export function injectTextSpacing(css: string): void {
  const add = () => {
    const style = document.createElement("style");
    style.dataset.textSpacing = "";
    style.textContent = css;
    document.head.append(style);
  };
  if (document.head) add();
  else document.addEventListener("DOMContentLoaded", add);
}

export interface LayoutReport {
  scrollWidth: number;
  clientWidth: number;
  /** Controls reaching outside the viewport (outside any scroll region of their own). */
  outside: string[];
  /** Pairs of controls whose boxes overlap. */
  overlapping: string[];
  /** Buttons whose content is wider or taller than the button. */
  clipped: string[];
  /** Elements that scroll sideways without being a labelled, focusable region. */
  unlabelledScrollers: string[];
  /** Controls smaller than 24 × 24 px with a neighbour closer than 24 px (WCAG 2.5.8's spacing exception fails). */
  smallTargets: string[];
}

/** Runs in the page: the checks above over every visible control. */
export function measureLayout(): LayoutReport {
  const W = document.documentElement.clientWidth;
  const SELECTOR = 'a[href], button, input:not([type="hidden"]), select, textarea, [tabindex]:not([tabindex="-1"]), [role="radio"], [role="checkbox"]';
  const describe = (el: Element) => {
    const text = (el.getAttribute("aria-label") ?? el.textContent ?? "").trim().replace(/\s+/g, " ").slice(0, 40);
    return `${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ""} "${text}"`;
  };
  const scroller = (el: Element): Element | null => {
    for (let p = el.parentElement; p; p = p.parentElement) {
      const o = getComputedStyle(p).overflowX;
      if ((o === "auto" || o === "scroll") && p.scrollWidth > p.clientWidth + 1) return p;
    }
    return null;
  };
  const visible = (el: Element) => {
    const r = el.getBoundingClientRect();
    if (r.width < 1 || r.height < 1) return false;
    const cs = getComputedStyle(el);
    return cs.visibility !== "hidden" && !el.closest("[data-tabster-dummy]") && !el.closest('[aria-hidden="true"] svg, svg');
  };
  const controls = Array.from(document.querySelectorAll(SELECTOR)).filter(visible);
  const boxes = controls.map((el) => ({ el, r: el.getBoundingClientRect(), inScroller: scroller(el) !== null }));
  // A "skip to content" control waits far off to the left until it has focus: hidden on purpose, not clipped.
  const parked = (r: DOMRect) => r.right < -1000;
  const outside = boxes.filter((b) => !b.inScroller && !parked(b.r) && (b.r.left < -0.5 || b.r.right > W + 0.5)).map((b) => `${describe(b.el)} [${Math.round(b.r.left)}, ${Math.round(b.r.right)}]`);
  const overlapping: string[] = [];
  for (let i = 0; i < boxes.length; i++) {
    for (let j = i + 1; j < boxes.length; j++) {
      const a = boxes[i];
      const b = boxes[j];
      if (a.el.contains(b.el) || b.el.contains(a.el)) continue;
      // A control's own hidden native input (Fluent's Radio and Checkbox draw over it) belongs to its label.
      const la = a.el.closest("label");
      if (la && la === b.el.closest("label")) continue;
      const w = Math.min(a.r.right, b.r.right) - Math.max(a.r.left, b.r.left);
      const h = Math.min(a.r.bottom, b.r.bottom) - Math.max(a.r.top, b.r.top);
      if (w > 1 && h > 1) overlapping.push(`${describe(a.el)} × ${describe(b.el)}`);
    }
  }
  const clipped = controls
    .filter((el) => el.tagName === "BUTTON")
    .filter((el) => el.scrollWidth > el.clientWidth + 1 || el.scrollHeight > el.clientHeight + 1)
    .map((el) => `${describe(el)} ${el.scrollWidth}×${el.scrollHeight} in ${el.clientWidth}×${el.clientHeight}`);
  const unlabelledScrollers = Array.from(document.querySelectorAll("body *"))
    .filter((el) => {
      const o = getComputedStyle(el).overflowX;
      return (o === "auto" || o === "scroll") && el.scrollWidth > el.clientWidth + 1 && el.clientWidth > 0;
    })
    .filter((el) => !(el.getAttribute("tabindex") === "0" && el.getAttribute("role") === "region" && el.getAttribute("aria-label")))
    .map(describe);
  // 2.5.8: a target under 24 × 24 px passes when a 24 px circle on its centre meets no other target.
  const smallTargets = boxes
    .filter((b) => !b.inScroller && (b.r.width < 24 || b.r.height < 24))
    .filter((b) => b.el.tagName !== "A" || getComputedStyle(b.el).display !== "inline") // inline links in text: exempt
    .filter((b) => {
      const cx = (b.r.left + b.r.right) / 2;
      const cy = (b.r.top + b.r.bottom) / 2;
      return boxes.some((o) => {
        if (o === b || o.el.contains(b.el) || b.el.contains(o.el)) return false;
        const dx = Math.max(o.r.left - cx, 0, cx - o.r.right);
        const dy = Math.max(o.r.top - cy, 0, cy - o.r.bottom);
        return Math.hypot(dx, dy) < 12;
      });
    })
    .map((b) => `${describe(b.el)} ${Math.round(b.r.width)}×${Math.round(b.r.height)}`);
  return {
    scrollWidth: document.documentElement.scrollWidth,
    clientWidth: W,
    outside,
    overlapping,
    clipped,
    unlabelledScrollers,
    smallTargets,
  };
}

/**
 * Presses Tab from the top of the page until every visible, enabled control has had focus, or `max` presses.
 * Returns the controls never reached. A composite widget is one Tab stop whose parts the arrow keys reach: a radio
 * group, and Fluent's arrow-key groups (tabster's "mover": a chart's bars, its legend) count as reached when any
 * of their parts had focus.
 */
export async function unreachedByTab(page: Page, frame: Page | Frame = page, max = 400): Promise<string[]> {
  await frame.evaluate(() => {
    const w = window as unknown as { __eapReached: Set<Element> };
    w.__eapReached = new Set();
    document.addEventListener("focusin", (e) => w.__eapReached.add(e.target as Element), true);
    (document.activeElement as HTMLElement | null)?.blur();
    window.scrollTo(0, 0);
  });
  const missing = () =>
    frame.evaluate(() => {
      const reached = (window as unknown as { __eapReached: Set<Element> }).__eapReached;
      const SELECTOR = 'a[href], button, input:not([type="hidden"]), select, textarea, [tabindex]:not([tabindex="-1"])';
      const candidates = Array.from(document.querySelectorAll<HTMLElement>(SELECTOR)).filter((el) => {
        const r = el.getBoundingClientRect();
        if (r.width < 1 || r.height < 1 || (el as HTMLButtonElement).disabled || el.closest("[data-tabster-dummy], [inert]")) return false;
        if (el.tabIndex < 0) return false;
        return getComputedStyle(el).visibility !== "hidden";
      });
      const seenRadioGroups = new Set(Array.from(reached).filter((e) => e instanceof HTMLInputElement && e.type === "radio").map((e) => (e as HTMLInputElement).name));
      const moverOf = (el: Element) => el.parentElement?.closest('[data-tabster*="mover"]') ?? null;
      const seenMovers = new Set(Array.from(reached).map(moverOf).filter((m) => m !== null));
      return candidates
        .filter((el) => !reached.has(el))
        .filter((el) => !(el instanceof HTMLInputElement && el.type === "radio" && seenRadioGroups.has(el.name)))
        .filter((el) => {
          const mover = moverOf(el);
          return !(mover && seenMovers.has(mover));
        })
        .map((el) => `${el.tagName.toLowerCase()} "${(el.getAttribute("aria-label") ?? el.textContent ?? "").trim().slice(0, 40)}"`);
    });
  for (let pressed = 0; pressed < max; pressed += 20) {
    for (let i = 0; i < 20; i++) await page.keyboard.press("Tab");
    if ((await missing()).length === 0) return [];
  }
  return missing();
}
