/* Days left until a day of the treaty's calendar (New York's, Art. 64):
   overrides/partials/status/countdown.html. The count is made when the
   reader reads the page, never frozen into the HTML, and on New York's
   date, not the reader's: in Hanoi on the morning of 1 January it is still
   31 December in New York, the last day. The build gives the calendar's UTC
   offsets until that day (data-hc-offsets, "milliseconds:minutes" pairs),
   so no time-zone data or Intl formatter is needed. Past the date the text
   stays empty and the date shown beside it speaks.
   The status panel also says when the page was built; opened more than two
   days later, it says that its figures may be out of date (a stopped daily
   build never passes for live). */
(function () {
  "use strict";
  var DAY = 86400000;
  var STALE_AFTER = 2 * DAY;
  var now = Date.now();
  var language = document.documentElement.lang || "en";
  var plurals = new Intl.PluralRules(language);
  /* Below 1,000, English, Vietnamese and French write a number as plain
     digits. Formatting it with Intl first loads the browser's number data:
     90-300 ms of blocked main thread at Lighthouse's 4x CPU slowdown
     (Chromium 156), against under 4 ms for the plural rules. */
  function written(days) {
    return days < 1000 ? String(days) : days.toLocaleString(language);
  }
  /* Midnight UTC of the calendar's date at this instant. */
  function calendarToday(offsets) {
    var minutes = 0;
    offsets.split(" ").forEach(function (pair, index) {
      var parts = pair.split(":").map(Number);
      if (index === 0 || now >= parts[0]) minutes = parts[1];
    });
    var local = new Date(now + minutes * 60000);
    return Date.UTC(local.getUTCFullYear(), local.getUTCMonth(), local.getUTCDate());
  }
  document.querySelectorAll("[data-hc-days-until]").forEach(function (element) {
    var parts = element.getAttribute("data-hc-days-until").split("-").map(Number);
    var today = calendarToday(element.getAttribute("data-hc-offsets"));
    var days = Math.round((Date.UTC(parts[0], parts[1] - 1, parts[2]) - today) / DAY);
    if (!(days >= 0)) return;
    var text = days === 0 ? element.getAttribute("data-hc-zero")
      : plurals.select(days) === "one" ? element.getAttribute("data-hc-one")
      : element.getAttribute("data-hc-other");
    element.textContent = "(" + text.replace("{n}", written(days)) + ")";
  });
  document.querySelectorAll("[data-hc-built-at]").forEach(function (panel) {
    var notice = panel.querySelector("[data-hc-stale]");
    if (notice && now - Date.parse(panel.getAttribute("data-hc-built-at")) > STALE_AFTER) notice.hidden = false;
  });
})();
