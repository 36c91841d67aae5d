// Duplicating a scan line: Mat::operator=(const Mat&) on the temporary header
// returned by row() only rebinds that header (mat.hpp: "will not work").
// The fix is row(j).copyTo(row(i)).
#include "print.hpp"

int main() {
  cv::Mat scan(32, 48, CV_32F);
  cv::randu(scan, 0, 1);
  double before = checksum(scan);
  scan.row(0) = scan.row(3); // EXPECT: ndarray-write-to-copy
  written(__LINE__ - 1, before, scan);
  double again = checksum(scan);
  scan.row(7).copyTo(scan.row(1)); // EXPECT-NOT: ndarray-write-to-copy, ndarray-hidden-copy
  written(__LINE__ - 1, again, scan);
}
