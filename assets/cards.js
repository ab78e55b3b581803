// llmgallery index cards: the diagram zoom dialog and the Compare A / Compare B slots. The page works
// without this script (the figure links to the full diagram, the compare links reload the page with
// ?a=&b=); with it, both happen in place, and the static export (where the server cannot fill the
// compare bar) gets the same behaviour from the URL.
(function () {
  "use strict";
  var root = document.documentElement;
  var prefix = root.getAttribute("data-static");  // the export's path to its root ("", "../"), or null

  function setupZoom() {
    var dialog = document.getElementById("zoom-dialog");
    if (!dialog || typeof dialog.showModal !== "function") return;
    var img = dialog.querySelector("img");
    var title = dialog.querySelector("#zoom-title");
    var open = dialog.querySelector(".zoom-open");
    var trigger = null;
    dialog.querySelector(".zoom-close").addEventListener("click", function () { dialog.close(); });
    // A click on the backdrop (outside the dialog box) closes it too.
    dialog.addEventListener("click", function (event) { if (event.target === dialog) dialog.close(); });
    dialog.addEventListener("close", function () {
      img.removeAttribute("src");
      if (trigger) trigger.focus();
      trigger = null;
    });
    document.addEventListener("click", function (event) {
      var link = event.target.closest && event.target.closest("a.figure[data-zoom]");
      if (!link || event.button !== 0 || event.ctrlKey || event.metaKey || event.shiftKey || event.altKey) return;
      event.preventDefault();
      var card = link.closest(".card");
      var name = link.getAttribute("data-name") || "";
      var page = card && card.querySelector("h2 a");
      trigger = link;
      title.textContent = name;
      img.alt = "Architecture diagram of " + name;
      img.src = link.getAttribute("href");
      if (page) open.setAttribute("href", page.getAttribute("href"));
      open.hidden = !page;
      dialog.showModal();
    });
  }

  // --- Compare A / B --------------------------------------------------------------------------------
  function modelHref(slug) {
    return prefix !== null ? prefix + "models/" + encodeURIComponent(slug) + ".html" : "/models/" + encodeURIComponent(slug);
  }
  function diffHref(a, b) {
    return prefix !== null ? prefix + "diff.html?a=" + encodeURIComponent(a) + "&b=" + encodeURIComponent(b)
                           : "/diff/" + encodeURIComponent(a) + "/" + encodeURIComponent(b);
  }
  function cardOf(slug) {
    return slug ? document.querySelector('.cards .card[data-slug="' + slug.replace(/["\\]/g, "") + '"]') : null;
  }
  function nameOf(slug) {
    var card = cardOf(slug);
    var h = card && card.querySelector("h2");
    if (h) return h.textContent;
    var data = window.LLMG_SITE && window.LLMG_SITE.models;
    if (data && Object.prototype.hasOwnProperty.call(data, slug)) return data[slug].name;
    return slug;
  }
  function known(slug) {
    if (!slug) return false;
    if (cardOf(slug)) return true;
    var data = window.LLMG_SITE && window.LLMG_SITE.models;
    return !!data && Object.prototype.hasOwnProperty.call(data, slug);
  }

  function setupCompare() {
    var bar = document.getElementById("compare");
    if (!bar) return;
    var form = document.querySelector("form.filters");
    var go = bar.querySelector(".go");
    var clear = bar.querySelector(".clear");

    function urlWith(changes) {
      var url = new URL(window.location.href);
      Object.keys(changes).forEach(function (k) {
        if (changes[k]) url.searchParams.set(k, changes[k]); else url.searchParams.delete(k);
      });
      url.hash = "";
      return url;
    }
    function render() {
      var params = new URLSearchParams(window.location.search);
      var chosen = { a: params.get("a") || "", b: params.get("b") || "" };
      ["a", "b"].forEach(function (slot) {
        var slug = chosen[slot];
        var span = bar.querySelector('.slot[data-slot="' + slot + '"]');
        var label = span.querySelector(".slot-label").outerHTML;
        span.setAttribute("data-slug", known(slug) ? slug : "");
        span.innerHTML = label + " ";
        if (!slug) {
          var empty = document.createElement("span");
          empty.className = "empty-slot";
          empty.textContent = "empty — choose “Compare " + slot.toUpperCase() + "” on a card";
          span.appendChild(empty);
        } else if (!known(slug)) {
          var missing = document.createElement("span");
          missing.className = "empty-slot";
          missing.textContent = slug + " is not in the catalog";
          span.appendChild(missing);
        } else {
          var a = document.createElement("a");
          a.href = modelHref(slug);
          a.textContent = nameOf(slug);
          span.appendChild(a);
        }
        // Cards: each link sets its slot and keeps the other; the chosen card is marked.
        document.querySelectorAll(".cards .card a.cmp-" + slot).forEach(function (link) {
          var card = link.closest(".card");
          var own = card.getAttribute("data-slug");
          var change = {};
          change[slot] = own;
          var target = urlWith(change);
          link.setAttribute("href", target.pathname.replace(/^.*\//, "") + target.search + "#compare");
          if (own === slug) link.setAttribute("aria-current", "true"); else link.removeAttribute("aria-current");
          card.classList.toggle("chosen-" + slot, own === slug);
        });
        // The filter form carries the slots along.
        if (form) {
          var input = form.querySelector('input[type="hidden"][name="' + slot + '"]');
          if (slug && !input) {
            input = document.createElement("input");
            input.type = "hidden";
            input.name = slot;
            form.querySelector(".actions").appendChild(input);
          }
          if (input) { if (slug) input.value = slug; else input.remove(); }
        }
      });
      var both = known(chosen.a) && known(chosen.b);
      var link = document.createElement(both ? "a" : "span");
      link.className = "button go";
      link.textContent = "Compare A with B";
      if (both) link.href = diffHref(chosen.a, chosen.b); else link.setAttribute("aria-disabled", "true");
      go.replaceWith(link);
      go = link;
      var rest = urlWith({ a: "", b: "" });
      clear.setAttribute("href", rest.pathname.replace(/^.*\//, "") + rest.search || "?");
      clear.hidden = !chosen.a && !chosen.b;
    }

    document.addEventListener("click", function (event) {
      var link = event.target.closest && event.target.closest("a.cmp, #compare a.clear");
      if (!link || event.button !== 0 || event.ctrlKey || event.metaKey || event.shiftKey || event.altKey) return;
      event.preventDefault();
      var change = {};
      if (link.classList.contains("clear")) change = { a: "", b: "" };
      else change[link.getAttribute("data-slot")] = link.closest(".card").getAttribute("data-slug");
      var url = urlWith(change);
      history.pushState(null, "", url.pathname + url.search);
      render();
      // Tell the reader what happened, and keep focus where it was.
      var status = document.getElementById("compare-status");
      if (status) {
        var p = new URLSearchParams(window.location.search);
        status.textContent = "A: " + (p.get("a") ? nameOf(p.get("a")) : "empty") + ", B: " +
                             (p.get("b") ? nameOf(p.get("b")) : "empty");
      }
    });
    window.addEventListener("popstate", render);
    var status = document.createElement("span");
    status.id = "compare-status";
    status.className = "vh";
    status.setAttribute("role", "status");
    bar.appendChild(status);
    render();
  }

  document.addEventListener("DOMContentLoaded", function () {
    setupZoom();
    setupCompare();
  });
})();
