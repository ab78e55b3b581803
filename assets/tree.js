// llmgallery family tree over time (issue 14): applies the vendor and decoder-type filters of the URL
// (vendor=NAME, type=dense|moe|hybrid|recurrent: the rules of src/site/time_query.cpp) to the server's
// chart — hides the models that do not match and the edges that lose an end, restacks the lanes that
// keep a model and redraws the edges. Works in `serve` and in the static export.
(function () {
  "use strict";
  var ROW = 22, PAD = 6, TOP = 34;
  var TYPES = ["dense", "moe", "hybrid", "recurrent"];

  function parseQuery(search) {
    var p = new URLSearchParams(search), q = { vendors: [], types: [], error: "" };
    p.getAll("vendor").forEach(function (v) { if (v && q.vendors.indexOf(v) < 0) q.vendors.push(v); });
    p.getAll("type").forEach(function (t) {
      if (!t) return;
      if (TYPES.indexOf(t) < 0) q.error = "parameter 'type': expected dense, moe, hybrid or recurrent, got '" + t + "'";
      else if (q.types.indexOf(t) < 0) q.types.push(t);
    });
    if (q.error) q.types = [];
    return q;
  }
  // As src/render/html/tree.cpp: leave the parent vertically, reach the child horizontally; arc within a row.
  function edgePath(x1, y1, x2, y2) {
    var f = function (v) { return v.toFixed(1); };
    if (Math.abs(y2 - y1) < 1)
      return "M" + f(x1) + "," + f(y1) + " Q" + f((x1 + x2) / 2) + "," + f(y1 - 24) + " " + f(x2) + "," + f(y2);
    return "M" + f(x1) + "," + f(y1) + " C" + f(x1) + "," + f(y2) + " " + f(x1 + (x2 - x1) / 2) + "," + f(y2) + " " +
           f(x2) + "," + f(y2);
  }

  document.addEventListener("DOMContentLoaded", function () {
    var svg = document.getElementById("tree-svg"), form = document.getElementById("tree-form");
    if (!svg || !form) return;
    var status = document.createElement("p");
    status.className = "count";
    status.id = "tree-status";
    status.setAttribute("role", "status");
    form.after(status);
    var lanes = Array.prototype.slice.call(svg.querySelectorAll("g.lane"));
    var laneNodes = {}, laneLabels = {}, laneY = {};
    svg.querySelectorAll("g.lane-nodes").forEach(function (g) { laneNodes[g.getAttribute("data-lane")] = g; });
    svg.querySelectorAll("g.lane-label").forEach(function (g) { laneLabels[g.getAttribute("data-lane")] = g; });
    // Vendor names stay at the left edge while the chart scrolls sideways.
    var scroller = svg.parentNode;
    function placeLabels() {
      var x = scroller.scrollLeft * (+svg.getAttribute("width") / (svg.getBoundingClientRect().width || 1));
      Object.keys(laneLabels).forEach(function (id) {
        laneLabels[id].setAttribute("transform", "translate(" + x.toFixed(1) + "," + (laneY[id] || 0) + ")");
      });
    }
    scroller.addEventListener("scroll", placeLabels, { passive: true });
    var nodes = {};
    svg.querySelectorAll("a.node").forEach(function (a) {
      nodes[a.getAttribute("data-slug")] = { a: a, lane: a.parentNode.getAttribute("data-lane"),
                                             x: +a.getAttribute("data-x"), cy: +a.getAttribute("data-cy") };
    });
    var edges = Array.prototype.slice.call(svg.querySelectorAll("path.edge[data-from]"));
    var rows = Array.prototype.slice.call(document.querySelectorAll("table.influence tbody tr"));

    function apply() {
      var q = parseQuery(location.search);
      form.elements.vendor.value = q.vendors.length === 1 ? q.vendors[0] : "";
      form.elements.type.value = q.types.length === 1 ? q.types[0] : "";
      var shown = {}, count = 0, total = 0;
      lanes.forEach(function (lane) {
        var vendor = lane.getAttribute("data-vendor"), id = lane.getAttribute("data-lane");
        var any = false;
        laneNodes[id].querySelectorAll("a.node").forEach(function (a) {
          var ok = (!q.vendors.length || q.vendors.indexOf(vendor) >= 0) &&
                   (!q.types.length || q.types.indexOf(a.getAttribute("data-type")) >= 0);
          total++;
          if (ok) { any = true; count++; shown[a.getAttribute("data-slug")] = true; }
          if (ok) a.removeAttribute("display"); else a.setAttribute("display", "none");
        });
        lane.dataset.shown = any ? "1" : "";
      });
      var y = TOP;
      lanes.forEach(function (lane) {
        var id = lane.getAttribute("data-lane");
        laneY[id] = y;
        lane.setAttribute("transform", "translate(0," + y + ")");
        laneNodes[id].setAttribute("transform", "translate(0," + y + ")");
        [lane, laneNodes[id], laneLabels[id]].forEach(function (g) {
          if (lane.dataset.shown) g.removeAttribute("display"); else g.setAttribute("display", "none");
        });
        if (lane.dataset.shown) y += +lane.getAttribute("data-rows") * ROW + 2 * PAD;
      });
      var height = y + 8, width = +svg.getAttribute("width");
      svg.setAttribute("height", height);
      svg.setAttribute("viewBox", "0 0 " + width + " " + height);
      svg.querySelectorAll("g.axes line.grid").forEach(function (line) { line.setAttribute("y2", height); });
      var edgeCount = 0;
      edges.forEach(function (path) {
        var a = nodes[path.getAttribute("data-from")], b = nodes[path.getAttribute("data-to")];
        var ok = a && b && shown[path.getAttribute("data-from")] && shown[path.getAttribute("data-to")];
        if (!ok) { path.setAttribute("display", "none"); return; }
        edgeCount++;
        path.removeAttribute("display");
        path.setAttribute("d", edgePath(a.x, laneY[a.lane] + a.cy, b.x, laneY[b.lane] + b.cy));
      });
      rows.forEach(function (row) { row.hidden = !shown[row.getAttribute("data-slug")]; });
      placeLabels();
      status.textContent = (q.error ? q.error + " — filter ignored. " : "") + "Showing " + count + " of " + total +
                           " models and " + edgeCount + " edges.";
      svg.dataset.ready = "1";
    }
    // Hover or focus a model: its edges stand out.
    function mark(slug, on) {
      edges.forEach(function (path) {
        if (path.getAttribute("data-from") === slug || path.getAttribute("data-to") === slug) path.classList.toggle("hl", on);
      });
    }
    Object.keys(nodes).forEach(function (slug) {
      var a = nodes[slug].a;
      a.addEventListener("mouseenter", function () { mark(slug, true); });
      a.addEventListener("mouseleave", function () { mark(slug, false); });
      a.addEventListener("focus", function () { mark(slug, true); });
      a.addEventListener("blur", function () { mark(slug, false); });
    });
    form.addEventListener("submit", function (event) {
      event.preventDefault();
      var params = new URLSearchParams();
      if (form.elements.vendor.value) params.set("vendor", form.elements.vendor.value);
      if (form.elements.type.value) params.set("type", form.elements.type.value);
      var search = params.toString();
      history.pushState(null, "", location.pathname + (search ? "?" + search : ""));
      apply();
    });
    [form.elements.vendor, form.elements.type].forEach(function (select) {
      select.addEventListener("change", function () { form.requestSubmit(); });
    });
    window.addEventListener("popstate", apply);
    apply();
  });
})();
