// Cross-function, two levels deep: an export API forwards its argument to a
// serialiser, which forwards it to the routine that flattens it. The caller
// passes a column window of a C-ordered table; the copy happens in the
// innermost helper, two calls away from the argument that causes it. The
// summary export goes through the same two levels with whole rows (views).
#include "print.hpp"

static nd::array<double> flatten_payload(const nd::array<double>& payload) {
  return payload.ravel(); // EXPECT: ndarray-hidden-copy
}

static nd::array<double> payload_rows(const nd::array<double>& payload) {
  return payload.reshape({-1, 16}); // EXPECT-NOT: ndarray-hidden-copy
}

static double serialise(const nd::array<double>& payload, const char* tag) {
  auto bytes = flatten_payload(payload);
  double digest = 0;
  for (std::ptrdiff_t i = 0; i < bytes.size(); ++i)
    digest = digest * 0.5 + bytes(i);
  std::printf("%s: %td values\n", tag, bytes.size());
  return digest;
}

static double serialise_rows(const nd::array<double>& payload, const char* tag) {
  auto rows = payload_rows(payload);
  std::printf("%s: %td rows\n", tag, rows.shape(0));
  return rows(0, 0) + rows(rows.shape(0) - 1, 15);
}

static double export_table(const nd::array<double>& table) {
  auto window = table(nd::all, nd::slice(2, 10)); // the schema's numeric columns
  return serialise(window, "window");
}

static double export_summary(const nd::array<double>& table) {
  auto head = table(nd::slice(0, 128), nd::all);
  return serialise_rows(head, "summary");
}

int main() {
  auto table = nd::empty<double>({512, 16});
  for (std::ptrdiff_t i = 0; i < 512; ++i)
    for (std::ptrdiff_t j = 0; j < 16; ++j)
      table(i, j) = static_cast<double>((i * 16 + j) % 97) / 8.0;
  print_value("digest", export_table(table));
  print_value("summary", export_summary(table));
}
