// Draws the overview's charts. Served from the app (CSP script-src 'self'); the data comes from
// a data-chart attribute the server escaped, read as text and parsed as JSON, never evaluated.
(function () {
  "use strict";
  function draw(el) {
    var data = JSON.parse(el.getAttribute("data-chart") || "{}");
    if (!data.weeks || typeof uPlot !== "function") return;
    var opts = {
      width: Math.max(320, el.clientWidth || 600),
      height: 240,
      scales: { x: { time: true } },
      axes: [{}, { label: "findings" }],
      series: [
        {},
        { label: "introduced", stroke: "#c0392b", width: 2, points: { show: true } },
        { label: "resolved", stroke: "#27ae60", width: 2, points: { show: true } },
      ],
    };
    var weeks = data.weeks.map(function (ms) {
      return ms / 1000;
    });
    el.textContent = "";
    new uPlot(opts, [weeks, data.introduced, data.resolved], el);
    el.setAttribute("data-drawn", "true");
  }
  document.addEventListener("DOMContentLoaded", function () {
    var charts = document.querySelectorAll("[data-chart]");
    for (var i = 0; i < charts.length; i += 1) draw(charts[i]);
  });
})();
