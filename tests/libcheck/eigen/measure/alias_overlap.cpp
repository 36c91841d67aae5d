// Measures overlapping block copies in Eigen 3.4 (ndarray-aliasing): every
// placement of two equal blocks of one object, assigned with `=` (and `+=`),
// compared with the result computed from `.eval()` of the right side.
// Build and run twice (docs/checks/ndarray-aliasing.md, "Measurements"):
//   clang++ -std=c++20 -I/usr/include/eigen3 -O0 -g alias_overlap.cpp
//   clang++ -std=c++20 -I/usr/include/eigen3 -O2 -DNDEBUG alias_overlap.cpp
// (add -mavx2 or -mavx512f for wider packets). Each line counts the
// placements of one class and how many came out wrong; the classes are the
// rule ndarray-aliasing applies (shift of the destination's start relative
// to the source's, in the destination's storage order).
#include <Eigen/Dense>
#include <cstdio>
#include <map>
#include <string>

using namespace Eigen;

struct Tally {
  int Cases = 0, Wrong = 0;
  int MinWrongLen = 1 << 30, MaxRightLen = 0; // copied elements per slice
};
static std::map<std::string, Tally> Table;

static void note(const std::string &Class, bool Wrong, int SliceLen) {
  Tally &T = Table[Class];
  ++T.Cases;
  if (Wrong) {
    ++T.Wrong;
    T.MinWrongLen = std::min(T.MinWrongLen, SliceLen);
  } else {
    T.MaxRightLen = std::max(T.MaxRightLen, SliceLen);
  }
}

// 1-D: v.segment(i, n) = v.segment(j, n) (and +=), all overlapping i != j.
template <class V> void vectors(const char *Name, int N, bool Compound) {
  for (int n = 1; n <= N; ++n)
    for (int i = 0; i + n <= N; ++i)
      for (int j = 0; j + n <= N; ++j) {
        if (i == j || i >= j + n || j >= i + n)
          continue;
        V v(N);
        for (int k = 0; k < N; ++k)
          v(k) = typename V::Scalar(k * k + 1);
        V e = v;
        if (Compound) {
          e.segment(i, n) += v.segment(j, n).eval();
          v.segment(i, n) += v.segment(j, n);
        } else {
          e.segment(i, n) = v.segment(j, n).eval();
          v.segment(i, n) = v.segment(j, n);
        }
        bool Wrong = (v.matrix() - e.matrix()).cwiseAbs().maxCoeff() != 0;
        std::string C = std::string(Name) + (Compound ? " +=" : " =") +
                        (i > j ? " dst after src" : " dst before src");
        note(C, Wrong, n);
      }
}

// 2-D: a.block(r, c, h, w) = a.block(r2, c2, h, w), all overlapping
// placements; the class is the shift in the storage order (outer, inner).
template <class M>
void matrices(const char *Name, int R, int C, bool Compound = false) {
  const bool RowMajor = M::IsRowMajor;
  for (int h = 1; h <= R; ++h)
    for (int w = 1; w <= C; ++w)
      for (int r = 0; r + h <= R; ++r)
        for (int c = 0; c + w <= C; ++c)
          for (int r2 = 0; r2 + h <= R; ++r2)
            for (int c2 = 0; c2 + w <= C; ++c2) {
              int dr = r - r2, dc = c - c2;
              if ((dr == 0 && dc == 0) || std::abs(dr) >= h ||
                  std::abs(dc) >= w)
                continue;
              M a(R, C);
              for (int k = 0; k < R * C; ++k)
                a.data()[k] = k * k + 1;
              M e = a;
              if (Compound) {
                e.block(r, c, h, w) += a.block(r2, c2, h, w).eval();
                a.block(r, c, h, w) += a.block(r2, c2, h, w);
              } else {
                e.block(r, c, h, w) = a.block(r2, c2, h, w).eval();
                a.block(r, c, h, w) = a.block(r2, c2, h, w);
              }
              bool Wrong = (a.matrix() - e.matrix()).cwiseAbs().maxCoeff() != 0;
              int Outer = RowMajor ? dr : dc, Inner = RowMajor ? dc : dr;
              int SliceLen = RowMajor ? w : h;
              std::string Cl = std::string(Name) + (Compound ? " +=" : "") +
                               (Outer > 0   ? " outer shift > 0"
                                : Outer < 0 ? " outer shift < 0"
                                : Inner > 0 ? " outer 0, inner shift > 0"
                                            : " outer 0, inner shift < 0");
              note(Cl, Wrong, SliceLen);
            }
}

int main() {
#ifdef NDEBUG
  std::puts("== -O2 -DNDEBUG ==");
#else
  std::puts("== debug ==");
#endif
  vectors<VectorXd>("VectorXd(12) segment", 12, false);
  vectors<VectorXd>("VectorXd(12) segment", 12, true);
  vectors<VectorXf>("VectorXf(20) segment", 20, false);
  vectors<Matrix<double, 9, 1>>("Matrix<double,9,1> segment", 9, false);
  vectors<RowVectorXd>("RowVectorXd(9) segment", 9, false);
  vectors<ArrayXd>("ArrayXd(9) segment", 9, false);
  matrices<MatrixXd>("MatrixXd 5x5 block", 5, 5);
  matrices<MatrixXd>("MatrixXd 5x5 block", 5, 5, true);
  matrices<MatrixXd>("MatrixXd 6x3 block", 6, 3);
  matrices<Matrix4d>("Matrix4d block", 4, 4);
  matrices<Matrix<double, Dynamic, Dynamic, RowMajor>>(
      "MatrixXd RowMajor 5x5 block", 5, 5);
  matrices<MatrixXf>("MatrixXf 9x4 block", 9, 4);
  matrices<ArrayXXd>("ArrayXXd 5x4 block", 5, 4);
  for (auto &[Class, T] : Table) {
    std::printf("%-48s cases %5d wrong %5d", Class.c_str(), T.Cases, T.Wrong);
    if (T.Wrong)
      std::printf("  shortest wrong slice %d", T.MinWrongLen);
    if (T.Wrong < T.Cases)
      std::printf("  longest right slice %d", T.MaxRightLen);
    std::puts("");
  }
  return 0;
}
