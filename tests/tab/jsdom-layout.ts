/**
 * What jsdom lacks and Fluent's components reach for on mount: ResizeObserver (MessageBar, charts' containers).
 * Layout itself stays absent: a chart that needs SVG measurements fails there, and the views' chart boundary shows
 * the table alone, as it would in a browser that cannot draw the chart.
 */
globalThis.ResizeObserver ??= class {
  observe() {}
  unobserve() {}
  disconnect() {}
} as unknown as typeof ResizeObserver;
