// The geometry of expand(sizes), as the torch model states it
// (checker/model/TorchLibraryModel.cpp, IndexSpelling::BroadcastSizes): the
// source's axes aligned to the end of the sizes; -1 or the same length keeps
// an axis and its stride, a length-1 axis stretched to another length and
// each new leading axis longer than 1 get stride 0, a new leading axis of
// length 1 the stride of the next axis times its length (1 when last); the
// result views the source's storage.
// Then is_contiguous() is NumPy's C flag of those strides, and reshape({-1})
// is a view exactly when NumPy's no-copy reshape succeeds. Prints one line
// per case and exits 1 when a result breaks the rule. Not part of the corpus
// (libcheck.py reads only the files directly in tests/libcheck/torch/); run
// by hand:
//
//   g++ -std=c++17 expand_layout.cpp -o expand_layout \
//       -I/usr/include/torch/csrc/api/include -ltorch -ltorch_cpu -lc10
//   ./expand_layout
//
#include <ATen/ATen.h>
#include <iostream>
#include <string>
#include <vector>

struct Case {
  std::string name;
  at::Tensor source;
  std::vector<int64_t> sizes;
};

int main() {
  at::Tensor m = at::arange(6 * 8, at::kFloat).reshape({6, 8});
  std::vector<Case> cases = {
      {"row64->32x64", at::arange(64, at::kFloat), {32, 64}},
      {"col32x1->-1x64", at::arange(32, at::kFloat).reshape({32, 1}), {-1, 64}},
      {"1x64->1x64", at::arange(64, at::kFloat).reshape({1, 64}), {1, 64}},
      {"64->1x64", at::arange(64, at::kFloat), {1, 64}},
      {"6x8->6x8", m, {6, 8}},
      {"6x8->3x6x8", m, {3, 6, 8}},
      {"T8x6->2x8x6", m.t(), {2, 8, 6}},
      {"col6x1->6x5", m.slice(1, 0, 1), {6, 5}},
      {"1x1->4x1", at::zeros({1, 1}), {4, 1}},
  };
  int broken = 0;
  for (const Case& c : cases) {
    at::Tensor e = c.source.expand(c.sizes);
    // The model's strides.
    const int64_t n = static_cast<int64_t>(c.sizes.size());
    const int64_t lead = n - c.source.dim();
    std::vector<int64_t> strides(n), dims(n);
    for (int64_t i = n - 1; i >= 0; --i) {
      bool added = i < lead;
      int64_t len = added ? 1 : c.source.size(i - lead);
      int64_t st = !added ? c.source.stride(i - lead)
                   : i + 1 < n ? dims[i + 1] * strides[i + 1] : 1;
      if (c.sizes[i] != -1 && c.sizes[i] != len) st = 0;
      dims[i] = c.sizes[i] == -1 ? len : c.sizes[i];
      strides[i] = st;
    }
    // NumPy's C flag of those strides: axes of length 1 are ignored.
    bool c_flag = true;
    int64_t expected = 1;
    for (int64_t i = static_cast<int64_t>(dims.size()) - 1; i >= 0; --i) {
      if (dims[i] == 0) { c_flag = true; break; }
      if (dims[i] != 1) {
        if (strides[i] != expected) c_flag = false;
        expected *= dims[i];
      }
    }
    bool threw = false;
    try {
      (void)e.view({-1});
    } catch (const c10::Error&) {
      threw = true;
    }
    at::Tensor r = e.reshape({-1});
    bool shares = r.data_ptr() == e.data_ptr() && r.storage().is_alias_of(e.storage());
    bool ok = e.sizes() == at::IntArrayRef(dims) &&
              e.strides() == at::IntArrayRef(strides) &&
              e.is_contiguous() == c_flag &&
              e.storage().is_alias_of(c.source.storage()) &&
              shares == !threw;
    std::cout << c.name << " sizes=" << e.sizes() << " strides=" << e.strides()
              << " C=" << e.is_contiguous() << " view(-1) "
              << (threw ? "throws" : "ok") << " reshape(-1) "
              << (shares ? "view" : "copy") << (ok ? "" : "  BROKEN") << "\n";
    broken += !ok;
  }
  std::cout << (broken ? "BROKEN " : "ok ") << broken << "\n";
  return broken ? 1 : 0;
}
