// The layout of to() and its relatives, as the torch model states it
// (checker/model/TorchLibraryModel.cpp, K::Convert): the tensor itself when
// dtype and device already match, else a new tensor; either way of the
// source's shape, C-contiguous when the source is, F-contiguous when the
// source is. Prints one line per (input, operation) and exits 1 when a
// result breaks that rule. Not part of the corpus (libcheck.py reads only
// the files directly in tests/libcheck/torch/); run by hand:
//
//   g++ -std=c++17 convert_layout.cpp -o convert_layout \
//       -I/usr/include/torch/csrc/api/include -ltorch -ltorch_cpu -lc10
//   ./convert_layout
//
#include <ATen/ATen.h>
#include <functional>
#include <iostream>
#include <string>
#include <vector>
using at::Tensor;
static bool fcontig(const Tensor& t) {
  // NumPy's F flag: the reversed-axes view is C-contiguous.
  std::vector<int64_t> p(t.dim());
  for (int i = 0; i < t.dim(); ++i) p[i] = t.dim() - 1 - i;
  return t.permute(p).is_contiguous();
}
int main() {
  Tensor base = at::arange(6 * 8, at::kFloat).reshape({6, 8});
  Tensor b3 = at::arange(2 * 3 * 4, at::kFloat).reshape({2, 3, 4});
  Tensor like = at::zeros({2}, at::kDouble);
  std::vector<std::pair<std::string, Tensor>> inputs = {
      {"C", base}, {"T", base.t()}, {"perm3", b3.permute({2, 0, 1})},
      {"F3", b3.permute({2, 1, 0})}, {"rowstep", base.slice(0, 0, 6, 2)},
      {"colstep", base.slice(1, 0, 8, 2)},
      {"longT", at::arange(12).reshape({3, 4}).t()},
      {"1xN.t", at::arange(5, at::kFloat).reshape({1, 5}).t()},
      {"0x3.t", at::zeros({0, 3}).t()}};
  std::vector<std::pair<std::string, std::function<Tensor(const Tensor&)>>> ops = {
      {"to(kFloat)", [](const Tensor& a) { return a.to(at::kFloat); }},
      {"to(kDouble)", [](const Tensor& a) { return a.to(at::kDouble); }},
      {"to(kCPU,kDouble)", [](const Tensor& a) { return a.to(at::kCPU, at::kDouble); }},
      {"to(like)", [&](const Tensor& a) { return a.to(like); }},
      {"to(kDouble,copy)", [](const Tensor& a) { return a.to(at::kDouble, false, true); }},
      {"toType(kDouble)", [](const Tensor& a) { return a.toType(at::kDouble); }},
      {"type_as(like)", [&](const Tensor& a) { return a.type_as(like); }},
      {"cpu()", [](const Tensor& a) { return a.cpu(); }},
  };
  int broken = 0;
  for (auto& [iname, in] : inputs) {
    for (auto& [oname, op] : ops) {
      Tensor r = op(in);
      bool same = r.is_same(in);
      std::cout << iname << " " << oname << " inC=" << in.is_contiguous()
                << " inF=" << fcontig(in) << " C=" << r.is_contiguous()
                << " F=" << fcontig(r) << " itself=" << same
                << " strides=" << r.strides() << " dtype=" << r.dtype() << "\n";
      bool ok = r.sizes() == in.sizes() &&
                (same || r.scalar_type() != in.scalar_type() ||
                 oname == "to(kDouble,copy)") &&
                (!in.is_contiguous() || r.is_contiguous()) &&
                (in.is_contiguous() || !fcontig(in) || fcontig(r));
      if (!ok) {
        std::cout << "  ^ breaks the model's rule\n";
        ++broken;
      }
    }
  }
  std::cout << broken << " results break the rule\n";
  return broken ? 1 : 0;
}
