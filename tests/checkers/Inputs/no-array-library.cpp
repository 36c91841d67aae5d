// A translation unit that includes no array library: checked first in
// ndarray-unnecessary-copy-eigen.cpp's two-file run, so that what the checks
// learn about one TU's libraries must not carry over to the next.
int twice(int x) { return 2 * x; }
