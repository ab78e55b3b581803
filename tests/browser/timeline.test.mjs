// Browser tests of the timeline and the family tree over time (issue 14), against `llmgallery serve`
// (LLMG_URL, or a server this file starts from LLMG_BINARY) and the static export from file://
// (LLMG_EXPORT, or one this file writes): label boxes measured in the DOM never overlap at desktop and
// phone widths, the date range and the view live in the URL, every model with a recorded parent or a
// computed influence has its edge, the tree's filters work, and no page logs an error.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { spawn, execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { chromium } from "playwright-core";

const binary = process.env.LLMG_BINARY ?? new URL("../../build/llmgallery", import.meta.url).pathname;
const shots = process.env.LLMG_SCREENSHOTS ?? "/tmp/llmg-screenshots";
let base = process.env.LLMG_URL;
let exportDir = process.env.LLMG_EXPORT;
let server;
let browser;

before(async () => {
  if (!base) {
    server = spawn(binary, ["serve", "--port", "0"], { stdio: ["ignore", "pipe", "inherit"] });
    base = await new Promise((resolve, reject) => {
      server.stdout.on("data", (chunk) => {
        const match = /http:\/\/[^\s]+\//.exec(chunk.toString());
        if (match) resolve(match[0].replace(/\/$/, ""));
      });
      server.on("exit", (code) => reject(new Error(`llmgallery serve exited with ${code}`)));
    });
  }
  if (!exportDir) {
    exportDir = mkdtempSync(join(tmpdir(), "llmg-export-"));
    execFileSync(binary, ["build", "--out", exportDir]);
  }
  browser = await chromium.launch({
    executablePath: process.env.CHROMIUM ?? "/usr/bin/chromium",
    args: ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
           "--disable-component-update", "--disable-sync", "--allow-file-access-from-files"],
  });
  mkdirSync(shots, { recursive: true });
});

after(async () => {
  await browser?.close();
  server?.kill("SIGTERM");
});

const DESKTOP = { width: 1280, height: 900 };
const PHONE = { width: 390, height: 844 };

// A fresh page (served, or the export's file with url starting "file:") that records console errors.
async function open(url, viewport = DESKTOP, colorScheme = "light") {
  const context = await browser.newContext({ viewport, colorScheme });
  const page = await context.newPage();
  const errors = [];
  page.on("console", (message) => { if (message.type() === "error") errors.push(message.text()); });
  page.on("pageerror", (error) => errors.push(error.message));
  await page.goto(url.startsWith("file:") ? url : base + url);
  return { page, context, errors };
}
const timelineReady = (page) => page.waitForSelector("#tl-chart[data-ready] svg.timeline");
const treeReady = (page) => page.waitForSelector("#tree-svg[data-ready]");

// The boxes of the visible labels, measured by the browser.
async function labelBoxes(page) {
  return page.$$eval("svg.timeline text.label", (labels) => labels
    .filter((t) => getComputedStyle(t).display !== "none")
    .map((t) => { const r = t.getBoundingClientRect(); return { text: t.textContent, x: r.x, y: r.y, w: r.width, h: r.height }; }));
}
function overlapping(boxes) {
  const bad = [];
  for (let i = 0; i < boxes.length; i++)
    for (let j = i + 1; j < boxes.length; j++) {
      const a = boxes[i], b = boxes[j];
      if (a.x < b.x + b.w - 0.5 && b.x < a.x + a.w - 0.5 && a.y < b.y + b.h - 0.5 && b.y < a.y + a.h - 0.5)
        bad.push(`${a.text} / ${b.text}`);
    }
  return bad;
}

for (const [name, viewport] of [["desktop", DESKTOP], ["phone", PHONE]]) {
  test(`timeline labels never overlap (${name}), hidden ones show on focus`, async () => {
    for (const view of ["kv", "active", "params"]) {
      const { page, context, errors } = await open(`/timeline?view=${view}`, viewport);
      await timelineReady(page);
      const boxes = await labelBoxes(page);
      assert.ok(boxes.length >= (name === "phone" ? 8 : 35), `${view}: only ${boxes.length} labels placed`);
      assert.deepEqual(overlapping(boxes), [], `${view}: overlapping labels`);
      // Every point is a focusable link with an accessible name.
      const points = await page.$$eval("svg.timeline a.pt", (as) => as.map((a) => ({
        name: a.getAttribute("aria-label"), tab: a.tabIndex, href: a.getAttribute("href") })));
      assert.ok(points.length > 60);
      for (const p of points) {
        assert.match(p.name, /, released \d{4}-\d{2}-\d{2}: .* total, .* active parameters, KV .* per token/);
        assert.ok(p.tab >= 0, `${p.name} is not focusable`);
        assert.match(p.href, /^\/models\//);
      }
      // A point whose label did not fit: focusing it shows the same text on top.
      const hidden = page.locator("svg.timeline a.pt:has(text.label.off)").first();
      if (await hidden.count()) {
        const text = await hidden.locator("text.label").textContent();
        await hidden.focus();
        assert.equal(await page.locator("svg.timeline g.tip").getAttribute("display"), null);
        assert.equal(await page.locator("svg.timeline g.tip text").textContent(), text);
      }
      if (view === "kv") await page.screenshot({ path: join(shots, `timeline-${name}.png`), fullPage: true });
      assert.deepEqual(errors, []);
      await context.close();
    }
  });
}

test("timeline zoom: the URL's range changes the axis and the models shown", async () => {
  const models = await (await fetch(base + "/api/models")).json();
  const { page, context, errors } = await open("/timeline");
  await timelineReady(page);
  const allPoints = await page.locator("svg.timeline a.pt").count();
  const wholeTicks = await page.$$eval("svg.timeline g.axes text.tick", (ts) => ts.map((t) => t.textContent));
  await page.goto(base + "/timeline?from=2025-06&to=2026-03");
  await timelineReady(page);
  const svg = page.locator("svg.timeline");
  assert.equal(await svg.getAttribute("data-from"), "2025-06-01");
  assert.equal(await svg.getAttribute("data-to"), "2026-03-31");
  const slugs = await page.$$eval("svg.timeline a.pt", (as) => as.map((a) => a.dataset.slug));
  const expected = models.filter((m) => m.known && m.release_date >= "2025-06-01" && m.release_date <= "2026-03-31" &&
                                        m.kv_cache.bytes_per_token_bf16 > 0).map((m) => m.slug);
  assert.deepEqual([...slugs].sort(), [...expected].sort());
  assert.ok(slugs.length < allPoints);
  const ticks = await page.$$eval("svg.timeline g.axes text.tick", (ts) => ts.map((t) => t.textContent));
  assert.notDeepEqual(ticks, wholeTicks);
  assert.ok(ticks.includes("Oct 2025") && ticks.includes("2026"), ticks.join(","));
  assert.ok(!ticks.includes("2019"));
  assert.equal(await page.inputValue("#tl-from"), "2025-06");
  assert.match(await page.textContent("#tl-status"), new RegExp(`Showing ${slugs.length} of \\d+ models released 2025-06-01 to 2026-03-31`));
  assert.deepEqual(overlapping(await labelBoxes(page)), []);
  // The form writes the range into the URL.
  await page.fill("#tl-from", "2026-01");
  await page.fill("#tl-to", "2026-02");
  await page.click("#tl-form button[type=submit]");
  await page.waitForURL(/from=2026-01&to=2026-02/);
  const narrow = await page.$$eval("svg.timeline a.pt", (as) => as.map((a) => a.dataset.slug));
  assert.deepEqual([...narrow].sort(), models.filter((m) => m.known && m.release_date >= "2026-01-01" &&
    m.release_date <= "2026-02-29" && m.kv_cache.bytes_per_token_bf16 > 0).map((m) => m.slug).sort());
  // Back restores the previous range.
  await page.goBack();
  await page.waitForFunction(() => document.querySelector("svg.timeline").getAttribute("data-from") === "2025-06-01");
  // A malformed date is named and ignored.
  await page.goto(base + "/timeline?from=2025-13");
  await timelineReady(page);
  assert.match(await page.textContent("#tl-status"), /parameter 'from': '2025-13' is not a calendar date/);
  assert.equal(await page.locator("svg.timeline a.pt").count(), allPoints);
  assert.deepEqual(errors, []);
  await context.close();
});

test("timeline params view: total parameters over time, switchable, state in the URL", async () => {
  const { page, context, errors } = await open("/timeline");
  await timelineReady(page);
  await Promise.all([page.waitForURL(/view=params/), page.selectOption("#tl-view", "params")]);
  await page.waitForFunction(() => document.querySelector("svg.timeline").getAttribute("data-view") === "params");
  assert.ok(await page.locator("svg.timeline line.stem").count() > 20);
  const ticks = await page.$$eval("svg.timeline g.axes text.tick", (ts) => ts.map((t) => t.textContent));
  for (const t of ["1B", "10B", "100B", "1T"]) assert.ok(ticks.includes(t), `tick ${t} missing: ${ticks}`);
  assert.match(await page.textContent("svg.timeline .axis-title"), /total parameters/);
  await page.reload();
  await timelineReady(page);
  assert.equal(await page.locator("svg.timeline").getAttribute("data-view"), "params");
  assert.equal(await page.inputValue("#tl-view"), "params");
  await page.screenshot({ path: join(shots, "timeline-params.png"), fullPage: true });
  assert.deepEqual(errors, []);
  await context.close();
});

test("timeline in the static export: URL state and links to the exported pages", async () => {
  const { page, context, errors } = await open("file://" + join(exportDir, "timeline.html") + "?view=active&from=2026-01");
  await timelineReady(page);
  assert.equal(await page.locator("svg.timeline").getAttribute("data-view"), "active");
  assert.equal(await page.locator("svg.timeline").getAttribute("data-from"), "2026-01-01");
  const hrefs = await page.$$eval("svg.timeline a.pt", (as) => as.map((a) => a.getAttribute("href")));
  assert.ok(hrefs.length > 10);
  for (const h of hrefs) assert.match(h, /^models\/[^/]+\.html$/);
  assert.deepEqual(overlapping(await labelBoxes(page)), []);
  const active = await open("file://" + join(exportDir, "timeline-active.html"));
  await timelineReady(active.page);
  assert.equal(await active.page.locator("svg.timeline").getAttribute("data-view"), "active");
  assert.deepEqual([...errors, ...active.errors], []);
  await active.context.close();
  await context.close();
});

// The nodes and edges the tree shows.
async function treeState(page) {
  return page.evaluate(() => {
    const visible = (el) => el.getAttribute("display") !== "none" && el.closest("[display=none]") === null;
    const nodes = [...document.querySelectorAll("#tree-svg a.node")].filter(visible).map((a) => ({
      slug: a.dataset.slug, type: a.dataset.type, label: a.getAttribute("aria-label"),
      vendor: document.querySelector(`#tree-svg g.lane[data-lane="${a.parentNode.dataset.lane}"]`).dataset.vendor }));
    const edges = [...document.querySelectorAll("#tree-svg path.edge[data-from]")].filter(visible).map((p) => ({
      from: p.dataset.from, to: p.dataset.to, kind: p.classList.contains("computed") ? "computed" : "recorded",
      title: p.querySelector("title").textContent, d: p.getAttribute("d") }));
    return { nodes, edges };
  });
}

test("tree: an edge for every model with a recorded parent or a computed influence", async () => {
  const { page, context, errors } = await open("/tree");
  await treeReady(page);
  const { nodes, edges } = await treeState(page);
  assert.ok(nodes.length >= 100, `${nodes.length} nodes`);
  const into = new Map(edges.map((e) => [e.to, e]));
  let recorded = 0, computed = 0;
  for (const n of nodes) {
    if (/built on .* \(recorded\)/.test(n.label)) {
      recorded++;
      assert.equal(into.get(n.slug)?.kind, "recorded", `${n.slug}: no solid edge`);
    } else if (/closest earlier design .* \(computed\)/.test(n.label)) {
      computed++;
      const e = into.get(n.slug);
      assert.equal(e?.kind, "computed", `${n.slug}: no dashed edge`);
      assert.match(e.title, /^computed: .* is the closest earlier design to .*; shared: /);
    } else {
      assert.ok(!into.has(n.slug), `${n.slug}: an edge without a relation`);
    }
  }
  assert.ok(recorded >= 60 && computed >= 20, `recorded ${recorded}, computed ${computed}`);
  assert.equal(edges.length, recorded + computed);
  // The computed table lists the same links.
  const rows = await page.$$eval("table.influence tbody tr", (rs) => rs.map((r) => [r.dataset.from, r.dataset.slug]));
  assert.deepEqual(rows.map((r) => r.join(">")).sort(),
                   edges.filter((e) => e.kind === "computed").map((e) => `${e.from}>${e.to}`).sort());
  assert.deepEqual(errors, []);
  await context.close();
});

test("tree filters: vendor and decoder type, in the URL, edges follow", async () => {
  const { page, context, errors } = await open("/tree");
  await treeReady(page);
  await Promise.all([page.waitForURL(/vendor=Meta/), page.selectOption("#tree-vendor", "Meta")]);
  let state = await treeState(page);
  assert.ok(state.nodes.length >= 3);
  assert.ok(state.nodes.every((n) => n.vendor === "Meta"));
  const shown = new Set(state.nodes.map((n) => n.slug));
  assert.ok(state.edges.length >= 2 && state.edges.every((e) => shown.has(e.from) && shown.has(e.to)));
  // The lanes are restacked: Meta's lane is now the first, right under the axis.
  assert.match(state.edges[0].d, /^M[\d.]+,(4\d|5\d|6\d|7\d|8\d)\.\d /);
  await page.screenshot({ path: join(shots, "tree-meta.png") });
  await Promise.all([page.waitForURL(/type=hybrid/), page.selectOption("#tree-type", "hybrid")]);
  state = await treeState(page);
  assert.equal(state.nodes.length, 0, "Meta has no hybrid model");
  await Promise.all([page.waitForURL((u) => !/vendor=/.test(u.search)), page.selectOption("#tree-vendor", "")]);
  state = await treeState(page);
  assert.ok(state.nodes.length >= 10 && state.nodes.every((n) => n.type === "hybrid"));
  // Reload keeps the filter; the export applies the same URL.
  await page.reload();
  await treeReady(page);
  assert.equal(await page.inputValue("#tree-type"), "hybrid");
  assert.deepEqual((await treeState(page)).nodes.length, state.nodes.length);
  const exported = await open("file://" + join(exportDir, "tree.html") + "?type=hybrid");
  await treeReady(exported.page);
  assert.deepEqual((await treeState(exported.page)).nodes.map((n) => n.slug).sort(), state.nodes.map((n) => n.slug).sort());
  assert.deepEqual([...errors, ...exported.errors], []);
  await exported.context.close();
  await context.close();
});

test("screenshots: timeline and tree, desktop and phone, light and dark", async () => {
  for (const scheme of ["light", "dark"])
    for (const [name, viewport] of [["desktop", DESKTOP], ["phone", PHONE]]) {
      for (const path of ["/timeline", "/tree"]) {
        const { page, context, errors } = await open(path, viewport, scheme);
        await (path === "/tree" ? treeReady(page) : timelineReady(page));
        await page.screenshot({ path: join(shots, `${path.slice(1)}-${name}-${scheme}.png`), fullPage: path !== "/tree" });
        assert.deepEqual(errors, []);
        await context.close();
      }
    }
});
