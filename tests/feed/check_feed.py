#!/usr/bin/python3
"""Parses llmgallery's Atom feed with a real feed parser (Debian's python3-feedparser) and checks it.

usage: check_feed.py serve|build LLMGALLERY_BINARY CHANGELOG_TSV

serve: starts `llmgallery serve --port 0` (once without --base-url: links under its own http://host:port,
       once with --base-url https://example.org/gallery/), fetches /feed.xml and /changelog.
build: runs `llmgallery build --out TMP --base-url https://example.org/llmg` and reads TMP/feed.xml.
Checks: the feed parses without error (bozo 0); one entry per changelog row, same order; titles name
the model and the kind; every link and id is absolute under the base; each entry's published/updated
date is its changelog row's date; every entry id points at an entry of the changelog page; a bad
--base-url exits 2 with one line naming the option.
"""
import csv
import os
import re
import subprocess
import sys
import tempfile
import time
import urllib.request

import feedparser

failures = []


def check(condition, message):
    if not condition:
        failures.append(message)


def changelog_rows(path):
    with open(path, encoding="utf-8") as f:
        rows = list(csv.DictReader(f, delimiter="\t"))
    # The catalog lists changes newest first (Catalog::changes() sorts by date, stable).
    return sorted(rows, key=lambda r: r["date"], reverse=True)


def check_feed(xml, base, rows, changelog_html, link_suffix):
    feed = feedparser.parse(xml)
    check(not feed.bozo, f"feed does not parse cleanly: {feed.get('bozo_exception')}")
    check(feed.feed.get("id", "").startswith(base + "/"), f"feed id {feed.feed.get('id')} not under {base}")
    for link in feed.feed.get("links", []):
        check(link["href"].startswith(base + "/"), f"feed link {link['href']} not under {base}")
    check(len(feed.entries) == len(rows), f"{len(feed.entries)} entries, changelog has {len(rows)}")
    for entry, row in zip(feed.entries, rows):
        kind = "added" if row["kind"] == "added" else "corrected"
        check(entry.title.endswith(" " + kind) and len(entry.title) > len(kind) + 1, f"title {entry.title!r}")
        check(entry.link.startswith(base + "/"), f"entry link {entry.link} not absolute under {base}")
        check(entry.link.split("#")[0].endswith(link_suffix) or "/changelog" in entry.link,
              f"entry link {entry.link} does not end with {link_suffix}")
        check(row["slug"] in entry.link, f"entry link {entry.link} does not name {row['slug']}")
        check(entry.id.startswith(base + "/"), f"entry id {entry.id} not absolute")
        want = tuple(int(x) for x in row["date"].split("-"))
        for field in ("published_parsed", "updated_parsed"):
            got = entry.get(field)
            check(got is not None and tuple(got[:3]) == want, f"{entry.title}: {field} {got} != {row['date']}")
        anchor = entry.id.split("#", 1)[1] if "#" in entry.id else ""
        check(anchor and f'id="{anchor}"' in changelog_html, f"entry id {entry.id}: no such entry on the changelog page")
    return feed


def bad_base_url(binary, verb_args):
    for bad in ("ftp://example.org", "https://example.org/?q=1", "example.org"):
        result = subprocess.run([binary, *verb_args, "--base-url", bad], capture_output=True, text=True, timeout=60)
        check(result.returncode == 2, f"{verb_args[0]} --base-url {bad}: exit {result.returncode}, expected 2")
        lines = result.stderr.strip().splitlines()
        check(len(lines) == 1 and "--base-url" in lines[0], f"{verb_args[0]} --base-url {bad}: stderr {result.stderr!r}")


def serve(binary, rows, extra):
    process = subprocess.Popen([binary, "serve", "--port", "0", *extra], stdout=subprocess.PIPE, text=True)
    try:
        line = process.stdout.readline()
        match = re.search(r"http://[^\s]+/", line)
        if not match:
            failures.append(f"serve printed no URL: {line!r}")
            return
        root = match.group(0).rstrip("/")

        def get(path):
            for _ in range(50):
                try:
                    with urllib.request.urlopen(root + path, timeout=10) as response:
                        return response.read().decode("utf-8")
                except OSError:
                    time.sleep(0.1)
            raise RuntimeError(f"GET {path} failed")

        base = extra[1].rstrip("/") if extra else root
        check_feed(get("/feed.xml"), base, rows, get("/changelog"), "")
    finally:
        process.terminate()
        process.wait(timeout=10)


def build(binary, rows):
    base = "https://example.org/llmg"
    with tempfile.TemporaryDirectory() as out:
        result = subprocess.run([binary, "build", "--out", out, "--base-url", base + "/"], capture_output=True, text=True,
                                timeout=300)
        check(result.returncode == 0, f"build exit {result.returncode}: {result.stderr}")
        with open(os.path.join(out, "feed.xml"), encoding="utf-8") as f:
            xml = f.read()
        with open(os.path.join(out, "changelog.html"), encoding="utf-8") as f:
            page = f.read()
        feed = check_feed(xml, base, rows, page, ".html")
        # Every link names a file the export wrote.
        for entry in feed.entries:
            path = entry.link[len(base) + 1:].split("#")[0]
            check(os.path.isfile(os.path.join(out, path)), f"entry link {entry.link}: {path} not in the export")
        bad_base_url(binary, ["build", "--out", out])


def main():
    mode, binary, changelog = sys.argv[1:4]
    rows = changelog_rows(changelog)
    if mode == "serve":
        serve(binary, rows, [])
        serve(binary, rows, ["--base-url", "https://example.org/gallery/"])
        bad_base_url(binary, ["serve", "--port", "0"])
    else:
        build(binary, rows)
    for failure in failures[:30]:
        print("FAIL:", failure)
    print(f"{mode}: {len(rows)} changelog rows, {len(failures)} failures")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
