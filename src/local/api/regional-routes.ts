/**
 * `web/RegionalSettings` and its `TimeZone` (SharePoint's Id, Description and biases), with the zone's two
 * conversion functions `utctolocaltime('...')` and `localtimetoutc('...')` as PnPjs calls them.
 */
import { Errors } from "../errors";
import { timeZoneProps, utcOffsetMinutes } from "../model/time-zones";
import { isoSeconds } from "../odata/filter-parser";
import { entity, primitive, single } from "../odata/serialize";
import { argString, type Seg } from "../odata/segments";
import { type ApiResponse, type Call, pick, selectOf } from "./context";

function parseInstant(raw: string): number {
  const t = Date.parse(/[zZ]|[+-]\d\d:?\d\d$/.test(raw) || !raw.includes("T") ? raw : `${raw}Z`);
  if (Number.isNaN(t)) throw Errors.badExpression(raw, "A date and time was expected.");
  return t;
}

export function regionalSettingsRoute(call: Call, segs: Seg[]): ApiResponse {
  const { r, method, ctx } = call;
  const zone = ctx.site.timeZone;
  const base = `${ctx.siteUrl}/_api/Web/RegionalSettings`;
  const next = segs.shift();
  if (!next) {
    if (method !== "GET") throw Errors.method();
    // en-GB conventions for a UK council site; only the time zone has behaviour here.
    const props = { AdjustHijriDays: 0, CalendarType: 1, FirstDayOfWeek: 1, LocaleId: 2057, Time24: true, WorkDayEndHour: 1020, WorkDayStartHour: 480 };
    return r.json(200, single(r.format, entity(r.format, { type: "SP.RegionalSettings", uri: base }, pick(props, selectOf(call), "SP.RegionalSettings")), r.meta("SP.RegionalSettings")), "web");
  }
  if (next.name !== "timezone") throw Errors.resource(next.raw);
  const fn = segs.shift();
  if (!fn) {
    if (method !== "GET") throw Errors.method();
    const body = entity(r.format, { type: "SP.TimeZone", uri: `${base}/TimeZone` }, pick(timeZoneProps(zone), selectOf(call), "SP.TimeZone"));
    return r.json(200, single(r.format, body, r.meta("SP.TimeZone")), "web");
  }
  if (segs.length) throw Errors.resource(segs[0].raw);
  if (method !== "POST") throw Errors.method();
  const raw = argString(fn.args);
  if (fn.name === "utctolocaltime") {
    const t = parseInstant(raw);
    // SharePoint answers local time without an offset designator.
    const local = isoSeconds(new Date(t - utcOffsetMinutes(zone, t) * 60000)).replace(/Z$/, "");
    return r.json(200, primitive(r.format, "UTCToLocalTime", local, r.meta("Edm.DateTime")), "web");
  }
  if (fn.name === "localtimetoutc") {
    // The argument is a wall-clock time in the site's zone, whatever designator it carries.
    const wall = parseInstant(raw.replace(/([zZ]|[+-]\d\d:?\d\d)$/, ""));
    let utc = wall + utcOffsetMinutes(zone, wall) * 60000;
    utc = wall + utcOffsetMinutes(zone, utc) * 60000;
    return r.json(200, primitive(r.format, "LocalTimeToUTC", isoSeconds(new Date(utc)), r.meta("Edm.DateTime")), "web");
  }
  throw Errors.resource(fn.raw);
}
