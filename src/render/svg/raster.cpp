#include "render/svg/raster.h"

#include <cmath>
#include <memory>

#include <cairo-pdf.h>
#include <cairo.h>
#include <librsvg/rsvg.h>

#if defined(__SANITIZE_ADDRESS__)
// LeakSanitizer hook: fontconfig (reached through librsvg → pango) keeps its font cache for the life
// of the process by design; those allocations are not leaks of ours.
extern "C" const char* __lsan_default_suppressions() { return "leak:libfontconfig\n"; }
#endif

namespace llmg {

namespace {

cairo_status_t append_bytes(void* closure, const unsigned char* data, unsigned int length) {
  static_cast<std::string*>(closure)->append(reinterpret_cast<const char*>(data), length);
  return CAIRO_STATUS_SUCCESS;
}

std::string take_message(GError* error) {
  std::string message = error && error->message ? error->message : "unknown librsvg error";
  if (error) g_error_free(error);
  return message;
}

}  // namespace

Result<std::string> svg_to_png(std::string_view svg, double scale) {
  GError* error = nullptr;
  std::unique_ptr<RsvgHandle, void (*)(gpointer)> handle(
      rsvg_handle_new_from_data(reinterpret_cast<const guint8*>(svg.data()), svg.size(), &error), g_object_unref);
  if (!handle) return internal_error("SVG not accepted by librsvg: " + take_message(error));
  gdouble width = 0, height = 0;
  if (!rsvg_handle_get_intrinsic_size_in_pixels(handle.get(), &width, &height) || width <= 0 || height <= 0)
    return internal_error("SVG has no intrinsic size (width/height)");
  const int pixel_width = static_cast<int>(std::ceil(width * scale));
  const int pixel_height = static_cast<int>(std::ceil(height * scale));
  std::unique_ptr<cairo_surface_t, void (*)(cairo_surface_t*)> surface(
      cairo_image_surface_create(CAIRO_FORMAT_ARGB32, pixel_width, pixel_height), cairo_surface_destroy);
  std::unique_ptr<cairo_t, void (*)(cairo_t*)> cr(cairo_create(surface.get()), cairo_destroy);
  cairo_scale(cr.get(), scale, scale);
  const RsvgRectangle viewport{0, 0, width, height};
  if (!rsvg_handle_render_document(handle.get(), cr.get(), &viewport, &error))
    return internal_error("librsvg could not render the SVG: " + take_message(error));
  std::string png;
  if (cairo_surface_write_to_png_stream(surface.get(), append_bytes, &png) != CAIRO_STATUS_SUCCESS)
    return internal_error("cairo could not encode the PNG");
  return png;
}

Result<void> svg_to_pdf(std::string_view svg, const std::string& path, double width_pt, double height_pt) {
  GError* error = nullptr;
  std::unique_ptr<RsvgHandle, void (*)(gpointer)> handle(
      rsvg_handle_new_from_data(reinterpret_cast<const guint8*>(svg.data()), svg.size(), &error), g_object_unref);
  if (!handle) return internal_error("SVG not accepted by librsvg: " + take_message(error));
  std::unique_ptr<cairo_surface_t, void (*)(cairo_surface_t*)> surface(
      cairo_pdf_surface_create(path.c_str(), width_pt, height_pt), cairo_surface_destroy);
  if (cairo_surface_status(surface.get()) != CAIRO_STATUS_SUCCESS)
    return bad_input(path + ": cannot create the PDF file");
  cairo_pdf_surface_set_metadata(surface.get(), CAIRO_PDF_METADATA_CREATOR, "llmgallery");
  {
    std::unique_ptr<cairo_t, void (*)(cairo_t*)> cr(cairo_create(surface.get()), cairo_destroy);
    const RsvgRectangle viewport{0, 0, width_pt, height_pt};
    if (!rsvg_handle_render_document(handle.get(), cr.get(), &viewport, &error))
      return internal_error("librsvg could not render the SVG: " + take_message(error));
    cairo_show_page(cr.get());
  }
  cairo_surface_finish(surface.get());
  if (cairo_surface_status(surface.get()) != CAIRO_STATUS_SUCCESS) return bad_input(path + ": cannot write the PDF");
  return {};
}

}  // namespace llmg
