// Replays the NumPy-generated cases of gen_cases.py against nd and compares
// every recorded fact exactly: shape, byte strides, flags, view-or-copy
// (nd::shares_memory with the input), values, and errors (category and
// NumPy's message text). The case format is documented in gen_cases.py.
//
//   replay cases.txt            exit 0 and "N cases passed" when all match
//   replay cases.txt --max-print 50
//
// Arrays are built with nd's public API only (nd::arange(n).reshape(shape,
// order), a(nd::slice(..), nd::all, 3, nd::newaxis), .ravel(nd::order::K),
// nd::copy, nd::shares_memory, ...). Values are read by walking data() with
// the byte strides, so the check does not depend on nd's own copy kernels.
// The raw `ovl` / `dio` problems go straight to nd/detail/mem_overlap.hpp.
#include <nd/detail/mem_overlap.hpp>
#include <nd/nd.hpp>

#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <iostream>
#include <map>
#include <optional>
#include <sstream>
#include <stdexcept>
#include <string>
#include <vector>

namespace {

using index_list = std::vector<std::ptrdiff_t>;
using tokens = std::vector<std::string>;

// ------------------------------------------------------------- parsing
tokens split(const std::string &line, char sep = ' ') {
  tokens out;
  std::string cur;
  std::istringstream in(line);
  while (std::getline(in, cur, sep)) {
    if (!cur.empty())
      out.push_back(cur);
  }
  return out;
}

// The text after the first `n` space-separated words (messages keep spaces).
std::string rest_after(const std::string &line, int n) {
  std::size_t pos = 0;
  for (int i = 0; i < n; ++i) {
    pos = line.find(' ', pos);
    if (pos == std::string::npos)
      return "";
    ++pos;
  }
  return line.substr(pos);
}

std::ptrdiff_t to_int(const std::string &s) {
  std::size_t used = 0;
  const long long v = std::stoll(s, &used);
  if (used != s.size())
    throw std::runtime_error("bad integer '" + s + "' in case file");
  return static_cast<std::ptrdiff_t>(v);
}

index_list parse_list(const std::string &s) {
  index_list out;
  if (s == "-")
    return out;
  for (const std::string &t : split(s, ','))
    out.push_back(to_int(t));
  return out;
}

std::string format_list(std::span<const std::ptrdiff_t> xs) {
  if (xs.empty())
    return "-";
  std::string s;
  for (std::size_t i = 0; i < xs.size(); ++i) {
    if (i)
      s += ',';
    s += std::to_string(xs[i]);
  }
  return s;
}

std::optional<nd::order> parse_order(const std::string &s) {
  if (s == "_")
    return std::nullopt;
  if (s == "C")
    return nd::order::C;
  if (s == "F")
    return nd::order::F;
  if (s == "A")
    return nd::order::A;
  if (s == "K")
    return nd::order::K;
  throw std::runtime_error("bad order '" + s + "'");
}

// ----------------------------------------------------------- describing
template <class T> std::string format_values(const nd::array<T> &a) {
  // Walk the elements in C order through data() and the byte strides.
  const std::ptrdiff_t n = a.size();
  std::vector<long long> vals;
  vals.reserve(static_cast<std::size_t>(n));
  if (n > 0) {
    const auto shape = a.shape();
    const std::vector<std::ptrdiff_t> strides = a.byte_strides();
    const std::size_t nd = shape.size();
    std::vector<std::ptrdiff_t> idx(nd, 0);
    const auto *base = reinterpret_cast<const unsigned char *>(a.data());
    while (true) {
      std::ptrdiff_t off = 0;
      for (std::size_t i = 0; i < nd; ++i)
        off += idx[i] * strides[i];
      T v;
      std::memcpy(&v, base + off, sizeof(T));
      vals.push_back(static_cast<long long>(v));
      std::size_t d = nd;
      while (d > 0 && ++idx[d - 1] == shape[d - 1])
        idx[--d] = 0;
      if (d == 0)
        break;
    }
  }
  if (vals.size() <= 400) {
    std::string s = "v:";
    for (std::size_t i = 0; i < vals.size(); ++i) {
      if (i)
        s += ',';
      s += std::to_string(vals[i]);
    }
    return s;
  }
  constexpr long long mod = 1'000'000'007;
  long long sum = 0, weighted = 0;
  for (std::size_t i = 0; i < vals.size(); ++i) {
    sum += vals[i];
    const long long term =
        static_cast<long long>((static_cast<__int128>(i + 1) * vals[i]) % mod);
    weighted = ((weighted + term) % mod + mod) % mod;
  }
  return "sum:" + std::to_string(vals.size()) + ":" + std::to_string(sum) +
         ":" + std::to_string(weighted);
}

template <class T> std::string describe(const nd::array<T> &a) {
  std::string flags;
  flags += a.c_contiguous() ? 'C' : '.';
  flags += a.f_contiguous() ? 'F' : '.';
  flags += a.owndata() ? 'O' : '.';
  flags += a.writeable() ? 'W' : '.';
  return format_list(a.shape()) + " " + format_list(a.byte_strides()) + " " +
         flags + " " + format_values(a);
}

// nd's exception hierarchy -> NumPy's exception class names.
std::string error_category(const nd::error &e) {
  if (dynamic_cast<const nd::axis_error *>(&e))
    return "axis";
  if (dynamic_cast<const nd::index_error *>(&e))
    return "index";
  if (dynamic_cast<const nd::attribute_error *>(&e))
    return "attribute";
  if (dynamic_cast<const nd::too_hard_error *>(&e))
    return "too_hard";
  if (dynamic_cast<const nd::overflow_error *>(&e))
    return "overflow";
  if (dynamic_cast<const nd::value_error *>(&e))
    return "value"; // incl. read_only_error
  return "error";
}

// --------------------------------------------------------- basic indexing
struct index_item {
  enum kind_t { integer, slice, all, newaxis, ellipsis } kind = integer;
  std::ptrdiff_t value = 0;
  std::optional<std::ptrdiff_t> start, stop;
  std::ptrdiff_t step = 1;
};

index_item make_item(index_item::kind_t kind, std::ptrdiff_t value = 0) {
  index_item it;
  it.kind = kind;
  it.value = value;
  return it;
}

index_item parse_item(const std::string &t) {
  if (t == "all")
    return make_item(index_item::all);
  if (t == "new")
    return make_item(index_item::newaxis);
  if (t == "ell")
    return make_item(index_item::ellipsis);
  if (t[0] == 'i')
    return make_item(index_item::integer, to_int(t.substr(1)));
  if (t[0] == 's') {
    const tokens parts = split(t.substr(1), ':');
    if (parts.size() != 3)
      throw std::runtime_error("bad slice '" + t + "'");
    index_item it = make_item(index_item::slice);
    if (parts[0] != "_")
      it.start = to_int(parts[0]);
    if (parts[1] != "_")
      it.stop = to_int(parts[1]);
    it.step = to_int(parts[2]);
    return it;
  }
  throw std::runtime_error("bad index item '" + t + "'");
}

nd::slice_bound bound(const std::optional<std::ptrdiff_t> &v) {
  if (v)
    return nd::slice_bound(*v);
  return nd::slice_bound(nd::none);
}

constexpr std::size_t max_index_items = 4;

// Turns the runtime item list into one call of a(...) with the exact
// argument types a user would write (one instantiation per type sequence).
template <class T, class... Args>
nd::array<T> apply_index(const nd::array<T> &a,
                         std::span<const index_item> rest,
                         const Args &...args) {
  if (rest.empty()) {
    if constexpr (sizeof...(Args) > 0 &&
                  (nd::detail::is_view_index_v<Args> || ...)) {
      return a(args...);
    } else {
      throw std::runtime_error(
          "index without a slice/all/newaxis/ellipsis item");
    }
  } else {
    if constexpr (sizeof...(Args) < max_index_items) {
      const index_item &it = rest.front();
      const auto tail = rest.subspan(1);
      switch (it.kind) {
      case index_item::integer:
        return apply_index(a, tail, args..., it.value);
      case index_item::slice:
        return apply_index(a, tail, args...,
                           nd::slice(bound(it.start), bound(it.stop), it.step));
      case index_item::all:
        return apply_index(a, tail, args..., nd::all);
      case index_item::newaxis:
        return apply_index(a, tail, args..., nd::newaxis);
      case index_item::ellipsis:
        return apply_index(a, tail, args..., nd::ellipsis);
      }
    }
    throw std::runtime_error("index with more than 4 items");
  }
}

template <class T> T element_at(const nd::array<T> &a, const index_list &i) {
  switch (i.size()) {
  case 1:
    return a(i[0]);
  case 2:
    return a(i[0], i[1]);
  case 3:
    return a(i[0], i[1], i[2]);
  case 4:
    return a(i[0], i[1], i[2], i[3]);
  default:
    throw std::runtime_error("getitem supports 1..4 indices");
  }
}

// ---------------------------------------------------------- operations
template <class T>
nd::array<T> apply_op(const nd::array<T> &a, const tokens &t) {
  const std::string &op = t.at(0);
  auto ord = [&](std::size_t i) { return parse_order(t.at(i)); };
  if (op == "idx") {
    std::vector<index_item> items;
    for (std::size_t i = 1; i < t.size(); ++i)
      items.push_back(parse_item(t[i]));
    return apply_index(a, std::span<const index_item>(items));
  }
  if (op == "T")
    return a.T();
  if (op == "view")
    return a.view();
  if (op == "transpose") {
    if (t.at(1) == "_")
      return a.transpose();
    const index_list perm = parse_list(t.at(1));
    return a.transpose(std::span<const std::ptrdiff_t>(perm));
  }
  if (op == "swapaxes")
    return a.swapaxes(to_int(t.at(1)), to_int(t.at(2)));
  if (op == "moveaxis")
    return nd::moveaxis(a, to_int(t.at(1)), to_int(t.at(2)));
  if (op == "expand_dims")
    return nd::expand_dims(a, to_int(t.at(1)));
  if (op == "squeeze")
    return t.at(1) == "_" ? a.squeeze() : a.squeeze(to_int(t.at(1)));
  if (op == "diagonal")
    return a.diagonal(to_int(t.at(1)), to_int(t.at(2)), to_int(t.at(3)));
  if (op == "broadcast")
    return nd::broadcast_to(a, nd::dims(parse_list(t.at(1))));
  if (op == "ravel")
    return ord(1) ? a.ravel(*ord(1)) : a.ravel();
  if (op == "flatten")
    return ord(1) ? a.flatten(*ord(1)) : a.flatten();
  if (op == "copy")
    return ord(1) ? a.copy(*ord(1)) : a.copy();
  if (op == "npcopy")
    return ord(1) ? nd::copy(a, *ord(1)) : nd::copy(a);
  if (op == "ascontig")
    return nd::ascontiguousarray(a);
  if (op == "asfortran")
    return nd::asfortranarray(a);
  if (op == "reshape") {
    const nd::dims shape(parse_list(t.at(1)));
    const std::optional<nd::order> o = ord(2);
    const std::string &mode = t.at(3);
    if (mode == "_")
      return o ? a.reshape(shape, *o) : a.reshape(shape);
    const nd::copy_mode m = mode == "always"  ? nd::copy_mode::always
                            : mode == "never" ? nd::copy_mode::never
                                              : nd::copy_mode::if_needed;
    return a.reshape(shape, o.value_or(nd::order::C), m);
  }
  if (op == "setshape") {
    nd::array<T> b = a.view();
    b.set_shape(nd::dims(parse_list(t.at(1))));
    return b;
  }
  throw std::runtime_error("unknown operation '" + op + "'");
}

// ------------------------------------------------------------ one case
struct case_block {
  int id = -1;
  std::string label;
  std::vector<std::string> lines;
};

struct outcome {
  bool pass = true;
  std::string what; // "expected ... / got ..." on failure
};

void expect_line(outcome &r, const std::string &what,
                 const std::string &expected, const std::string &got) {
  if (!r.pass || expected == got)
    return;
  r.pass = false;
  r.what = what + "\n    expected: " + expected + "\n    got:      " + got;
}

template <class T> nd::array<T> make_source(const tokens &src) {
  const std::string &kind = src.at(2);
  const nd::order o = *parse_order(src.at(3));
  const index_list shape = parse_list(src.at(4));
  std::ptrdiff_t n = 1;
  for (std::ptrdiff_t d : shape)
    n *= d;
  if (kind == "zeros")
    return nd::zeros<T>(nd::dims(shape), o);
  return nd::arange<T>(static_cast<T>(n)).reshape(nd::dims(shape), o);
}

template <class T> outcome replay_array_case(const case_block &c) {
  outcome r;
  std::optional<nd::array<T>> src, a, b;
  std::vector<tokens> bsteps;
  bool bcopy = false;
  for (const std::string &line : c.lines) {
    const tokens t = split(line);
    const std::string &key = t.at(0);
    const tokens args(t.begin() + 1, t.end());
    if (key == "src") {
      src = make_source<T>(t);
      a = src;
    } else if (key == "step") {
      try {
        a = apply_op(*a, args);
      } catch (const nd::error &e) {
        expect_line(r, "step '" + rest_after(line, 1) + "'", "(succeeds)",
                    "throws " + error_category(e) + ": " + e.what());
        return r;
      }
    } else if (key == "bcopy") {
      bcopy = true;
    } else if (key == "bstep") {
      bsteps.push_back(args);
    } else if (key == "in") {
      expect_line(r, "input array (after the steps)", rest_after(line, 1),
                  describe(*a));
    } else if (key == "op") {
      const std::string &op = args.at(0);
      // Find the expectation line(s) following `op`.
      std::string expected;
      for (const std::string &l : c.lines) {
        if (l.rfind("out ", 0) == 0 || l.rfind("err ", 0) == 0 ||
            l.rfind("scalar ", 0) == 0 || l.rfind("srcvals ", 0) == 0 ||
            l.rfind("overlap ", 0) == 0) {
          expected = l;
        }
      }
      std::string got;
      try {
        if (op == "getitem") {
          got = "scalar " + std::to_string(static_cast<long long>(
                                element_at(*a, parse_list(args.at(1)))));
        } else if (op == "fill") {
          a->fill(static_cast<T>(to_int(args.at(1))));
          got = "srcvals " + format_values(*src);
        } else if (op == "shares") {
          const std::ptrdiff_t k = to_int(args.at(1));
          b = bcopy ? nd::copy(*src) : *src;
          for (const tokens &s : bsteps)
            b = apply_op(*b, s);
          const bool exact = nd::shares_memory(*a, *b);
          const bool bounds = nd::may_share_memory(*a, *b);
          const bool may_exact = nd::may_share_memory(*a, *b, -1);
          std::string capped;
          try {
            capped = nd::shares_memory(*a, *b, k) ? "yes" : "no";
          } catch (const nd::too_hard_error &) {
            capped = "too_hard";
          }
          got = "overlap " + std::to_string(exact) + " " +
                std::to_string(bounds) + " " + std::to_string(may_exact) + " " +
                std::to_string(k) + ":" + capped;
        } else {
          const nd::array<T> out = apply_op(*a, args);
          got = "out " + describe(out) + " " +
                std::to_string(nd::shares_memory(out, *a) ? 1 : 0);
        }
      } catch (const nd::error &e) {
        got = "err " + error_category(e) + " " + e.what();
      }
      expect_line(r, "operation '" + rest_after(line, 1) + "'", expected, got);
      return r;
    }
  }
  return r;
}

// Raw overlap problem: NumPy's answer for several max_work caps.
outcome replay_ovl(const case_block &c) {
  outcome r;
  const tokens t = split(c.lines.at(0));
  // ovl <answers> A <off> <isz> <shape> <strides> B <off> <isz> <shape>
  // <strides>
  const std::intptr_t base = std::intptr_t{1} << 32;
  auto view_at = [&](std::size_t i, index_list &shape, index_list &strides) {
    shape = parse_list(t.at(i + 2));
    strides = parse_list(t.at(i + 3));
    return nd::detail::memory_extent_view{
        base + to_int(t.at(i)), static_cast<std::size_t>(to_int(t.at(i + 1))),
        shape, strides};
  };
  index_list sa, ta, sb, tb;
  const auto va = view_at(3, sa, ta);
  const auto vb = view_at(8, sb, tb);
  std::string got;
  for (const std::string &answer : split(t.at(1), ',')) {
    const std::ptrdiff_t k = to_int(answer.substr(0, answer.find(':')));
    const auto res = nd::detail::solve_may_share_memory(va, vb, k);
    static const char *names[] = {"no", "yes", "too_hard", "overflow"};
    if (!got.empty())
      got += ',';
    got += std::to_string(k) + ":" + names[static_cast<int>(res)];
  }
  expect_line(r, "solve_may_share_memory", t.at(1), got);
  return r;
}

// Bounded Diophantine problem against NumPy's own solver.
outcome replay_dio(const case_block &c) {
  namespace ov = nd::detail::overlap_impl;
  outcome r;
  const tokens t = split(c.lines.at(0));
  // dio <b> <simplify> <answers> <a>:<ub> ...
  const std::int64_t b = to_int(t.at(1));
  const bool simplify = t.at(2) == "1";
  std::vector<ov::bounded_term> terms;
  for (std::size_t i = 4; i < t.size(); ++i) {
    const tokens p = split(t[i], ':');
    terms.push_back({to_int(p.at(0)), to_int(p.at(1))});
  }
  std::string got;
  for (const std::string &answer : split(t.at(3), ',')) {
    const std::ptrdiff_t k = to_int(answer.substr(0, answer.find(':')));
    std::vector<ov::bounded_term> work = terms;
    nd::detail::overlap_result res;
    if (simplify && !ov::simplify(work, b)) {
      res = nd::detail::overlap_result::overflow;
    } else {
      res = ov::solve_bounded_diophantine(work, b, k);
    }
    static const char *names[] = {"no", "yes", "too_hard", "overflow"};
    if (!got.empty())
      got += ',';
    got += std::to_string(k) + ":" + names[static_cast<int>(res)];
  }
  expect_line(r, "solve_bounded_diophantine", t.at(3), got);
  return r;
}

outcome replay(const case_block &c) {
  const std::string &first = c.lines.at(0);
  if (first.rfind("ovl ", 0) == 0)
    return replay_ovl(c);
  if (first.rfind("dio ", 0) == 0)
    return replay_dio(c);
  const tokens src = split(first);
  if (src.at(0) != "src")
    throw std::runtime_error("case without src line");
  const std::string &dt = src.at(1);
  if (dt == "f8")
    return replay_array_case<double>(c);
  if (dt == "i4")
    return replay_array_case<std::int32_t>(c);
  if (dt == "i1")
    return replay_array_case<std::int8_t>(c);
  throw std::runtime_error("unknown dtype '" + dt + "'");
}

std::string category_of(const case_block &c) {
  // The operation name (random cases) or the ported NumPy test's name.
  const std::string &first = c.lines.at(0);
  if (first.rfind("ovl ", 0) == 0)
    return "ovl (raw overlap, NumPy)";
  if (first.rfind("dio ", 0) == 0)
    return "dio (Diophantine, NumPy)";
  const std::string label = c.label.substr(0, c.label.find(':'));
  if (c.label.find(":random") != std::string::npos)
    return label + " (random)";
  return label;
}

} // namespace

int main(int argc, char **argv) {
  if (argc < 2) {
    std::cerr << "usage: replay <cases.txt> [--max-print N]\n";
    return 2;
  }
  int max_print = 25;
  for (int i = 2; i + 1 < argc; i += 2) {
    if (std::string(argv[i]) == "--max-print")
      max_print = std::atoi(argv[i + 1]);
  }
  std::ifstream in(argv[1]);
  if (!in) {
    std::cerr << "replay: cannot open " << argv[1] << "\n";
    return 2;
  }
  std::string seed = "?";
  std::string line;
  std::vector<case_block> cases;
  case_block cur;
  bool in_case = false;
  while (std::getline(in, line)) {
    if (line.empty() || line[0] == '#')
      continue;
    if (line.rfind("seed ", 0) == 0) {
      seed = line.substr(5);
    } else if (line.rfind("case ", 0) == 0) {
      const tokens t = split(line);
      cur = case_block{
          static_cast<int>(to_int(t.at(1))), t.size() > 2 ? t[2] : "", {}};
      in_case = true;
    } else if (line == "end") {
      if (!in_case)
        cur.id = static_cast<int>(cases.size()); // ovl/dio: no case line
      if (cur.lines.empty())
        throw std::runtime_error("empty case before line 'end'");
      cases.push_back(std::move(cur));
      cur = case_block{};
      in_case = false;
    } else {
      cur.lines.push_back(line);
    }
  }

  std::map<std::string, std::pair<int, int>> per_category; // passed, failed
  int failed = 0, printed = 0;
  for (const case_block &c : cases) {
    outcome r;
    try {
      r = replay(c);
    } catch (const std::exception &e) {
      r = {false, std::string("replayer exception: ") + e.what()};
    }
    auto &tally = per_category[category_of(c)];
    (r.pass ? tally.first : tally.second)++;
    if (r.pass)
      continue;
    ++failed;
    if (printed++ < max_print) {
      std::cout << "MISMATCH seed " << seed << " case " << c.id << " ("
                << c.label << "): " << r.what << "\n  case text:\n";
      for (const std::string &l : c.lines)
        std::cout << "    " << l << "\n";
    }
  }
  std::cout << "per category (passed/failed):\n";
  for (const auto &[name, tally] : per_category) {
    std::cout << "  " << name << ": " << tally.first << "/" << tally.second
              << "\n";
  }
  const int passed = static_cast<int>(cases.size()) - failed;
  if (failed) {
    std::cout << "FAILED: " << failed << " of " << cases.size()
              << " cases mismatch NumPy (seed " << seed
              << "; rerun with ND_DIFF_SEED=" << seed << ")\n";
    return 1;
  }
  std::cout << passed << " cases passed (seed " << seed << ")\n";
  return 0;
}
