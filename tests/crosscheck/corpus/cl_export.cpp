// Pattern: an array exported element by element into a std::vector, where
// to_vector() copies it in bulk; and the costly variant, where every element
// is read through a copy made for it (the copy is what the runtime sees).
#include "print.hpp"

#include <vector>

int main() {
  auto a = nd::arange<double>(2048);
  std::vector<double> v;
  for (int i = 0; i < a.size(); ++i) // EXPECT: ndarray-copy-in-loop
    v.push_back(a(i));
  auto b = nd::arange<double>(1024).reshape({32, 32});
  std::vector<double> w;
  for (int i = 0; i < b.size(); ++i)
    w.push_back(b.T().ravel()(i)); // EXPECT: ndarray-copy-in-loop RUNS: 1024
  double total = 0;
  for (std::size_t i = 0; i < v.size(); ++i)
    total += v[i] * static_cast<double>(i % 5);
  for (std::size_t i = 0; i < w.size(); ++i)
    total += w[i] * static_cast<double>(i % 3);
  print_value("total", total);
}
