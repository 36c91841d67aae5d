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
// Not modelled: constructors (a Mat built from a size has an unknown layout
// here), reshape (never copies; throws on a non-continuous Mat when the row
// count changes), copyTo/convertTo into views of another size or type,
// MatExpr results (t(), inv(), arithmetic), Mat_<T> conversions.
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

constexpr bool Member = true;
constexpr int NoParam = -1;

// Parameter indices count the callee's declared parameters.
const ArrayApiEntry OpenCVApi[] = {
    // Name        Member  Kind              Order Fixed  Shape    Converts Shape CopyMode Permutation Layout Inputs Axis FixedCopyMode When
    {"clone",      Member, K::Copy,          -1,  O::C, S::Same,  false},
    {"row",        Member, K::Slice,         -1,  O::K, S::Other, false},
    {"col",        Member, K::Slice,         -1,  O::K, S::Other, false},
    {"rowRange",   Member, K::Slice,         -1,  O::K, S::Other, false},
    {"colRange",   Member, K::Slice,         -1,  O::K, S::Other, false},
    {"diag",       Member, K::Slice,         -1,  O::K, S::Other, false},
    {"operator()", Member, K::Slice,         -1,  O::K, S::Other, false},
    {"at",         Member, K::ElementAccess, -1,  O::K, S::Other, false},
    // `view = other`: rebinds a temporary header, writes nothing.
    {"operator=",  Member, K::Rebind,        -1,  O::K, S::Same,  false, NoParam, NoParam, P::None, L::FromOrder, NoParam, NoParam, CopyMode::IfNeeded, W::TemporaryObject},
    // `view = Scalar`, `view = MatExpr`, setTo(): write into the view.
    {"operator=",  Member, K::Fill,          -1,  O::K, S::Same,  false, NoParam, NoParam, P::None, L::FromOrder, NoParam, NoParam, CopyMode::IfNeeded, W::TemporaryObject},
    {"setTo",      Member, K::Fill,          -1,  O::K, S::Same,  false},
};

// Members that only read a Mat's shape or values.
const QueryMethod OpenCVQueries[] = {
    {"total", false, QueryMethod::ElementCount}, {"type", false},     {"depth", false},
    {"channels", false}, {"empty", false}, {"elemSize", false},
    {"dot", true},
};

// /usr/include/opencv4/opencv2/...
const llvm::StringRef OpenCVHeaderDirectories[] = {"opencv2"};
// cv::InputArray (= const _InputArray&): a function's read-only input.
const llvm::StringRef OpenCVReadOnlyProxies[] = {"::cv::_InputArray"};

const LibraryModel OpenCVModel = {
    /*Name=*/"cv",
    /*ArrayClass=*/"::cv::Mat",
    /*Namespace=*/"::cv",
    /*OrderEnum=*/"",
    /*OrderEnumerators=*/{"", "", "", ""},
    /*Api=*/OpenCVApi,
    /*Index=*/{},
    /*CopyModeEnum=*/"",
    /*CopyModeEnumerators=*/{"", "", ""},
    // create(), reshape in place (a = a.reshape()) and release() change a
    // handle; other handles keep the old header.
    /*SharedMetadataMutable=*/false,
    /*Queries=*/OpenCVQueries,
    /*LayoutMutators=*/{},
    /*HeaderDirectories=*/OpenCVHeaderDirectories,
    /*OtherNamespaces=*/{},
    /*IndependentCopy=*/"clone()",
    /*RequireView=*/"",
    /*CopyInto=*/"copyTo",
    /*ReadOnlyProxies=*/OpenCVReadOnlyProxies,
};

} // namespace

const LibraryModel &opencvLibraryModel() { return OpenCVModel; }

} // namespace clang::tidy::ndarray
