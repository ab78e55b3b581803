#include "cli/verb_diagram.h"

#include <filesystem>
#include <fstream>
#include <iostream>
#include <memory>

#include <fmt/format.h>

#include "render/svg/diagram.h"
#include "render/svg/raster.h"
#include "cli/exit_codes.h"
#include "cli/resolve.h"

namespace llmg::cli {

void add_diagram_verb(CLI::App& app, DiagramVerb& verb) {
  verb.command = app.add_subcommand("diagram", "architecture diagram of a model as SVG (or PNG)");
  verb.command->add_option("model", verb.model, "catalog slug or path to config.json / params.json / .gguf / directory")
      ->required();
  verb.command->add_option("--out", verb.out, "output file (default: SVG on stdout); a .png name implies --png");
  verb.command->add_flag("--png", verb.png, "write PNG (rendered in-process with librsvg + cairo)");
  verb.command->add_option("--scale", verb.scale, "PNG pixels per SVG unit (default 2)");
  verb.command->add_option("--theme", verb.theme, "light or dark (default light)");
  verb.command->add_flag("--thumbnail", verb.thumbnail, "gallery-card size: the blocks and the layer strip only");
  verb.command->add_flag("--strip", verb.strip, "the layer strip alone");
}

int run_diagram(const DiagramVerb& verb) {
  DiagramOptions options;
  if (verb.theme == "dark")
    options.theme = diagram::Theme::Dark;
  else if (verb.theme != "light")
    return report_error({Error::Kind::BadInput, fmt::format("argument '--theme {}': expected light or dark", verb.theme)});
  options.thumbnail = verb.thumbnail;
  if (!verb.out.empty() && !std::string_view(verb.out).ends_with(".svg") && !std::string_view(verb.out).ends_with(".png"))
    return report_error({Error::Kind::BadInput,
                         fmt::format("argument '--out {}': expected a .svg or .png file name", verb.out)});
  const bool png = verb.png || std::string_view(verb.out).ends_with(".png");
  if (png && verb.out.empty())
    return report_error({Error::Kind::BadInput, "argument '--png': needs --out FILE.png (PNG is not written to stdout)"});
  if (!(verb.scale > 0 && verb.scale <= 16))
    return report_error({Error::Kind::BadInput, fmt::format("argument '--scale {}': expected a number in (0, 16]", verb.scale)});

  // The model: a catalog slug, or a config / GGUF / directory path (the one resolve every verb uses).
  auto resolved = resolve(verb.model, true);
  if (!resolved) return report_error(resolved.error());
  const ModelView& view = resolved->view;

  const std::string svg = verb.strip ? layer_strip_svg(view, options) : diagram_svg(view, options);
  std::string bytes = svg;
  if (png) {
    auto rendered = svg_to_png(svg, verb.scale);
    if (!rendered) return report_error(rendered.error());
    bytes = std::move(*rendered);
  }
  if (verb.out.empty()) {
    std::cout << bytes;
    return std::cout ? 0 : 1;
  }
  std::ofstream out(verb.out, std::ios::binary);
  if (!(out << bytes) || !out.flush())
    return report_error({Error::Kind::BadInput, fmt::format("{}: cannot write", verb.out)});
  return 0;
}

}  // namespace llmg::cli
