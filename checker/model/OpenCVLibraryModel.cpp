//===--- OpenCVLibraryModel.cpp - OpenCV's cv::Mat as data ----------------===//
//
// OpenCV 4.6 as Debian 12 ships it (libopencv-core-dev). Each row was
// measured against the real library (a counting cv::MatAllocator,
// write-through; see docs/libraries/opencv.md and tests/libcheck/).
//
// cv::Mat is a handle like nd::array: copies of it share the data, clone()
// makes a continuous copy, and row/col/rowRange/colRange/ROIs are views.
// Its own trap is assignment: `Mat::operator=(const Mat&)` rebinds the
// header it is called on, so on the temporary header that `a.row(i)`
// returns it writes nothing (mat.hpp: "A.row(i) = A.row(j); // will not
// work"), while `= Scalar` and `= MatExpr` write into the view.
//
// A Mat is a 2-D array of elements of elemSize() bytes (channels inside the
// element); isContinuous() is NumPy's C flag of that array (OpenCV's
// updateContinuityFlag skips length-1 axes like NumPy's flags do). Mats
// built from constant sizes (`Mat(rows, cols, type)`, `Mat::zeros(...)`)
// get their extents, and row/col/rowRange/colRange/ROI views their exact
// geometry, so reshape(cn, rows) of a view that is not continuous is known
// to throw.
//
// copyTo/convertTo reallocate their destination when its size or type
// differs, so a view passed there is no longer written (opencv #14179).
//
// Element types are OpenCV's type codes (CV_8UC3): a Mat built with a
// constant code has it, views keep it, and convertTo(dst, rtype) produces
// rtype's depth with the source's channels.
//
// MatExpr results: only t() converted to a Mat (a new buffer). A Mat
// converted to a Mat_<T> of another depth is a new buffer (convertTo); the
// Mat_<T> objects themselves are not tracked. Not modelled: Mat(Size, type)
// and n-D constructors, other MatExpr results (inv(), arithmetic).
//
//===----------------------------------------------------------------------===//

#include "model/ArrayModel.h"

namespace clang::tidy::ndarray {
namespace {

using K = ArrayOpKind;
using O = MemoryOrder;
using S = ResultShape;
using P = PermuteStyle;
using L = ResultLayout;
using W = CallCondition;
using I = IndexSpelling;
constexpr CopyMode IfNeeded = CopyMode::IfNeeded;

constexpr bool Member = true;
constexpr int NoParam = -1;

// Parameter indices count the callee's declared parameters.
const ArrayApiEntry OpenCVApi[] = {
    // Name        Member  Kind              Order Fixed  Shape    Converts Shape CopyMode Permutation Layout Inputs Axis FixedCopyMode When
    {"clone",      Member, K::Copy,          -1,  O::C, S::Same,  false},
    {"row",        Member, K::Slice,         -1,  O::K, S::Other, false, NoParam, NoParam, P::None, L::FromOrder, NoParam, NoParam, IfNeeded, W::Always, I::RowIndex},
    {"col",        Member, K::Slice,         -1,  O::K, S::Other, false, NoParam, NoParam, P::None, L::FromOrder, NoParam, NoParam, IfNeeded, W::Always, I::ColIndex},
    {"rowRange",   Member, K::Slice,         -1,  O::K, S::Other, false, NoParam, NoParam, P::None, L::FromOrder, NoParam, NoParam, IfNeeded, W::Always, I::RowRange},
    {"colRange",   Member, K::Slice,         -1,  O::K, S::Other, false, NoParam, NoParam, P::None, L::FromOrder, NoParam, NoParam, IfNeeded, W::Always, I::ColRange},
    {"diag",       Member, K::Slice,         -1,  O::K, S::Other, false},
    {"operator()", Member, K::Slice,         -1,  O::K, S::Other, false, NoParam, NoParam, P::None, L::FromOrder, NoParam, NoParam, IfNeeded, W::Always, I::PerAxis},
    // reshape(cn, rows) with a new row count: a view of a continuous Mat;
    // on any other it throws ("The matrix is not continuous, thus its
    // number of rows can not be changed"). reshape(cn) alone is not listed.
    {"reshape",    Member, K::Reshape,       -1,  O::C, S::Other, false, NoParam, NoParam, P::None, L::FromOrder, NoParam, NoParam, CopyMode::Never, W::NonZeroArgument, I::None, /*ViewNeedsContiguous=*/true, /*ConditionParam=*/1},
    {"at",         Member, K::ElementAccess, -1,  O::K, S::Other, false},
    // `view = other`: rebinds a temporary header, writes nothing.
    {"operator=",  Member, K::Rebind,        -1,  O::K, S::Same,  false, NoParam, NoParam, P::None, L::FromOrder, NoParam, NoParam, CopyMode::IfNeeded, W::TemporaryObject},
    // `view = Scalar`, `view = MatExpr`, setTo(): write into the view.
    {"operator=",  Member, K::Fill,          -1,  O::K, S::Same,  false, NoParam, NoParam, P::None, L::FromOrder, NoParam, NoParam, CopyMode::IfNeeded, W::TemporaryObject},
    {"setTo",      Member, K::Fill,          -1,  O::K, S::Same,  false},
    // Free functions writing every element of their InputOutputArray in
    // place, never reallocating it (measured: data, type, size and
    // continuity unchanged on Mats, column ranges and columns; randu of an
    // empty Mat throws).
    {"randu",       !Member, K::Fill,        -1,  O::K, S::Same,  false},
    {"randn",       !Member, K::Fill,        -1,  O::K, S::Same,  false},
    {"randShuffle", !Member, K::Fill,        -1,  O::K, S::Same,  false},
    {"setIdentity", !Member, K::Fill,        -1,  O::K, S::Same,  false},
    // src.copyTo(dst[, mask]), src.convertTo(dst, rtype[, alpha, beta]):
    // dst.create(src.size(), type) first, which reallocates dst unless its
    // size and type already match.
    {"copyTo",     Member, K::CopyInto,      -1,  O::K, S::Same,  false, NoParam, NoParam, P::None, L::FromOrder, NoParam, NoParam, IfNeeded, W::Always, I::None, false, NoParam, /*OutputParam=*/0},
    // convertTo's result: the depth of rtype with the source's channels;
    // rtype < 0: the source's type (measured: a CV_8UC3 source converted
    // with CV_32FC1 gives CV_32FC3).
    // cv::transpose(src, dst): dst.create(src.cols, src.rows, type) first,
    // like copyTo; dst is then written with src transposed.
    {"transpose",  !Member, K::CopyInto,     -1,  O::K, S::Other, false, NoParam, NoParam, P::Reverse, L::FromOrder, NoParam, NoParam, IfNeeded, W::Always, I::None, false, NoParam, /*OutputParam=*/1},
    // `cv::Mat b = a.t();`: the MatExpr t() returns, converted to a Mat, is
    // evaluated into a new C-ordered buffer (MatOp_T::assign calls
    // cv::transpose into the fresh Mat), whatever the source's shape
    // (measured: a 1x40 source too). Used in arithmetic (`a.t() * b`) it
    // is a gemm flag, not a copy: there the entry does not apply.
    {"t",          Member, K::Copy,          -1,  O::C, S::Other, false, NoParam, NoParam, P::Reverse},
    {"convertTo",  Member, K::CopyInto,      -1,  O::K, S::Same,  true,  NoParam, NoParam, P::None, L::FromOrder, NoParam, NoParam, IfNeeded, W::Always, I::None, false, NoParam, /*OutputParam=*/0, /*ResultTypeParam=*/1},
};

// Members that only read a Mat's shape or values.
const QueryMethod OpenCVQueries[] = {
    {"total", false, QueryMethod::ElementCount}, {"type", false},     {"depth", false},
    {"channels", false}, {"empty", false}, {"elemSize", false},
    {"dot", true},
};

// Mat(rows, cols, type[, value]) and Mat::zeros/ones/eye(rows, cols, type).
const Construction OpenCVConstructions[] = {
    {"", 2, 2}, {"zeros", 2, 2}, {"ones", 2, 2}, {"eye", 2, 2}};
// CV_8U, CV_8S, CV_16U, CV_16S, CV_32S, CV_32F, CV_64F, CV_16F; CV_CN_SHIFT.
const uint8_t OpenCVDepthBytes[] = {1, 1, 2, 2, 4, 4, 8, 2};
const llvm::StringRef OpenCVDepthNames[] = {"CV_8U",  "CV_8S",  "CV_16U",
                                            "CV_16S", "CV_32S", "CV_32F",
                                            "CV_64F", "CV_16F"};

// /usr/include/opencv4/opencv2/...
const llvm::StringRef OpenCVHeaderDirectories[] = {"opencv2"};
// cv::InputArray (= const _InputArray&): a function's read-only input.
const llvm::StringRef OpenCVReadOnlyProxies[] = {"::cv::_InputArray"};
// cv::InputOutputArray (= const _InputOutputArray&): written by the call.
const llvm::StringRef OpenCVInPlaceProxies[] = {"::cv::_InputOutputArray"};

// Fields are set by name: a field added to LibraryModel cannot shift the
// ones after it.
LibraryModel makeOpenCVModel() {
  LibraryModel M{};
  M.Name = "cv";
  M.ArrayClass = "::cv::Mat";
  M.Namespace = "::cv";
  M.Api = OpenCVApi;
  M.Index.RangeClass = "::cv::Range";
  M.Index.RangeAll = "::cv::Range::all";
  M.Index.RegionClass = "::cv::Rect_";
  // create(), reshape in place (a = a.reshape()) and release() change a
  // handle; other handles keep the old header.
  M.SharedMetadataMutable = false;
  M.Queries = OpenCVQueries;
  M.HeaderDirectories = OpenCVHeaderDirectories;
  M.IndependentCopy = "clone()";
  M.CopyInto = "copyTo";
  M.ReadOnlyProxies = OpenCVReadOnlyProxies;
  M.InPlaceProxies = OpenCVInPlaceProxies;
  M.Constructions = OpenCVConstructions;
  M.TypeCodes = {OpenCVDepthBytes, /*ChannelShift=*/3, OpenCVDepthNames,
                 /*ChannelBits=*/9};
  M.ContiguityQuery = "isContinuous()";
  M.DefaultIsEmpty = true;
  M.LazyResultClass = "::cv::MatExpr";
  M.TypedArray = {"::cv::Mat_", "::cv::traits::Type", "value"};
  return M;
}

} // namespace

const LibraryModel &opencvLibraryModel() {
  static const LibraryModel Model = makeOpenCVModel();
  return Model;
}

} // namespace clang::tidy::ndarray
