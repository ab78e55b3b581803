#include "cli/verb_poster.h"

#include <fstream>
#include <iostream>

#include <fmt/format.h>

#include "catalog/catalog.h"
#include "render/svg/poster.h"
#include "render/svg/raster.h"
#include "cli/exit_codes.h"

namespace llmg::cli {

void add_poster_verb(CLI::App& app, PosterVerb& verb) {
  verb.command = app.add_subcommand("poster", "every catalog model's diagram on one printable page");
  verb.command->add_option("--out", verb.out, "poster.pdf (vector, fonts embedded) or poster.svg")->required();
  verb.command->add_option("--size", verb.size, "A0, A1, A2, A3 or WxHin, e.g. 24x36in (default A0)");
  verb.command->add_option("--models", verb.models, "comma-separated slugs (default: the whole catalog)");
  verb.command->add_option("--order", verb.order, "date or family (default date)");
}

int run_poster(const PosterVerb& verb) {
  const bool pdf = std::string_view(verb.out).ends_with(".pdf");
  if (!pdf && !std::string_view(verb.out).ends_with(".svg"))
    return report_error({Error::Kind::BadInput, fmt::format("argument '--out {}': expected a .pdf or .svg file", verb.out)});
  auto paper = paper_size(verb.size);
  if (!paper) return report_error(paper.error());
  const Catalog& catalog = Catalog::bundled();
  std::vector<ModelView> views;
  if (verb.models.empty()) {
    for (const CatalogEntry& entry : catalog.entries()) views.push_back(view_of(entry));
  } else {
    std::size_t start = 0;
    while (start <= verb.models.size()) {
      const std::size_t comma = std::min(verb.models.find(',', start), verb.models.size());
      const std::string slug = verb.models.substr(start, comma - start);
      const CatalogEntry* entry = catalog.find(slug);
      if (!entry)
        return report_error({Error::Kind::BadInput,
                     fmt::format("argument '--models': '{}' is not a catalog slug (see 'llmgallery list')", slug)});
      views.push_back(view_of(*entry));
      start = comma + 1;
    }
  }
  if (auto ordered = order_views(views, verb.order); !ordered) return report_error(ordered.error());
  PosterOptions options;
  options.paper = *paper;
  options.order = verb.order;
  const std::string svg = poster_svg(views, options);
  if (pdf) {
    if (auto written = svg_to_pdf(svg, verb.out, paper->width_pt, paper->height_pt); !written)
      return report_error(written.error());
    return 0;
  }
  std::ofstream out(verb.out, std::ios::binary);
  if (!(out << svg) || !out.flush()) return report_error({Error::Kind::BadInput, fmt::format("{}: cannot write", verb.out)});
  return 0;
}

}  // namespace llmg::cli
