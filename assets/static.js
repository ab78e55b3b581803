// llmgallery static export: what a static host cannot answer, done in the browser from
// assets/site-data.js (written by `llmgallery build`). Loaded only by exported pages (<html data-static>).
//  - index: sort, filter and search with the same orders and rules as the server;
//  - timeline: the vertical-axis choice goes to the matching pre-rendered page;
//  - diff.html?a=A&b=B: a pre-rendered pair opens its page; any other pair is drawn here;
//  - memory calculators: their settings need the server, so the form says so.
(function () {
  "use strict";
  var root = document.documentElement;
  if (!root.hasAttribute("data-static")) return;
  var prefix = root.getAttribute("data-static");
  var site = window.LLMG_SITE || { models: {}, orders: {}, defaults: {}, pairs: [], colours: {} };
  var page = window.location.pathname.split("/").pop() || "index.html";

  function params() { return new URLSearchParams(window.location.search); }
  function clean(form) {
    var out = new URLSearchParams();
    new FormData(form).forEach(function (value, name) { if (value) out.append(name, value); });
    return out;
  }
  function el(tag, attrs, text) {
    var node = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (k) { node.setAttribute(k, attrs[k]); });
    if (text !== undefined) node.textContent = text;
    return node;
  }

  // ---- index -----------------------------------------------------------------------------------
  // Partial dates widen as on the server: from=2025 -> 2025-01-01, to=2025-06 -> 2025-06-31.
  function dateBound(text, upper) {
    if (!/^\d{4}(-\d{2}){0,2}$/.test(text)) return null;
    var parts = text.split("-");
    while (parts.length < 3) parts.push(upper ? (parts.length === 1 ? "12" : "31") : "01");
    return parts.join("-");
  }
  // "7B" -> 7e9, "500M", "1.5T"; a bare number is billions (as the server reads it).
  function size(text) {
    var m = /^\s*(\d+(?:\.\d+)?)\s*([kKmMbBtT]?)\s*$/.exec(text);
    if (!m) return null;
    var unit = { "": 1e9, k: 1e3, m: 1e6, b: 1e9, t: 1e12 }[m[2].toLowerCase()];
    return parseFloat(m[1]) * unit;
  }
  function matches(model, q) {
    var types = q.getAll("type"), attn = q.getAll("attn"), vendors = q.getAll("vendor"), licenses = q.getAll("license");
    var min = q.get("min") ? size(q.get("min")) : null, max = q.get("max") ? size(q.get("max")) : null;
    var needsFacts = types.length || attn.length || min !== null || max !== null;
    if (needsFacts && !model.known) return false;
    if (types.length && types.indexOf(model.type) < 0) return false;
    if (attn.length && !model.attn.some(function (k) { return attn.indexOf(k) >= 0; })) return false;
    if (vendors.length && vendors.indexOf(model.vendor) < 0) return false;
    if (licenses.length && licenses.indexOf(model.license) < 0) return false;
    var from = q.get("from") ? dateBound(q.get("from"), false) : null;
    var to = q.get("to") ? dateBound(q.get("to"), true) : null;
    if (from && model.date < from) return false;
    if (to && (!model.date || model.date > to)) return false;
    if (min !== null && model.total < min) return false;
    if (max !== null && model.total > max) return false;
    var words = (q.get("q") || "").toLowerCase().split(/\s+/).filter(Boolean);
    return words.every(function (w) { return model.search.indexOf(w) >= 0; });
  }
  function applyIndex(q) {
    var sort = q.get("sort") || "date";
    var order = q.get("order") || site.defaults[sort] || "desc";
    var slugs = site.orders[sort + "-" + order] || site.orders["date-desc"] || [];
    var container = document.querySelector(".cards") || document.querySelector("table.compact tbody");
    if (!container) return;
    var bySlug = {};
    Array.prototype.forEach.call(container.children, function (node) { bySlug[node.getAttribute("data-slug")] = node; });
    var shown = 0;
    slugs.forEach(function (slug) {
      var node = bySlug[slug], model = site.models[slug];
      if (!node || !model) return;
      var ok = matches(model, q);
      node.hidden = !ok;
      if (ok) shown++;
      container.appendChild(node);
    });
    var count = document.getElementById("count");
    if (count) count.textContent = "Showing " + shown + " of " + slugs.length + " models";
  }
  function fillForm(form, q) {
    Array.prototype.forEach.call(form.elements, function (field) {
      if (!field.name || !q.has(field.name)) return;
      field.value = q.get(field.name);
    });
  }
  function index() {
    var compact = page === "index-compact.html";
    var q = params();
    if (q.has("view") && (q.get("view") === "compact") !== compact) {
      window.location.replace(prefix + (compact ? "index.html" : "index-compact.html") + window.location.search);
      return;
    }
    var form = document.querySelector("form.filters");
    if (!form) return;
    form.addEventListener("submit", function (event) {
      event.preventDefault();
      var next = clean(form);
      var wantCompact = next.get("view") === "compact";
      next.delete("view");
      if (wantCompact) next.append("view", "compact");
      var search = next.toString() ? "?" + next.toString() : "";
      if (wantCompact !== compact) {
        window.location.href = prefix + (wantCompact ? "index-compact.html" : "index.html") + search;
        return;
      }
      window.history.replaceState(null, "", window.location.pathname + search);
      applyIndex(next);
    });
    if (q.toString()) {
      fillForm(form, q);
      applyIndex(q);
    }
  }

  // ---- timeline --------------------------------------------------------------------------------
  function timeline() {
    var y = params().get("y");
    if (y === "active" && page === "timeline.html") window.location.replace(prefix + "timeline-active.html");
    if (y === "kv" && page === "timeline-active.html") window.location.replace(prefix + "timeline.html");
  }

  // ---- diff of any pair ------------------------------------------------------------------------
  function ratioPhrase(r) {
    if (r >= 100) return Math.round(r) + "×";
    return Number(r.toPrecision(3)) + "×";
  }
  function stripsSvg(a, b, names) {
    var ns = "http://www.w3.org/2000/svg";
    var n = Math.max((a.mixers || []).length, (b.mixers || []).length);
    var cell = 12, label = 150, row = 18, top = 16;
    var width = label + n * cell + 10, height = top + 4 * row + 24;
    var svg = document.createElementNS(ns, "svg");
    svg.setAttribute("class", "strips");
    svg.setAttribute("viewBox", "0 0 " + width + " " + height);
    svg.setAttribute("width", width);
    svg.setAttribute("height", height);
    svg.setAttribute("role", "img");
    svg.setAttribute("aria-label", "Layer strips of " + names[0] + " and " + names[1] + ", aligned by layer index");
    function add(tag, attrs, text) {
      var node = document.createElementNS(ns, tag);
      Object.keys(attrs).forEach(function (k) { node.setAttribute(k, attrs[k]); });
      if (text !== undefined) node.textContent = text;
      svg.appendChild(node);
      return node;
    }
    for (var i = 0; i < n; i += (n > 64 ? 8 : 4))
      add("text", { "class": "chart-fg", x: label + i * cell, y: 11, "font-size": 9 }, String(i));
    [a, b].forEach(function (m, k) {
      var y = top + k * (2 * row + 8);
      add("text", { "class": "chart-fg", x: 0, y: y + 12, "font-size": 11 }, names[k].length > 22 ? names[k].slice(0, 21) + "…" : names[k]);
      add("text", { "class": "chart-fg muted", x: 0, y: y + 28, "font-size": 9 }, "mixer / FFN");
      (m.mixers || []).forEach(function (mixer, i) {
        add("rect", { x: label + i * cell, y: y, width: cell - 2, height: row - 2, fill: site.colours[mixer] || "#999" })
          .appendChild(document.createElementNS(ns, "title")).textContent = "layer " + i + ": " + mixer;
        var ffn = m.ffns[i];
        add("rect", { x: label + i * cell, y: y + row, width: cell - 2, height: row - 2, fill: site.colours[ffn] || "#999" })
          .appendChild(document.createElementNS(ns, "title")).textContent = "layer " + i + ": " + ffn + " FFN";
      });
    });
    for (var j = 0; j < n; j++) {
      var am = a.mixers || [], bm = b.mixers || [];
      if (j >= am.length || j >= bm.length || am[j] !== bm[j] || a.ffns[j] !== b.ffns[j])
        add("rect", { "class": "diffmark", x: label + j * cell, y: height - 8, width: cell - 2, height: 3, fill: "#d62728" });
    }
    return svg;
  }
  function renderDiff(slugA, slugB, host) {
    var a = site.models[slugA], b = site.models[slugB];
    if (!a || !b) {
      host.appendChild(el("p", { "class": "why" }, "No model '" + (a ? slugB : slugA) + "' in the catalog."));
      return;
    }
    document.title = a.name + " vs " + b.name + " — llmgallery";
    var h1 = document.querySelector("main h1");
    if (h1) h1.textContent = a.name + " vs " + b.name;
    var summary = (window.LLMG_SUMMARIES || {})[slugA + "/" + slugB];
    if (!summary && (!a.known || !b.known))
      summary = (a.known ? b.name : a.name) + "'s architecture is unknown to the gallery, so only catalog facts compare.";
    if (summary) host.appendChild(el("p", { "class": "summary" }, summary));
    var side = el("div", { "class": "side" });
    [[a, slugA, "A"], [b, slugB, "B"]].forEach(function (t) {
      var figure = el("figure", { "class": "diagram" });
      var caption = el("figcaption", {}, t[2] + ": ");
      caption.appendChild(el("a", { href: prefix + "models/" + t[1] + ".html" }, t[0].name));
      figure.appendChild(caption);
      if (t[0].known) figure.appendChild(el("img", { src: prefix + "diagrams/" + t[1] + ".svg", alt: "Architecture of " + t[0].name, loading: "lazy" }));
      else figure.appendChild(el("p", { "class": "why" }, "Architecture unknown."));
      side.appendChild(figure);
    });
    host.appendChild(side);
    var strips = el("section", {});
    strips.appendChild(el("h2", {}, "Layers, aligned by index"));
    var scroll = el("div", { "class": "scroll" });
    scroll.appendChild(stripsSvg(a, b, [a.name, b.name]));
    strips.appendChild(scroll);
    strips.appendChild(el("p", { "class": "muted" }, "Top row of each model: token mixer; bottom row: feed-forward. Red marks: layers that differ."));
    host.appendChild(strips);
    // Rows as the server's diff: A's facts in order, then B's that A lacks; differs when the text differs.
    var rowsB = {};
    b.rows.forEach(function (r) { rowsB[r[0]] = r; });
    var keys = a.rows.map(function (r) { return r[0]; });
    b.rows.forEach(function (r) { if (keys.indexOf(r[0]) < 0) keys.push(r[0]); });
    var rowsA = {};
    a.rows.forEach(function (r) { rowsA[r[0]] = r; });
    var table = el("table", { "class": "diff" });
    var head = table.appendChild(el("thead", {})).appendChild(el("tr", {}));
    ["Fact", "A: " + a.name, "B: " + b.name, "B vs A"].forEach(function (t) { head.appendChild(el("th", { scope: "col" }, t)); });
    var body = table.appendChild(el("tbody", {}));
    var differing = 0;
    keys.forEach(function (key) {
      var ra = rowsA[key], rb = rowsB[key];
      var differs = !ra || !rb || ra[2] !== rb[2];
      if (differs) differing++;
      var tr = body.appendChild(el("tr", differs ? { "class": "differs" } : {}));
      tr.appendChild(el("th", { scope: "row" }, (ra || rb)[1]));
      tr.appendChild(el("td", {}, ra ? ra[2] : "—"));
      tr.appendChild(el("td", {}, rb ? rb[2] : "—"));
      var delta = "";
      if (differs && ra && rb && ra[3] !== null && rb[3] !== null && ra[3] !== rb[3]) {
        if (ra[3] !== 0 && rb[3] !== 0) {
          var ratio = rb[3] / ra[3];
          delta = ratioPhrase(ratio) + " (" + (ratio >= 1 ? "+" : "") + ((ratio - 1) * 100).toFixed(1) + "%)";
        } else delta = ra[3] === 0 ? "from 0" : "to 0";
      }
      tr.appendChild(el("td", { "class": "num" }, delta));
    });
    var facts = el("section", {});
    facts.appendChild(el("h2", {}, "Facts (" + differing + " differ)"));
    var wrap = el("div", { "class": "table-wrap" });
    wrap.appendChild(table);
    facts.appendChild(wrap);
    host.appendChild(facts);
  }
  function diff() {
    var q = params(), a = q.get("a"), b = q.get("b");
    var host = document.getElementById("client-diff");
    if (!a || !b || !host) return;
    if (site.pairs.indexOf(a + "/" + b) >= 0) {
      window.location.replace(prefix + "diff/" + a + "/" + b + ".html");
      return;
    }
    var form = document.querySelector("form.compare");
    if (form) fillForm(form, q);
    renderDiff(a, b, host);
  }

  // ---- memory calculators ----------------------------------------------------------------------
  function calculators() {
    document.querySelectorAll("form.calc").forEach(function (form) {
      Array.prototype.forEach.call(form.elements, function (field) { field.disabled = true; });
      var note = el("p", { "class": "muted static-note" },
        "Shown for the default settings. Other settings need the server: llmgallery serve, or llmgallery memory in a terminal.");
      form.parentNode.insertBefore(note, form.nextSibling);
    });
  }

  function start() {
    if (page === "index.html" || page === "index-compact.html") index();
    else if (page === "timeline.html" || page === "timeline-active.html") timeline();
    else if (page === "diff.html") diff();
    calculators();
  }
  // DOMContentLoaded comes after every deferred script, the diff page's summaries included.
  document.addEventListener("DOMContentLoaded", start);
})();
