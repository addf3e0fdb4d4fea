// Programme pages (hooks/programme.py): filter buttons by day and type, and
// an optional second time in the reader's own time zone. Progressive
// enhancement only: without this script every event shows, in Hanoi time,
// and the controls stay hidden. No inline script, no style attribute (CSP).
(function () {
  "use strict";

  function each(list, callback) {
    Array.prototype.forEach.call(list, callback);
  }

  function setUpFilters(root) {
    var form = root.querySelector("[data-hc-filter]");
    if (!form) return;
    var items = root.querySelectorAll(".hc-programme__item");
    var days = root.querySelectorAll(".hc-programme__day");
    var status = form.querySelector("[data-hc-filter-status]");
    var template = form.getAttribute("data-status-template") || "{shown}/{total}";
    var chosen = { day: "", type: "" };

    function apply() {
      var shown = 0;
      each(items, function (item) {
        var visible = (!chosen.day || item.getAttribute("data-day") === chosen.day) &&
          (!chosen.type || item.getAttribute("data-type") === chosen.type);
        item.hidden = !visible;
        if (visible) shown += 1;
      });
      each(days, function (day) {
        day.hidden = !day.querySelector(".hc-programme__item:not([hidden])");
      });
      status.textContent = template.replace("{shown}", String(shown)).replace("{total}", String(items.length));
    }

    form.addEventListener("click", function (event) {
      var button = event.target.closest && event.target.closest("button[data-filter]");
      if (!button) return;
      var name = button.getAttribute("data-filter");
      chosen[name] = button.getAttribute("data-value") || "";
      each(form.querySelectorAll('button[data-filter="' + name + '"]'), function (other) {
        other.setAttribute("aria-pressed", other === button ? "true" : "false");
      });
      apply();
    });
    form.addEventListener("submit", function (event) {
      event.preventDefault();
    });
    form.hidden = false;
  }

  function formatters(language, unpaddedHours) {
    var clock = new Intl.DateTimeFormat(language, {
      weekday: "short", day: "numeric", month: "short", hour: "2-digit", minute: "2-digit", hourCycle: "h23"
    });
    var zone;
    try {
      zone = new Intl.DateTimeFormat(language, { hour: "numeric", timeZoneName: "shortOffset" });
    } catch (error) {
      zone = new Intl.DateTimeFormat(language, { hour: "numeric", timeZoneName: "short" }); // older browsers
    }
    // A language that writes the hour without a leading zero ("9:00" in
    // Vietnamese, data-hc-unpadded-hours), as the page does: the browsers'
    // range formats pad it whatever the options say, so the zero is taken off.
    var hours = unpaddedHours
      ? function (text) { return text.replace(/(^|[^\d:])0(\d:\d\d)/g, "$1$2"); }
      : function (text) { return text; };
    return { clock: clock, zone: zone, hours: hours };
  }

  // The reader's offset at that moment, e.g. "UTC+2" or "GMT+2", written apart
  // as on the page ("09:00 (UTC+7)"): range formats leave the zone out.
  function zoneName(zone, date) {
    if (!zone.formatToParts) return "";
    var parts = zone.formatToParts(date);
    for (var i = 0; i < parts.length; i += 1) {
      if (parts[i].type === "timeZoneName") return parts[i].value;
    }
    return "";
  }

  function setUpLocalTime(root) {
    var box = root.querySelector("[data-hc-localtime]");
    if (!box || !window.Intl || !Intl.DateTimeFormat) return;
    var button = box.querySelector("button");
    var status = box.querySelector("[role=status]");
    // Made at the first click, not at load: the first date formatters load
    // the browser's calendar data, 70-290 ms of blocked main thread at
    // Lighthouse's 4x CPU slowdown (Chromium 156), for a button few readers press.
    var zone = "";
    var format = null;

    function describe(time) {
      var start = new Date(time.getAttribute("data-hc-start"));
      var end = time.getAttribute("data-hc-end");
      var text = format.hours(end && format.clock.formatRange
        ? format.clock.formatRange(start, new Date(end))
        : format.clock.format(start));
      var zone = zoneName(format.zone, start);
      return zone ? text + " (" + zone + ")" : text;
    }

    button.addEventListener("click", function () {
      if (!format) {
        zone = Intl.DateTimeFormat().resolvedOptions().timeZone || "";
        format = formatters(document.documentElement.lang || "en", box.hasAttribute("data-hc-unpadded-hours"));
      }
      var on = button.getAttribute("aria-pressed") !== "true";
      button.setAttribute("aria-pressed", on ? "true" : "false");
      each(root.querySelectorAll("time[data-hc-start]"), function (time) {
        var holder = time.parentNode;
        var local = holder.querySelector("[data-hc-local]");
        var label = holder.querySelector("[data-hc-time-label]");
        if (on && local) local.textContent = button.getAttribute("data-label-local") + " " + describe(time);
        if (local) local.hidden = !on;
        if (label) label.hidden = !on;
      });
      status.textContent = on
        ? button.getAttribute("data-status-on").replace("{zone}", zone)
        : button.getAttribute("data-status-off");
    });
    box.hidden = false;
  }

  function setUp() {
    each(document.querySelectorAll("[data-hc-programme]"), function (root) {
      setUpFilters(root);
      setUpLocalTime(root);
    });
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", setUp);
  } else {
    setUp();
  }
})();
