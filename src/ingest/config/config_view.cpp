#include "ingest/config/config_view.h"

#include <cmath>
#include <type_traits>

#include <fmt/format.h>

#include "ingest/config/json_text.h"

namespace llmg {

using nlohmann::json;

namespace {

const json* child(const json& object, std::string_view dotted) {
  const json* node = &object;
  while (!dotted.empty()) {
    const auto dot = dotted.find('.');
    const std::string part(dotted.substr(0, dot));
    if (!node->is_object()) return nullptr;
    auto it = node->find(part);
    if (it == node->end()) return nullptr;
    node = &*it;
    dotted = dot == std::string_view::npos ? std::string_view{} : dotted.substr(dot + 1);
  }
  return node;
}

std::string describe(const json& value) { return describe_json(value); }  // bounded: never dump() the whole value

// The value a failed required read returns: the key's lower bound, and never 0, so that a reader that
// divides or takes a modulo by it before checking error() cannot fault (case 02 of issue 17).
std::int64_t neutral_value(const KeySpec& spec) {
  return spec.min_value >= 1 ? static_cast<std::int64_t>(spec.min_value) : 1;
}

// The row whose aliases include `name` (raw reads by literal name meet that row's bounds), or null.
// A nested name built at run time (rope_parameters.<layer type>.rope_theta) meets the row of its last part.
const KeySpec* row_named(std::string_view name) {
  for (std::string_view wanted : {name, name.substr(name.rfind('.') + 1)})
    for (const KeySpec& spec : key_table())
      for (std::string_view alias : spec.aliases)
        if (alias == wanted) return &spec;
  return nullptr;
}

bool has_bounds(const KeySpec* spec) { return spec && spec->max_value > spec->min_value; }

}  // namespace

// A number read from the config: finite (NaN and ±Infinity, which config files may hold as Python
// literals, are refused) and within the row's bounds when the row has them.
double ConfigView::number_at(const json* value, const std::string& path, double fallback, const KeySpec* spec) {
  if (!value) return fallback;
  if (!value->is_number()) {
    fail(path, fmt::format("expected a number, got {}", describe(*value)));
    return fallback;
  }
  const double number = value->get<double>();
  if (!std::isfinite(number)) {
    fail(path, fmt::format("expected a finite number, got {}", describe(*value)));
    return fallback;
  }
  if (has_bounds(spec) && (number < spec->min_value || number > spec->max_value)) {
    fail(path, fmt::format("expected a number in [{}, {}], got {}", spec->min_value, spec->max_value, describe(*value)));
    return fallback;
  }
  return number;
}

ConfigView::ConfigView(const json& root, std::string file_name, KeySources* sources)
    : root_(root), text_(&root), file_name_(std::move(file_name)), sources_(sources) {
  if (root_.is_object()) {
    auto it = root_.find("text_config");
    if (it != root_.end() && it->is_object()) text_ = &*it;
  }
}

void ConfigView::fail(std::string_view key_path, std::string_view problem) {
  if (error_) return;  // keep the first problem: it is usually the cause of the rest
  error_ = Error{Error::Kind::BadInput, fmt::format("{}: key '{}': {}", file_name_, key_path, problem)};
}

void ConfigView::note_source(const std::string& fact, const std::string& where) {
  if (sources_) (*sources_)[fact] = where;
}

const json* ConfigView::find(std::string_view name, std::string* found_path) const {
  return find_in(name, found_path, true);
}

const json* ConfigView::find_in(std::string_view name, std::string* found_path, bool with_defaults) const {
  if (text_ != &root_) {
    if (const json* value = child(*text_, name); value && !value->is_null()) {
      if (found_path) *found_path = "text_config." + std::string(name);
      return value;
    }
  }
  if (const json* value = child(root_, name); value && !value->is_null()) {
    if (found_path) *found_path = std::string(name);
    return value;
  }
  if (with_defaults && defaults_) {
    if (const json* value = child(*defaults_, name); value && !value->is_null()) {
      if (found_path) *found_path = fmt::format("{} (default of {})", name, defaults_label_);
      return value;
    }
  }
  return nullptr;
}

const json* ConfigView::lookup(Key key, std::string* found_path) const {
  // Every spelling in the file wins over any default, so defaults are tried only after all aliases.
  for (bool with_defaults : {false, true})
    for (std::string_view alias : key_spec(key).aliases)
      if (const json* value = find_in(alias, found_path, with_defaults)) return value;
  return nullptr;
}

std::optional<std::int64_t> ConfigView::read_int(const json& value, const std::string& path, double min_value,
                                                 double max_value) {
  double number = 0;
  if (value.is_number_integer() || value.is_number_unsigned()) {
    number = value.is_number_unsigned() ? static_cast<double>(value.get<std::uint64_t>())
                                        : static_cast<double>(value.get<std::int64_t>());
  } else if (value.is_number_float() && std::floor(value.get<double>()) == value.get<double>()) {
    number = value.get<double>();
  } else {
    fail(path, fmt::format("expected an integer, got {}", describe(value)));
    return std::nullopt;
  }
  if (number < min_value || number > max_value) {
    fail(path, fmt::format("expected an integer in [{}, {}], got {}", static_cast<std::int64_t>(min_value),
                           static_cast<std::int64_t>(max_value), describe(value)));
    return std::nullopt;
  }
  return static_cast<std::int64_t>(number);
}

std::optional<std::int64_t> ConfigView::maybe_int(Key key) {
  const KeySpec& spec = key_spec(key);
  std::string path;
  const json* value = lookup(key, &path);
  if (!value) return std::nullopt;
  auto result = read_int(*value, path, spec.min_value, spec.max_value);
  if (result) note_source(std::string(spec.name), path);
  return result;
}

std::int64_t ConfigView::require_int(Key key) {
  const KeySpec& spec = key_spec(key);
  std::string path;
  if (!lookup(key, &path)) {
    std::string tried;
    for (std::string_view alias : spec.aliases) tried += (tried.empty() ? "" : ", ") + std::string(alias);
    fail(spec.name, fmt::format("required key is missing (looked for {})", tried));
    return neutral_value(spec);
  }
  return maybe_int(key).value_or(neutral_value(spec));
}

std::int64_t ConfigView::int_or(Key key, std::int64_t fallback) {
  std::string path;
  if (!lookup(key, &path)) return fallback;
  return maybe_int(key).value_or(fallback);
}

double ConfigView::number_or(Key key, double fallback) {
  const KeySpec& spec = key_spec(key);
  std::string path;
  const json* value = lookup(key, &path);
  if (!value) return fallback;
  const bool was_ok = ok();
  const double number = number_at(value, path, fallback, &spec);
  if (was_ok && ok()) note_source(std::string(spec.name), path);
  return number;
}

namespace {

// How each scalar type is recognised and named in messages.
template <typename T>
struct Scalar;
template <>
struct Scalar<bool> {
  static bool matches(const json& v) { return v.is_boolean(); }
  static constexpr std::string_view expected = "true or false";
};
template <>
struct Scalar<std::string> {
  static bool matches(const json& v) { return v.is_string(); }
  static constexpr std::string_view expected = "a string";
};
template <>
struct Scalar<double> {
  static bool matches(const json& v) { return v.is_number(); }
  static constexpr std::string_view expected = "a number";
};

}  // namespace

template <typename T>
T ConfigView::typed(const json* value, const std::string& path, T fallback) {
  if (!value) return fallback;
  if (!Scalar<T>::matches(*value)) {
    fail(path, fmt::format("expected {}, got {}", Scalar<T>::expected, describe(*value)));
    return fallback;
  }
  return value->get<T>();
}

bool ConfigView::bool_or(Key key, bool fallback) {
  std::string path;
  return typed<bool>(lookup(key, &path), path, fallback);
}

std::string ConfigView::string_or(Key key, std::string fallback) {
  std::string path;
  return typed<std::string>(lookup(key, &path), path, std::move(fallback));
}

std::int64_t ConfigView::int_at(const json* value, const std::string& path, std::int64_t fallback,
                                std::int64_t min_value, std::int64_t max_value) {
  if (!value) return fallback;
  return read_int(*value, path, static_cast<double>(min_value), static_cast<double>(max_value))
      .value_or(fallback);
}

std::int64_t ConfigView::int_named(std::string_view name, std::int64_t fallback, std::int64_t min_value,
                                   std::int64_t max_value) {
  std::string path;
  const json* value = find(name, &path);
  return int_at(value, path, fallback, min_value, max_value);
}

const json* ConfigView::find(Key key, std::string* found_path) const { return lookup(key, found_path); }

std::string_view ConfigView::spelling(Key key) const {
  const KeySpec& spec = key_spec(key);
  for (std::string_view alias : spec.aliases)
    if (find(alias)) return alias;
  return spec.name;
}

std::int64_t ConfigView::int_named(Key key, std::int64_t fallback) {
  const KeySpec& spec = key_spec(key);
  return int_named(key, fallback, static_cast<std::int64_t>(spec.min_value), static_cast<std::int64_t>(spec.max_value));
}

std::int64_t ConfigView::int_named(Key key, std::int64_t fallback, std::int64_t min_value, std::int64_t max_value) {
  std::string path;
  const json* value = lookup(key, &path);
  return int_at(value, path, fallback, min_value, max_value);
}

double ConfigView::number_named(Key key, double fallback) {
  std::string path;
  return number_at(lookup(key, &path), path, fallback, &key_spec(key));
}

bool ConfigView::bool_named(Key key, bool fallback) {
  std::string path;
  return typed<bool>(lookup(key, &path), path, fallback);
}

std::string ConfigView::string_named(Key key, std::string fallback) {
  std::string path;
  return typed<std::string>(lookup(key, &path), path, std::move(fallback));
}

std::vector<std::int64_t> ConfigView::int_list_named(Key key) {
  std::string path;
  const json* value = lookup(key, &path);
  const KeySpec& spec = key_spec(key);
  if (has_bounds(&spec)) return int_list_at(value, path, spec.min_value, spec.max_value);
  return int_list_at(value, path);
}

std::vector<double> ConfigView::number_list_named(Key key) {
  std::string path;
  const json* value = lookup(key, &path);
  if (!value) return {};
  if (!value->is_array()) {
    fail(path, fmt::format("expected a list of numbers, got {}", describe(*value)));
    return {};
  }
  std::vector<double> out;
  for (std::size_t i = 0; i < value->size(); ++i) {
    const bool was_ok = ok();
    out.push_back(number_at(&(*value)[i], fmt::format("{}[{}]", path, i), 0.0, &key_spec(key)));
    if (was_ok && !ok()) return {};
  }
  return out;
}

std::vector<std::string> ConfigView::string_list_named(Key key) {
  std::string path;
  const json* value = lookup(key, &path);
  return string_list_at(value, path);
}

double ConfigView::number_named(std::string_view name, double fallback) {
  std::string path;
  return number_at(find(name, &path), path, fallback, row_named(name));
}

bool ConfigView::bool_named(std::string_view name, bool fallback) {
  std::string path;
  return typed<bool>(find(name, &path), path, fallback);
}

std::string ConfigView::string_named(std::string_view name, std::string fallback) {
  std::string path;
  return typed<std::string>(find(name, &path), path, std::move(fallback));
}

std::vector<std::int64_t> ConfigView::int_list_named(std::string_view name) {
  std::string path;
  const json* value = find(name, &path);
  return int_list_at(value, path);
}

std::vector<std::int64_t> ConfigView::int_list_at(const json* value, const std::string& path, double min_value,
                                                  double max_value) {
  if (!value) return {};
  if (!value->is_array()) {
    fail(path, fmt::format("expected a list of integers, got {}", describe(*value)));
    return {};
  }
  std::vector<std::int64_t> out;
  out.reserve(value->size());
  for (std::size_t i = 0; i < value->size(); ++i) {
    const json& item = (*value)[i];
    if (item.is_boolean()) {
      out.push_back(item.get<bool>() ? 1 : 0);
      continue;
    }
    auto number = read_int(item, fmt::format("{}[{}]", path, i), min_value, max_value);
    if (!number) return {};
    out.push_back(*number);
  }
  return out;
}

std::vector<std::string> ConfigView::string_list_named(std::string_view name) {
  std::string path;
  const json* value = find(name, &path);
  return string_list_at(value, path);
}

std::vector<std::string> ConfigView::string_list_at(const json* value, const std::string& path) {
  if (!value) return {};
  if (!value->is_array()) {
    fail(path, fmt::format("expected a list of strings, got {}", describe(*value)));
    return {};
  }
  std::vector<std::string> out;
  for (std::size_t i = 0; i < value->size(); ++i) {
    if (!(*value)[i].is_string()) {
      fail(fmt::format("{}[{}]", path, i), fmt::format("expected a string, got {}", describe((*value)[i])));
      return {};
    }
    out.push_back((*value)[i].get<std::string>());
  }
  return out;
}

template <typename T>
std::vector<T> ConfigView::per_layer_list(Key key, std::size_t layers) {
  std::string path;
  const json* value = lookup(key, &path);
  std::vector<T> list;
  if constexpr (std::is_same_v<T, std::string>)
    list = string_list_at(value, path);
  else if (const KeySpec& spec = key_spec(key); has_bounds(&spec))
    list = int_list_at(value, path, spec.min_value, spec.max_value);
  else
    list = int_list_at(value, path);
  if (!list.empty() && list.size() != layers) {
    fail(spelling(key), fmt::format("expected {} entries (num_hidden_layers), got {}", layers, list.size()));
    return {};
  }
  return list;
}

template std::vector<std::int64_t> ConfigView::per_layer_list<std::int64_t>(Key, std::size_t);
template std::vector<std::string> ConfigView::per_layer_list<std::string>(Key, std::size_t);

}  // namespace llmg
