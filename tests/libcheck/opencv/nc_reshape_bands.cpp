// Reshapes that OpenCV accepts: full-width ROIs and single rows are
// continuous, a column of a one-column Mat too, and a channels-only reshape
// of a crop needs no continuity.
#include "print.hpp"

int main() {
  cv::Mat image(16, 12, CV_8UC3, cv::Scalar(10, 20, 30));
  cv::Mat stripe = image(cv::Rect(0, 4, 12, 3));
  cv::Mat stripe_row = stripe.reshape(1, 1); // EXPECT-NOT: ndarray-impossible-view
  print("stripe_row", stripe_row);
  cv::Mat line = image.row(7).reshape(3, 2); // EXPECT-NOT: ndarray-impossible-view
  print("line", line);
  cv::Mat crop = image(cv::Range(2, 10), cv::Range(3, 9));
  cv::Mat planes = crop.reshape(1); // EXPECT-NOT: ndarray-impossible-view
  print("planes", planes);
  cv::Mat same_rows = crop.reshape(1, 8); // EXPECT-NOT: ndarray-impossible-view
  print("same_rows", same_rows);
  cv::Mat gains(24, 1, CV_64F, cv::Scalar(0.5));
  cv::Mat gains_row = gains.col(0).reshape(1, 1); // EXPECT-NOT: ndarray-impossible-view
  print("gains_row", gains_row);
}
