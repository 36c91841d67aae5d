// print.hpp: deterministic output for the OpenCV cross-check corpus.
//
//   print("roi", roi);   // roi size=8x4 type=5 sum=... weighted=... first=[...]
//   double before = checksum(a);
//   a.row(0) = a.row(3);   // the write under test
//   written(__LINE__ - 1, before, a);   // "write L12: lost" or "write L12: reached"
//
// Reads the elements through ptr(): printing never allocates a Mat, so it
// adds nothing to a program's allocation trace.
#pragma once

#include <opencv2/core.hpp>

#include <vector>

#include "../summary.hpp"

inline std::vector<double> values_of(const cv::Mat& m) {
  std::vector<double> out;
  const int n = m.cols * m.channels();
  for (int r = 0; r < m.rows; ++r) {
    const uchar* row = m.ptr(r);
    for (int i = 0; i < n; ++i) {
      switch (m.depth()) {
        case CV_8U: out.push_back(row[i]); break;
        case CV_8S: out.push_back(reinterpret_cast<const schar*>(row)[i]); break;
        case CV_16U: out.push_back(reinterpret_cast<const ushort*>(row)[i]); break;
        case CV_16S: out.push_back(reinterpret_cast<const short*>(row)[i]); break;
        case CV_32S: out.push_back(reinterpret_cast<const int*>(row)[i]); break;
        case CV_32F: out.push_back(reinterpret_cast<const float*>(row)[i]); break;
        case CV_64F: out.push_back(reinterpret_cast<const double*>(row)[i]); break;
        default: out.push_back(0);
      }
    }
  }
  return out;
}

inline double checksum(const cv::Mat& m) { return weighted_sum(values_of(m)); }

inline void print(const char* name, const cv::Mat& m) {
  print_summary(name, "size=" + std::to_string(m.rows) + "x" + std::to_string(m.cols) +
                          " type=" + std::to_string(m.type()), values_of(m));
}

// After a write on line `line`: did it reach `source`?
inline void written(int line, double before, const cv::Mat& source) {
  print_write(line, before, checksum(source));
}
