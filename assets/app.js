// llmgallery: small enhancements; every page works without this script.
(function () {
  "use strict";
  var root = document.documentElement;
  // Theme: an explicit choice is kept in localStorage; otherwise the system preference applies.
  try {
    var saved = localStorage.getItem("llmg-theme");
    if (saved === "light" || saved === "dark") root.setAttribute("data-theme", saved);
  } catch (e) { /* storage unavailable */ }
  function currentTheme() {
    var t = root.getAttribute("data-theme");
    if (t) return t;
    return window.matchMedia && window.matchMedia("(prefers-color-scheme: dark)").matches ? "dark" : "light";
  }
  document.addEventListener("DOMContentLoaded", function () {
    var toggle = document.getElementById("theme-toggle");
    if (toggle) {
      var label = function () {
        var next = currentTheme() === "dark" ? "light" : "dark";
        toggle.textContent = next === "dark" ? "Dark theme" : "Light theme";
        toggle.setAttribute("aria-label", "Switch to the " + next + " theme");
      };
      toggle.hidden = false;
      label();
      toggle.addEventListener("click", function () {
        var next = currentTheme() === "dark" ? "light" : "dark";
        root.setAttribute("data-theme", next);
        try { localStorage.setItem("llmg-theme", next); } catch (e) { /* ignore */ }
        label();
      });
    }
    // Forms marked data-autosubmit submit when a select changes (the server renders the result).
    document.querySelectorAll("form[data-autosubmit]").forEach(function (form) {
      form.querySelectorAll("select").forEach(function (select) {
        select.addEventListener("change", function () { form.requestSubmit ? form.requestSubmit() : form.submit(); });
      });
    });
    // On a phone, fold the filters away unless one is in use (without JS they stay open).
    var more = document.querySelector(".more-filters");
    if (more && window.matchMedia("(max-width: 760px)").matches && !/[?&](type|attn|vendor|license|from|to|min|max)=/.test(location.search))
      more.open = false;
    // Index search: filter the shown cards as you type; Enter (or Apply) asks the server.
    var search = document.getElementById("q");
    var count = document.getElementById("count");
    if (search && count) {
      var items = Array.prototype.slice.call(document.querySelectorAll(".cards .card, table.compact tbody tr"));
      var total = count.textContent.replace(/^Showing \d+ of /, "");
      search.addEventListener("input", function () {
        var words = search.value.toLowerCase().split(/\s+/).filter(Boolean);
        var shown = 0;
        items.forEach(function (el) {
          var text = el.textContent.toLowerCase() + " " + (el.getAttribute("data-slug") || "");
          var ok = words.every(function (w) { return text.indexOf(w) >= 0; });
          el.hidden = !ok;
          if (ok) shown++;
        });
        count.textContent = "Showing " + shown + " of " + total;
        var url = new URL(window.location.href);
        if (search.value) url.searchParams.set("q", search.value); else url.searchParams.delete("q");
        history.replaceState(null, "", url.pathname + url.search);
      });
    }
    // Diagram zoom.
    document.querySelectorAll(".zoomable").forEach(function (figure) {
      var controls = figure.querySelector(".zoom-controls");
      var area = figure.querySelector(".zoom-area");
      var svg = area && area.querySelector("svg");
      if (!controls || !svg) return;
      controls.hidden = false;
      var scale = 1;
      var base = svg.getBoundingClientRect().width || 600;
      function apply() {
        area.classList.toggle("zoomed", scale !== 1);
        svg.style.width = scale === 1 ? "" : Math.round(base * scale) + "px";
      }
      controls.addEventListener("click", function (event) {
        var action = event.target.getAttribute("data-zoom");
        if (action === "in") scale = Math.min(scale * 1.5, 8);
        else if (action === "out") scale = Math.max(scale / 1.5, 0.5);
        else if (action === "reset") scale = 1;
        apply();
      });
    });
    // Diff: show only the facts that differ.
    var only = document.getElementById("only-differs");
    var diff = document.querySelector("table.diff");
    if (only && diff) only.closest("p").hidden = false;
    if (only && diff) only.addEventListener("change", function () { diff.classList.toggle("only-differs", only.checked); });
  });
})();
