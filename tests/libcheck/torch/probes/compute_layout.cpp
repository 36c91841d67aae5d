// The layout of element-wise arithmetic results, as the torch model states
// it (checker/model/TorchLibraryModel.cpp, K::Compute): a new tensor of the
// source's shape, C-contiguous when the source is, F-contiguous when the
// source is. Prints one line per (input, operation) and exits 1 when a
// result breaks that rule. Not part of the corpus (libcheck.py reads only
// the files directly in tests/libcheck/torch/); run by hand:
//
//   g++ -std=c++17 compute_layout.cpp -o compute_layout \
//       -I/usr/include/torch/csrc/api/include -ltorch -ltorch_cpu -lc10
//   ./compute_layout
//
#include <ATen/ATen.h>
#include <iostream>
#include <functional>
#include <vector>
#include <string>
using at::Tensor;
static bool fcontig(const Tensor& t) {
  // NumPy's F flag: reversed-axes view is C-contiguous
  std::vector<int64_t> p(t.dim()); for (int i = 0; i < t.dim(); ++i) p[i] = t.dim() - 1 - i;
  return t.permute(p).is_contiguous();
}
int main() {
  Tensor base = at::arange(6 * 8, at::kFloat).reshape({6, 8});
  Tensor b3 = at::arange(2 * 3 * 4, at::kFloat).reshape({2, 3, 4});
  std::vector<std::pair<std::string, Tensor>> inputs = {
      {"C", base}, {"T", base.t()}, {"perm3", b3.permute({2, 0, 1})},
      {"F3", b3.permute({2, 1, 0})}, {"rowstep", base.slice(0, 0, 6, 2)},
      {"colstep", base.slice(1, 0, 8, 2)}, {"Tstep", base.t().slice(1, 0, 6, 2)},
      {"long", at::arange(12).reshape({3, 4})}, {"longT", at::arange(12).reshape({3, 4}).t()},
      {"1xN.t", at::arange(5, at::kFloat).reshape({1, 5}).t()}};
  std::vector<std::pair<std::string, std::function<Tensor(const Tensor&)>>> ops = {
      {"div", [](const Tensor& a) { return a.div(255); }},
      {"sqrt", [](const Tensor& a) { return a.sqrt(); }},
      {"/", [](const Tensor& a) { return a / 2; }},
      {"*", [](const Tensor& a) { return a * 2.5; }},
      {"+", [](const Tensor& a) { return a + 1; }},
      {"-s", [](const Tensor& a) { return a - 1; }},
      {"neg-", [](const Tensor& a) { return -a; }},
      {"at::exp", [](const Tensor& a) { return at::exp(a); }},
      {"mul", [](const Tensor& a) { return a.mul(2); }},
      {"add", [](const Tensor& a) { return a.add(1); }},
      {"sub", [](const Tensor& a) { return a.sub(1); }},
      {"clamp", [](const Tensor& a) { return a.clamp(0, 1); }},
      {"relu", [](const Tensor& a) { return a.relu(); }},
      {"neg", [](const Tensor& a) { return a.neg(); }},
      {"pow", [](const Tensor& a) { return a.pow(2); }},
      {"sigmoid", [](const Tensor& a) { return a.sigmoid(); }},
      {"tanh", [](const Tensor& a) { return a.tanh(); }},
      {"abs", [](const Tensor& a) { return a.abs(); }},
      {"log", [](const Tensor& a) { return a.log(); }},
      {"exp", [](const Tensor& a) { return a.exp(); }},
  };
  int broken = 0;
  for (auto& [iname, in] : inputs) {
    for (auto& [oname, op] : ops) {
      Tensor r = op(in);
      bool fresh = r.data_ptr() != in.data_ptr() && !r.is_alias_of(in);
      std::cout << iname << " " << oname << " inC=" << in.is_contiguous() << " inF=" << fcontig(in)
                << " C=" << r.is_contiguous() << " F=" << fcontig(r) << " fresh=" << fresh
                << " sizes_same=" << (r.sizes() == in.sizes()) << " strides=" << r.strides()
                << " dtype=" << r.dtype() << "\n";
      bool ok = fresh && r.sizes() == in.sizes() &&
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
