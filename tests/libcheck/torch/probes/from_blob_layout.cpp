// The layout of torch::from_blob and at::from_blob without strides, as the
// torch model states it (checker/model/TorchLibraryModel.cpp, K::Wrap): a
// C-contiguous tensor of the given sizes over the caller's memory (its data
// pointer is the buffer passed; writes through it change the buffer), with
// no allocation of its own, whatever TensorOptions are passed. Prints one
// line per spelling and exits 1 when a result breaks that rule. Not part of
// the corpus (libcheck.py reads only the files directly in
// tests/libcheck/torch/); run by hand:
//
//   g++ -std=c++17 from_blob_layout.cpp -o from_blob_layout \
//       -I/usr/include/torch/csrc/api/include -ltorch -ltorch_cpu -lc10
//   ./from_blob_layout
//
#include <torch/torch.h>
#include <cstdlib>
#include <functional>
#include <iostream>
#include <string>
#include <vector>

// Counts c10's CPU allocations (it allocates with posix_memalign).
static long allocations = 0;
extern "C" int posix_memalign(void** p, size_t align, size_t n) {
  ++allocations;
  *p = aligned_alloc(align, (n + align - 1) / align * align);
  return *p ? 0 : 12;
}

int main() {
  std::vector<float> buf(2 * 3 * 4 * 5, 1.0f);
  std::vector<std::pair<std::string, std::function<at::Tensor()>>> spellings = {
      {"torch(data,{6,20})",
       [&] { return torch::from_blob(buf.data(), {6, 20}); }},
      {"torch(data,{6,20},kFloat)",
       [&] { return torch::from_blob(buf.data(), {6, 20}, torch::kFloat); }},
      {"torch(data,{2,3,4,5},options)",
       [&] {
         return torch::from_blob(buf.data(), {2, 3, 4, 5},
                                 torch::TensorOptions().dtype(torch::kFloat));
       }},
      {"torch(data,{2,3,4,5},deleter)",
       [&] { return torch::from_blob(buf.data(), {2, 3, 4, 5}, [](void*) {}); }},
      {"at(data,{120})", [&] { return at::from_blob(buf.data(), {120}); }},
      {"at(data,{4,30},kFloat)",
       [&] { return at::from_blob(buf.data(), {4, 30}, at::kFloat); }},
      // The options' memory format is not used: still C-contiguous.
      {"torch(data,{2,3,4,5},channels_last)",
       [&] {
         return torch::from_blob(
             buf.data(), {2, 3, 4, 5},
             torch::TensorOptions().memory_format(at::MemoryFormat::ChannelsLast));
       }},
      {"torch(data,{6,20},requires_grad)",
       [&] {
         return torch::from_blob(buf.data(), {6, 20},
                                 torch::TensorOptions().requires_grad(true));
       }},
  };
  int broken = 0;
  for (auto& [name, make] : spellings) {
    long before = allocations;
    at::Tensor t = make();
    long made = allocations - before;
    bool shares = t.data_ptr() == static_cast<void*>(buf.data());
    float old = buf[1];
    {
      at::NoGradGuard guard;
      t.view({-1})[1].fill_(42.0f);
    }
    bool writesThrough = buf[1] == 42.0f;
    buf[1] = old;
    std::cout << name << " sizes=" << t.sizes() << " strides=" << t.strides()
              << " C=" << t.is_contiguous() << " shares=" << shares
              << " writesThrough=" << writesThrough << " allocations=" << made
              << "\n";
    if (!t.is_contiguous() || !shares || !writesThrough)
      ++broken;
  }
  // With strides: the layout is the strides' (not modelled).
  at::Tensor s = torch::from_blob(buf.data(), {4, 6}, {1, 4});
  std::cout << "torch(data,{4,6},{1,4}) C=" << s.is_contiguous() << "\n";
  std::cout << (broken ? "BROKEN " : "ok ") << broken << "\n";
  return broken ? 1 : 0;
}
