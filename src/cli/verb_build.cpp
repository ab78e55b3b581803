#include "cli/verb_build.h"

#include <chrono>
#include <filesystem>
#include <iostream>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "export/static_site.h"
#include "site/base_url.h"
#include "render/text/json.h"
#include "base/units.h"
#include "cli/exit_codes.h"

namespace llmg::cli {

void add_build_verb(CLI::App& app, BuildVerb& verb) {
  verb.command = app.add_subcommand("build", "write the whole gallery as static files (browsable from file://)");
  verb.command->add_option("--out", verb.out_dir, "output folder (created if needed)")->required();
  verb.command->add_flag("--json", verb.json, "JSON summary: files, bytes, model_pages, diff_pages, seconds");
  verb.command->add_option("--base-url", verb.base_url,
                           "public URL the folder will be served from: the Atom feed's links and ids become "
                           "absolute (http/https, no query); without it they are relative to feed.xml");
}

int run_build(const BuildVerb& verb) {
  const auto start = std::chrono::steady_clock::now();
  std::error_code ec;
  if (std::filesystem::exists(verb.out_dir, ec) && !std::filesystem::is_directory(verb.out_dir, ec)) {
    return report_error({Error::Kind::BadInput, fmt::format("--out {}: exists and is not a folder", verb.out_dir)});
  }
  if (!verb.base_url.empty()) {
    auto base = site::parse_base_url(verb.base_url);
    if (!base) return report_error(base.error());
    site::set_public_base_url(*base);
  }
  const site::SiteFiles files = site::build_site(Catalog::bundled());
  auto summary = site::write_site(files, verb.out_dir);
  if (!summary) return report_error(summary.error());
  const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  if (verb.json) {
    std::cout << json_text(nlohmann::json{{"out", verb.out_dir},
                                {"files", summary->files},
                                {"bytes", summary->bytes},
                                {"model_pages", summary->model_pages},
                                {"diff_pages", summary->diff_pages},
                                {"seconds", seconds}},
                           2)
              << "\n";
  } else {
    std::cout << fmt::format("Wrote {} files ({}) to {}: {} model pages, {} pre-rendered diffs, in {:.0f} ms.\n"
                             "Open {}/index.html in a browser, or serve the folder with any static web server.\n",
                             summary->files, human_bytes(static_cast<std::int64_t>(summary->bytes)), verb.out_dir,
                             summary->model_pages, summary->diff_pages, seconds * 1000, verb.out_dir);
  }
  return kExitOk;
}

}  // namespace llmg::cli
