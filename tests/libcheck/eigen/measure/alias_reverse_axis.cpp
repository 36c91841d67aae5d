// Measures `a = a.colwise().reverse()` and `a = a.rowwise().reverse()` (and
// `+=`) in Eigen 3.4 (ndarray-aliasing): each result compared with the one
// computed from `.eval()` of the right side. Build and run twice
// (docs/checks/ndarray-aliasing.md, "Measurements"):
//   clang++ -std=c++20 -I/usr/include/eigen3 -O0 -g alias_reverse_axis.cpp
//   clang++ -std=c++20 -I/usr/include/eigen3 -O2 -DNDEBUG alias_reverse_axis.cpp
// (add -mavx2 for wider packets).
#include <Eigen/Dense>
#include <cstdio>

using namespace Eigen;

template <class M> bool differ(const M &a, const M &b) {
  return (a - b).cwiseAbs().maxCoeff() != 0;
}

template <class M> M filled(int R, int C) {
  M a(R, C);
  for (int k = 0; k < R * C; ++k)
    a.data()[k] = typename M::Scalar(k * k + 1);
  return a;
}

template <class M> void run(const char *Name, int R, int C) {
  M a = filled<M>(R, C), b = a, c = a, d = a;
  const M e1 = a.colwise().reverse().eval(), e2 = a.rowwise().reverse().eval();
  const M e3 = c + c.colwise().reverse().eval(),
          e4 = d + d.rowwise().reverse().eval();
  a = a.colwise().reverse();
  b = b.rowwise().reverse();
  c += c.colwise().reverse();
  d += d.rowwise().reverse();
  std::printf("%-12s %2dx%-2d  colwise: = %s += %s   rowwise: = %s += %s\n",
              Name, R, C, differ(a, e1) ? "wrong" : "right",
              differ(c, e3) ? "wrong" : "right",
              differ(b, e2) ? "wrong" : "right",
              differ(d, e4) ? "wrong" : "right");
}

int main() {
#ifdef NDEBUG
  std::puts("== -O2 -DNDEBUG ==");
#else
  std::puts("== debug ==");
#endif
  const int S[][2] = {{1, 1}, {1, 2}, {2, 1}, {2, 2}, {1, 3}, {3, 1},
                      {2, 3}, {3, 2}, {3, 3}, {4, 4}, {4, 1}, {1, 4},
                      {5, 5}, {8, 8}, {9, 3}, {3, 9}, {16, 2}, {2, 16}};
  for (const auto &s : S) {
    run<MatrixXd>("MatrixXd", s[0], s[1]);
    run<MatrixXf>("MatrixXf", s[0], s[1]);
    run<Matrix<double, Dynamic, Dynamic, RowMajor>>("RowMajor", s[0], s[1]);
    run<ArrayXXd>("ArrayXXd", s[0], s[1]);
  }
  run<Matrix<double, 4, 3>>("Matrix<4,3>", 4, 3);
  run<Matrix3d>("Matrix3d", 3, 3);
  return 0;
}
