#include "render/text/published.h"

#include <cstdlib>

#include <fmt/format.h>

#include "base/units.h"

namespace llmg {

namespace {

// Our count in the unit of the published figure with two more digits than it gives ("49.12B" beside "48B"),
// or with commas beside an exact count.
std::string derived_text(std::int64_t derived, const PublishedFigure& figure) {
  if (figure.exact) return with_commas(derived);
  const char suffix = figure.text.back();
  const double unit = suffix == 'T' ? 1e12 : suffix == 'B' ? 1e9 : suffix == 'M' ? 1e6 : 1e3;
  const auto point = figure.text.find('.');
  const int decimals = (point == std::string::npos ? 0 : static_cast<int>(figure.text.size() - 2 - point)) + 2;
  return fmt::format("{:.{}f}{}", static_cast<double>(derived) / unit, decimals, suffix);
}

std::string rounding_words(const PublishedFigure& figure) {
  if (figure.exact) return "an exact count";
  return fmt::format("rounded to {} significant digit{} (± {})", figure.significant_digits,
                     figure.significant_digits == 1 ? "" : "s", human_count(figure.tolerance));
}

std::string_view convention_words(std::string_view convention) {
  if (convention == "active") return "input embedding as a lookup, LM head counted";
  if (convention == "active_with_embeddings") return "input embedding table counted too";
  if (convention == "active_non_embedding") return "neither the input embedding nor the LM head";
  return "";
}

PublishedComparison compare(std::string figure_name, std::string convention, const PublishedFigure& figure,
                            std::int64_t derived) {
  PublishedComparison c;
  c.figure = std::move(figure_name);
  c.convention = std::move(convention);
  c.published = figure.value;
  c.derived = derived;
  c.difference = derived - figure.value;
  c.tolerance = figure.tolerance;
  c.within = std::llabs(c.difference) <= c.tolerance;
  return c;
}

}  // namespace

std::vector<PublishedComparison> compare_published(const PublishedFigures& published, const ParameterCounts& p) {
  std::vector<PublishedComparison> out;
  if (published.total) {
    const PublishedFigure& figure = *published.total;
    const bool mtp = published.includes_part("mtp");
    const bool towers = published.includes_part("towers");
    const bool non_embedding = published.includes_part("non_embedding");
    auto component = [&](Component c) {
      auto it = p.by_component.find(c);
      return it == p.by_component.end() ? std::int64_t{0} : it->second;
    };
    const std::int64_t lookup_and_head = component(Component::Embedding) + component(Component::LmHead);
    std::string convention = non_embedding ? "total_non_embedding" : "total";
    if (mtp) convention += "+mtp";
    // Towers counted from the config are added when the published figure includes them.
    const bool towers_counted = towers && p.towers > 0;
    if (towers_counted) convention += "+towers";
    PublishedComparison c = compare("total", convention, figure,
                                    p.total - (non_embedding ? lookup_and_head : 0) + (mtp ? p.mtp : 0) +
                                        (towers_counted ? p.towers : 0));
    std::string why = "the published figure is " + rounding_words(figure);
    if (non_embedding)
      why += fmt::format("; it leaves out the input embedding and the LM head ({}), as our comparison does",
                         human_count(lookup_and_head));
    if (mtp) why += fmt::format("; it includes the MTP layers ({}), added to our total here", human_count(p.mtp));
    if (towers_counted) {
      why += fmt::format("; it includes the vision/audio towers ({}), added to our total here", human_count(p.towers));
    } else if (towers) {
      // Vision/audio towers are not derived: the published total may exceed ours by them, never fall short.
      c.within = c.difference <= c.tolerance;
      why += "; it includes the vision/audio towers, which our total leaves out";
    }
    if (published.convention == "name") why += "; the figure comes from the model's name only";
    c.explanation = why;
    out.push_back(std::move(c));
  }
  if (published.active) {
    const PublishedFigure& figure = *published.active;
    const std::pair<const char*, std::int64_t> ours[] = {{"active", p.active},
                                                         {"active_with_embeddings", p.active_with_embeddings},
                                                         {"active_non_embedding", p.active_non_embedding}};
    PublishedComparison c;
    if (published.convention == "name") {
      // The name does not say which convention: the closest of the three.
      const auto* best = &ours[0];
      for (const auto& candidate : ours)
        if (std::llabs(candidate.second - figure.value) < std::llabs(best->second - figure.value)) best = &candidate;
      c = compare("active", best->first, figure, best->second);
      c.explanation = fmt::format("the published figure is {}, from the model's name only; closest in our {} "
                                  "convention ({})",
                                  rounding_words(figure), best->first, convention_words(best->first));
    } else {
      const auto* chosen = &ours[0];
      for (const auto& candidate : ours)
        if (published.convention == candidate.first) chosen = &candidate;
      c = compare("active", chosen->first, figure, chosen->second);
      c.explanation = fmt::format("the published figure is {}, counted in the {} convention ({})",
                                  rounding_words(figure), chosen->first, convention_words(chosen->first));
    }
    out.push_back(std::move(c));
  }
  for (PublishedComparison& c : out) {
    const PublishedFigure& figure = c.figure == "total" ? *published.total : *published.active;
    c.text = fmt::format("published {} · derived {} (exact, sum of tensor shapes)", figure.text,
                         derived_text(c.derived, figure));
  }
  return out;
}

}  // namespace llmg
