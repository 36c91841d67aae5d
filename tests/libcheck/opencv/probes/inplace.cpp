// The OpenCV functions the model lists as in-place writes through their
// InputOutputArray (checker/model/OpenCVLibraryModel.cpp: randu, randn,
// randShuffle, setIdentity): each keeps the Mat's data pointer, type, size
// and continuity, on whole Mats, column ranges and single columns of four
// types. Prints how many of those changed and exits 1 if any did. Not part
// of the corpus (libcheck.py reads only the files directly in
// tests/libcheck/opencv/); run by hand:
//
//   g++ -std=c++17 inplace.cpp -o inplace -I/usr/include/opencv4 -lopencv_core
//   ./inplace
//
#include <opencv2/core.hpp>
#include <iostream>
int main() {
  int bad = 0;
  for (int type : {CV_8U, CV_32F, CV_64FC3, CV_16S}) {
    cv::Mat base(40, 30, type);
    for (int v = 0; v < 3; ++v) {
      cv::Mat m = v == 0 ? base : v == 1 ? base.colRange(3, 20) : base.rowRange(0, 40).col(2);
      const uchar* data = m.data; int t = m.type(); cv::Size s = m.size(); bool cont = m.isContinuous();
      const uchar* bdata = base.data;
      cv::randu(m, 0, 100); bad += m.data != data || m.type() != t || m.size() != s || m.isContinuous() != cont || base.data != bdata;
      cv::randn(m, 0, 10); bad += m.data != data || m.type() != t || m.size() != s || m.isContinuous() != cont;
      cv::randShuffle(m); bad += m.data != data || m.type() != t || m.size() != s;
      if (m.channels() == 1) { cv::setIdentity(m, cv::Scalar(2)); bad += m.data != data || m.type() != t || m.size() != s; }
    }
  }
  std::cout << "changed: " << bad << "\n";
  try { cv::Mat e; cv::randu(e, 0, 1); std::cout << "randu on empty: size " << e.size() << " type " << e.type() << "\n"; } catch (const cv::Exception& ex) { std::cout << "randu on empty throws\n"; }
  return bad != 0;
}
