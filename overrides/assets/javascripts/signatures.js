/* The signatories' filter box (overrides/partials/markers/signatures.html).
   Each row carries its names folded as hanoi.status.collation.folded() folds them:
   lower case, no accents or tone marks, "đ" as "d". The typed text is folded
   the same way, so "viet" finds "Việt Nam" and "ai cap" finds "Ai Cập".
   Without JavaScript the box stays hidden and the page is the plain list. */
(function () {
  "use strict";
  function fold(text) {
    return text.toLowerCase().replace(/đ/g, "d").replace(/\u2019/g, "'")
      .normalize("NFD").replace(/\p{M}/gu, "").replace(/\s+/g, " ").trim();
  }
  document.querySelectorAll("[data-hc-filter-for]").forEach(function (box) {
    var table = document.getElementById(box.getAttribute("data-hc-filter-for"));
    var input = box.querySelector("input");
    var status = box.querySelector("[aria-live]");
    if (!table || !input || !status) return;
    var rows = Array.prototype.slice.call(table.querySelectorAll("tbody tr[data-hc-filter]"));
    var timer = null;
    function apply() {
      var wanted = fold(input.value);
      var shown = 0;
      rows.forEach(function (row) {
        var match = !wanted || row.getAttribute("data-hc-filter").indexOf(wanted) !== -1;
        row.hidden = !match;
        if (match) shown += 1;
      });
      status.textContent = !wanted ? "" : shown === 0 ? status.getAttribute("data-hc-none")
        : status.getAttribute("data-hc-some").replace("{count}", String(shown));
    }
    input.addEventListener("input", function () {
      window.clearTimeout(timer);
      timer = window.setTimeout(apply, 80);  // one announcement per pause in typing
    });
    box.hidden = false;
  });
})();
