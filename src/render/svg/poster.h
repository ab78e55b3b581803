// The poster: every chosen model's diagram card in a grid, with a title, a legend of the layer-kind
// colours and a fact line under each card; one SVG page, printed to PDF through render/raster.h.
#pragma once

#include <string>
#include <vector>

#include "render/text/rows.h"
#include "base/result.h"

namespace llmg {

struct PaperSize {
  std::string name;      // "A0", "24x36in"
  double width_pt = 0;   // portrait, PostScript points (1/72 in)
  double height_pt = 0;
};
// A0, A1, A2, A3 (ISO 216, rounded to whole points) or WxHin ("24x36in").
Result<PaperSize> paper_size(const std::string& name);

struct PosterOptions {
  PaperSize paper;
  std::string title = "LLM architecture gallery";
  std::string order = "date";  // date | family
};

// Orders `views` as asked ("date": release date then name; "family": family, then date).
Result<void> order_views(std::vector<ModelView>& views, const std::string& order);

// The poster page as SVG, in points (viewBox = page size).
std::string poster_svg(const std::vector<ModelView>& views, const PosterOptions& options);

}  // namespace llmg
