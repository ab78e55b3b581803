// llmgallery timeline (issue 14): redraws the server's chart at the page's real width from the data in
// #tl-data, in the state the URL names (view=kv|active|params, from=, to=: the rules of
// src/site/time_query.cpp), with labels placed greedily so none overlap (src/render/html/timeline.cpp
// does the same on the server); the rest show on hover and focus. Works in `serve` and the static export.
(function () {
  "use strict";
  var NS = "http://www.w3.org/2000/svg";
  var COLOURS = { dense: "#4e79a7", moe: "#b07aa1", hybrid: "#f28e2b", recurrent: "#e15759" };
  var TYPE_LABELS = { dense: "dense", moe: "sparse MoE", hybrid: "hybrid", recurrent: "recurrent" };
  var MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
  var TITLES = { kv: "KV cache per token (bf16), log scale", active: "active parameters, log scale",
                 params: "total parameters (stem: active), log scale" };

  function dayNumber(date) {  // days since 1970-01-01 of YYYY-MM-DD
    var m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
    return m ? Date.UTC(+m[1], +m[2] - 1, +m[3]) / 86400000 : NaN;
  }
  // YYYY, YYYY-MM or YYYY-MM-DD, a real calendar date; upper widens to the end of the period.
  function parseBound(text, name, upper) {
    var m = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/.exec(text);
    if (!m) throw new Error("parameter '" + name + "': expected a date YYYY, YYYY-MM or YYYY-MM-DD, got '" + text + "'");
    var y = +m[1], mo = m[2] ? +m[2] : (upper ? 12 : 1);
    var last = new Date(Date.UTC(y, mo, 0)).getUTCDate();
    var d = m[3] ? +m[3] : (upper ? last : 1);
    if (mo < 1 || mo > 12 || d < 1 || d > last) throw new Error("parameter '" + name + "': '" + text + "' is not a calendar date");
    return y + "-" + String(mo).padStart(2, "0") + "-" + String(d).padStart(2, "0");
  }
  function parseQuery(search, defaultView) {
    var p = new URLSearchParams(search);
    var q = { view: defaultView, from: "", to: "", error: "" };
    try {
      var view = p.get("view") || "", y = p.get("y") || "";
      if (!view && y) {
        if (y !== "kv" && y !== "active") throw new Error("parameter 'y': expected kv or active, got '" + y + "'");
        view = y;
      }
      if (view) {
        if (view !== "kv" && view !== "active" && view !== "params")
          throw new Error("parameter 'view': expected kv, active or params, got '" + view + "'");
        q.view = view;
      }
      if (p.get("from")) q.from = parseBound(p.get("from"), "from", false);
      if (p.get("to")) q.to = parseBound(p.get("to"), "to", true);
      if (q.from && q.to && q.from > q.to) throw new Error("parameters 'from' and 'to': " + p.get("from") + " is after " + p.get("to"));
    } catch (e) {
      return { view: q.view, from: "", to: "", error: e.message };
    }
    return q;
  }

  function countLabel(v) {
    var units = [[1e12, "T"], [1e9, "B"], [1e6, "M"], [1e3, "K"]];
    for (var i = 0; i < units.length; i++)
      if (v >= units[i][0] * 0.999) return String(Math.round(v / units[i][0] * 1000) / 1000) + units[i][1];
    return String(v);
  }
  function bytesLabel(v) {
    var units = ["B", "KiB", "MiB", "GiB"], u = 0;
    while (v >= 1024 && u < 3) { v /= 1024; u++; }
    return (Math.round(v * 10) / 10) + " " + units[u];
  }
  function logTicks(lo, hi, bytes) {
    var out = [];
    if (bytes) {
      var l0 = Math.floor(Math.log2(lo)), l1 = Math.ceil(Math.log2(hi));
      var step = l1 - l0 <= 10 ? 1 : 2;
      if (step === 2 && l0 % 2 !== 0) l0 -= 1;
      for (var e = l0; ; e += step) {
        out.push({ value: Math.pow(2, e), label: bytesLabel(Math.pow(2, e)) });
        if (e >= l1) break;
      }
      return out;
    }
    var d0 = Math.floor(Math.log10(lo) + 1e-9), d1 = Math.ceil(Math.log10(hi) - 1e-9);
    var fine = d1 - d0 <= 2, values = [];
    for (var d = d0; d <= d1; d++)
      [1, 2, 5].forEach(function (m) { if (m === 1 || fine) values.push(m * Math.pow(10, d)); });
    var first = 0, last = values.length - 1;
    values.forEach(function (v, i) { if (v <= lo * 1.000001) first = i; });
    for (var i = values.length - 1; i >= 0; i--) if (values[i] >= hi * 0.999999) last = i;
    for (var k = first; k <= last; k++) out.push({ value: values[k], label: countLabel(values[k]) });
    return out;
  }
  // Time scale with long empty stretches cut (as src/render/html/time_chart.cpp).
  function timeScale(days, x0, x1, linear) {
    var runs = [];
    if (linear) runs = [[linear[0], linear[1]]];
    else {
      days = days.slice().sort(function (a, b) { return a - b; });
      days.forEach(function (d, i) {
        if (i === 0 || d - days[i - 1] > 270) runs.push([d - 60, d + 60]);
        else runs[runs.length - 1][1] = d + 60;
      });
      if (!runs.length) runs = [[0, 1]];
    }
    var total = 0;
    runs.forEach(function (r) { total += r[1] - r[0]; });
    var gap = linear ? 0 : 30, perDay = (x1 - x0 - gap * (runs.length - 1)) / total, x = x0, segs = [];
    runs.forEach(function (r) {
      segs.push({ d0: r[0], d1: r[1], x0: x, x1: x + (r[1] - r[0]) * perDay });
      x += (r[1] - r[0]) * perDay + gap;
    });
    return {
      segments: segs,
      x: function (day) {
        for (var i = 0; i < segs.length; i++) {
          var s = segs[i];
          if (day <= s.d1) return day < s.d0 ? s.x0 : s.x0 + (day - s.d0) / Math.max(1, s.d1 - s.d0) * (s.x1 - s.x0);
        }
        return segs[segs.length - 1].x1;
      }
    };
  }
  function timeTicks(scale, minPx) {
    var out = [], perMonth = 0;
    scale.segments.forEach(function (s) { perMonth = Math.max(perMonth, (s.x1 - s.x0) / Math.max(1, s.d1 - s.d0) * 30.44); });
    var step = 24;
    [1, 2, 3, 6, 12, 24].some(function (c) { if (c * perMonth >= minPx) { step = c; return true; } return false; });
    scale.segments.forEach(function (s) {
      var before = out.length;
      var start = new Date(s.d0 * 86400000), end = new Date(s.d1 * 86400000);
      for (var y = start.getUTCFullYear(); y <= end.getUTCFullYear(); y++)
        for (var m = 1; m <= 12; m++) {
          if ((y * 12 + m - 1) % step !== 0) continue;
          var day = Date.UTC(y, m - 1, 1) / 86400000;
          if (day < s.d0 || day > s.d1) continue;
          out.push({ x: scale.x(day), label: m === 1 || step >= 12 ? String(y) : MONTHS[m - 1] + " " + y, year: m === 1 });
        }
      if (out.length === before)
        out.push({ x: (s.x0 + s.x1) / 2, label: String(new Date((s.d0 + s.d1) / 2 * 86400000).getUTCFullYear()), year: false });
    });
    return out;
  }
  function el(name, attrs, text) {
    var node = document.createElementNS(NS, name);
    for (var k in attrs) node.setAttribute(k, attrs[k]);
    if (text != null) node.textContent = text;
    return node;
  }
  function overlaps(a, b) { return a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h; }

  function draw(container, data, q, linkTemplate) {
    var width = Math.max(320, Math.round(container.clientWidth || 1200));
    var height = width < 600 ? 460 : 560, left = width < 600 ? 52 : 64, right = 16, top = 40, bottom = 44;
    var plotW = width - left - right, plotH = height - top - bottom, params = q.view === "params";
    var all = data.map(function (d) {
      return { d: d, day: dayNumber(d.date), y: params ? d.total : q.view === "active" ? d.active : d.kv };
    }).filter(function (p) { return !isNaN(p.day) && p.y > 0; });
    var d0 = Infinity, d1 = -Infinity;
    all.forEach(function (p) { d0 = Math.min(d0, p.day); d1 = Math.max(d1, p.day); });
    d0 -= 60; d1 += 60;
    if (q.from) d0 = dayNumber(q.from);
    if (q.to) d1 = dayNumber(q.to) + 1;
    if (d1 <= d0) d1 = d0 + 30;  // a range after every model: an empty month
    var points = all.filter(function (p) {
      return (!q.from || p.d.date >= q.from) && (!q.to || p.d.date <= q.to);
    });
    var v0 = 1, v1 = 10;
    if (points.length) {
      v0 = v1 = points[0].y;
      points.forEach(function (p) { v0 = Math.min(v0, p.y, params ? p.d.active : p.y); v1 = Math.max(v1, p.y); });
    }
    var ticks = logTicks(v0, Math.max(v1, v0 * 1.01), q.view === "kv");
    var l0 = Math.log10(ticks[0].value), l1 = Math.log10(ticks[ticks.length - 1].value);
    var scale = timeScale(points.map(function (p) { return p.day; }), left, left + plotW, q.from || q.to ? [d0, d1] : null);
    var yOf = function (v) { return top + plotH - 8 - (Math.log10(v) - l0) / Math.max(0.1, l1 - l0) * (plotH - 16); };

    var svg = el("svg", { "class": "timeline", id: "timeline-svg", viewBox: "0 0 " + width + " " + height, width: width,
                          height: height, "data-view": q.view, "data-from": q.from, "data-to": q.to, role: "group",
                          "aria-labelledby": "tl-title" });
    svg.appendChild(el("title", { id: "tl-title" }, "Models by release date; vertical: " + TITLES[q.view] + "; colour: decoder type"));
    var axes = el("g", { "class": "axes", "aria-hidden": "true" });
    var lastY = 1e9;
    ticks.forEach(function (t) {
      var y = yOf(t.value);
      axes.appendChild(el("line", { "class": "grid", x1: left, x2: width - right, y1: y.toFixed(1), y2: y.toFixed(1) }));
      if (lastY - y < 14) return;
      lastY = y;
      axes.appendChild(el("text", { "class": "tick", x: left - 6, y: (y + 4).toFixed(1), "text-anchor": "end" }, t.label));
    });
    var lastX = -1e9;
    timeTicks(scale, width < 600 ? 60 : 70).forEach(function (t) {
      axes.appendChild(el("line", { "class": "grid" + (t.year ? " year" : ""), x1: t.x.toFixed(1), x2: t.x.toFixed(1), y1: top, y2: top + plotH }));
      if (t.x - lastX < 56 || t.x + t.label.length * 3.3 > width) return;
      lastX = t.x;
      axes.appendChild(el("text", { "class": "tick", x: t.x.toFixed(1), y: top + plotH + 16, "text-anchor": "middle" }, t.label));
    });
    for (var s = 1; s < scale.segments.length; s++) {
      var bx = (scale.segments[s - 1].x1 + scale.segments[s].x0) / 2;
      axes.appendChild(el("path", { "class": "axis-break", d: "M" + (bx - 2) + "," + (top + plotH - 4) + " l-4,8 M" + (bx + 4) + "," + (top + plotH - 4) + " l-4,8" }));
    }
    axes.appendChild(el("text", { "class": "axis-title", x: left, y: top - 8 }, TITLES[q.view]));
    svg.appendChild(axes);

    points.sort(function (a, b) { return a.day - b.day; });
    var maxTotal = 1;
    all.forEach(function (p) { maxTotal = Math.max(maxTotal, p.d.total); });
    var k = Math.min(1, Math.max(0.55, width / 1200));
    var group = el("g", { "class": "points" });
    svg.appendChild(group);
    var legend = el("g", { "class": "legend", "aria-hidden": "true" });
    svg.appendChild(legend);
    container.replaceChildren(svg);
    // Measure the labels with the real font, then place them: larger models first.
    var nodes = points.map(function (p) {
      var d = p.d, colour = COLOURS[d.type] || "#999";
      var r = params ? 4.5 : 2.5 + 22 * k * Math.sqrt(d.total / maxTotal);
      var x = scale.x(p.day), y = yOf(p.y);
      var text = d.name + ", released " + d.date + ": " + d.total_text + " total, " + d.active_text +
                 " active parameters, KV " + d.kv_text + " per token (" + (TYPE_LABELS[d.type] || d.type) + ")";
      var a = el("a", { "class": "pt", href: linkTemplate.replace("{slug}", encodeURIComponent(d.slug)), "data-slug": d.slug, "aria-label": text });
      a.appendChild(el("title", {}, text));
      if (params && d.active < d.total) {
        a.appendChild(el("line", { "class": "stem", x1: x.toFixed(1), x2: x.toFixed(1), y1: y.toFixed(1), y2: yOf(d.active).toFixed(1), stroke: colour }));
        a.appendChild(el("circle", { "class": "act", cx: x.toFixed(1), cy: yOf(d.active).toFixed(1), r: 2.5, stroke: colour }));
      }
      a.appendChild(el("circle", { "class": "dot" + (r > 8 ? " big" : ""), cx: x.toFixed(1), cy: y.toFixed(1), r: r.toFixed(1), fill: colour, stroke: colour }));
      var label = el("text", { "class": "label", x: (x + r + 3).toFixed(1), y: (y + 4).toFixed(1) }, d.name);
      a.appendChild(label);
      group.appendChild(a);
      return { p: p, x: x, y: y, r: r, label: label, a: a };
    });
    nodes.forEach(function (n) { var b = n.label.getBBox(); n.w = b.width + 2; n.h = b.height; });
    var bounds = { x: left, y: top, w: plotW + right, h: plotH };
    var obstacles = nodes.map(function (n) {  // every point's centre (up to 8 px around it)
      var r = Math.min(n.r, 8);
      return { x: n.x - r, y: n.y - r, w: 2 * r, h: 2 * r };
    });
    var placed = [], shown = 0;
    nodes.slice().sort(function (a, b) { return b.p.d.total - a.p.d.total; }).forEach(function (n) {
      var w = n.w, h = n.h, d = n.r * 0.7;
      var cands = [[n.x + n.r + 3, n.y - h / 2], [n.x - n.r - 3 - w, n.y - h / 2], [n.x - w / 2, n.y - n.r - 2 - h],
                   [n.x - w / 2, n.y + n.r + 2], [n.x + d + 2, n.y - d - h], [n.x + d + 2, n.y + d],
                   [n.x - d - 2 - w, n.y - d - h], [n.x - d - 2 - w, n.y + d],
                   [n.x + n.r + 3, n.y - h * 1.3], [n.x + n.r + 3, n.y + h * 0.3],
                   [n.x - n.r - 3 - w, n.y - h * 1.3], [n.x - n.r - 3 - w, n.y + h * 0.3]];
      for (var i = 0; i < cands.length; i++) {
        var box = { x: cands[i][0], y: cands[i][1], w: w, h: h };
        if (box.x < bounds.x || box.y < bounds.y || box.x + w > bounds.x + bounds.w || box.y + h > bounds.y + bounds.h) continue;
        if (placed.some(function (o) { return overlaps(box, o); }) || obstacles.some(function (o) { return overlaps(box, o); })) continue;
        placed.push(box);
        n.label.setAttribute("x", (box.x + 1).toFixed(1));
        n.label.setAttribute("y", (box.y + h * 0.78).toFixed(1));
        shown++;
        return;
      }
      n.label.classList.add("off");
    });
    // Legend.
    var lx = left;
    ["dense", "moe", "hybrid", "recurrent"].forEach(function (t) {
      legend.appendChild(el("circle", { cx: lx + 5, cy: 12, r: 5, fill: COLOURS[t] }));
      var text = el("text", { "class": "tick", x: lx + 14, y: 16 }, TYPE_LABELS[t]);
      legend.appendChild(text);
      lx += 24 + text.getBBox().width;
    });
    // Hover and focus: the hidden label, drawn on top with a backdrop.
    var tip = el("g", { "class": "tip", "aria-hidden": "true", display: "none" });
    var tipBox = el("rect", { rx: 3 }), tipText = el("text", {});
    tip.appendChild(tipBox); tip.appendChild(tipText); svg.appendChild(tip);
    function show(n) {
      tipText.textContent = n.p.d.name;
      tip.removeAttribute("display");
      var b = tipText.getBBox(), x = n.x + n.r + 4, y = n.y + 4;
      if (x + b.width > width - 2) x = n.x - n.r - 4 - b.width;
      tipText.setAttribute("x", x.toFixed(1)); tipText.setAttribute("y", y.toFixed(1));
      b = tipText.getBBox();
      tipBox.setAttribute("x", b.x - 3); tipBox.setAttribute("y", b.y - 1);
      tipBox.setAttribute("width", b.width + 6); tipBox.setAttribute("height", b.height + 2);
    }
    function hide() { tip.setAttribute("display", "none"); }
    nodes.forEach(function (n) {
      n.a.addEventListener("mouseenter", function () { show(n); });
      n.a.addEventListener("focus", function () { show(n); });
      n.a.addEventListener("mouseleave", hide);
      n.a.addEventListener("blur", hide);
    });
    return { shown: points.length, total: all.length, labelled: shown };
  }

  document.addEventListener("DOMContentLoaded", function () {
    var container = document.getElementById("tl-chart"), source = document.getElementById("tl-data");
    var form = document.getElementById("tl-form"), status = document.getElementById("tl-status");
    if (!container || !source || !form) return;
    var data = JSON.parse(source.textContent);
    // The server's (or the exported file's) own view, e.g. timeline-active.html, when the URL names none.
    var served = container.querySelector("svg");
    var defaultView = served && served.getAttribute("data-view") || "kv";
    // Links as the page writes them (the export rewrites /models/SLUG to models/SLUG.html).
    var sample = container.querySelector("a.pt[data-slug]"), linkTemplate = "/models/{slug}";
    if (sample) linkTemplate = sample.getAttribute("href").replace(encodeURIComponent(sample.getAttribute("data-slug")), "{slug}");
    function render() {
      var q = parseQuery(location.search, defaultView);
      form.elements.view.value = q.view;
      form.elements.from.value = q.from ? q.from.slice(0, 7) : "";
      form.elements.to.value = q.to ? q.to.slice(0, 7) : "";
      var r = draw(container, data, q, linkTemplate);
      var range = q.from || q.to ? " released " + (q.from || "…") + " to " + (q.to || "…") : "";
      status.textContent = (q.error ? q.error + " — showing the whole range. " : "") + "Showing " + r.shown + " of " +
                           r.total + " models" + range + "; " + r.labelled + " labelled, the rest on hover or focus.";
      status.classList.toggle("error-text", !!q.error);
      container.dataset.ready = "1";
    }
    // The form changes the URL (history), so the state can be shared and Back works.
    form.addEventListener("submit", function (event) {
      event.preventDefault();
      var params = new URLSearchParams();
      if (form.elements.view.value !== defaultView) params.set("view", form.elements.view.value);
      if (form.elements.from.value) params.set("from", form.elements.from.value);
      if (form.elements.to.value) params.set("to", form.elements.to.value);
      var search = params.toString();
      history.pushState(null, "", location.pathname + (search ? "?" + search : ""));
      render();
    });
    form.elements.view.addEventListener("change", function () { form.requestSubmit(); });
    window.addEventListener("popstate", render);
    var timer = 0, lastWidth = container.clientWidth;
    window.addEventListener("resize", function () {
      if (container.clientWidth === lastWidth) return;
      lastWidth = container.clientWidth;
      clearTimeout(timer);
      timer = setTimeout(render, 150);
    });
    render();
  });
})();
