// The events of iCalendar files as read by ical.js (npm, pinned in
// package-lock.json): a second parser, written apart from Python's icalendar,
// for tests/test_programme_exports.py.
//
// Why ical.js: it is the parser of Mozilla Thunderbird's calendar, so a
// calendar application many readers use; it is maintained, has no
// dependencies, and is strict (it throws on a malformed line). It computes
// UTC instants from each file's own VTIMEZONE, where icalendar uses the
// system's time zone database: the two agree only if that VTIMEZONE is right.
//
// Usage: node tests/ical_events.mjs OUTPUT.json FILE.ics...
// Writes {file: [{uid, summary, start, end}]}; start and end are ISO 8601 in
// UTC, or a date for all-day events; end is null without DTEND.
import { readFileSync, writeFileSync } from "node:fs";
import ICAL from "ical.js";

function instant(time) {
  if (time.isDate) return time.toString();
  const zone = time.zone ? time.zone.tzid : "floating";
  if (zone !== "UTC" && !ICAL.TimezoneService.has(zone)) {
    throw new Error(`a time in no known time zone (${zone}): ${time}`);  // it would be read as local time
  }
  return time.toJSDate().toISOString();
}

const [output, ...files] = process.argv.slice(2);
const found = {};
for (const file of files) {
  const calendar = new ICAL.Component(ICAL.parse(readFileSync(file, "utf8")));
  for (const zone of calendar.getAllSubcomponents("vtimezone")) {
    ICAL.TimezoneService.register(zone);
  }
  found[file] = calendar.getAllSubcomponents("vevent").map((component) => {
    const event = new ICAL.Event(component);
    return {
      uid: event.uid,
      summary: event.summary,
      start: instant(event.startDate),
      end: component.hasProperty("dtend") ? instant(event.endDate) : null,
    };
  });
}
writeFileSync(output, JSON.stringify(found));
