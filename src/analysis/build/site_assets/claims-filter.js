/* Filter the claims table by free text and by verdict. Plain JavaScript, no library, works from file://. */
(function () {
  "use strict";
  function setup() {
    var table = document.getElementById("claim-rows");
    if (!table || table.tagName !== "TABLE") { return; }
    var text = document.getElementById("claims-filter");
    var verdict = document.getElementById("verdict-filter");
    var topic = document.getElementById("topic-filter");
    var count = document.getElementById("claims-count");
    var rows = Array.prototype.slice.call(table.tBodies[0].rows);
    function apply() {
      var words = (text.value || "").toLowerCase().split(/\s+/).filter(Boolean);
      var v = verdict ? verdict.value : "";
      var t = topic ? topic.value : "";
      var shown = 0;
      rows.forEach(function (row) {
        var hay = row.textContent.toLowerCase();
        var ok = words.every(function (w) { return hay.indexOf(w) !== -1; }) &&
          (!v || row.getAttribute("data-verdict") === v) &&
          (!t || row.getAttribute("data-topic") === t);
        row.hidden = !ok;
        if (ok) { shown += 1; }
      });
      count.textContent = shown + " of " + rows.length + " claims shown";
    }
    [text, verdict, topic].forEach(function (el) {
      if (el) { el.addEventListener("input", apply); el.addEventListener("change", apply); }
    });
    var params = new URLSearchParams(window.location.search);
    if (params.get("q")) { text.value = params.get("q"); }
    if (params.get("verdict") && verdict) { verdict.value = params.get("verdict"); }
    apply();
  }
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", setup);
  } else {
    setup();
  }
}());
