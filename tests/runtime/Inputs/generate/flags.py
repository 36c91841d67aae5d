from mk import make
cpp = r'''
  auto a = nd::zeros<double>({2, 3, 4});
  describe("a", a);
  describe("a.T", a.T());
  describe("a[:, ::2]", a(nd::all, nd::slice(nd::none, nd::none, 2)));
  describe("a[..., ::-1]", a(nd::ellipsis, nd::slice(nd::none, nd::none, -1)));
  describe("a[:, 1:2]", a(nd::all, nd::slice(1, 2)));
  describe("a[None, :, None]", a(nd::newaxis, nd::all, nd::newaxis));
  describe("a[1]", a(1, nd::ellipsis));
  describe("a[:, 0]", a(nd::all, 0));
  describe("ones((3,1)).T", nd::ones<double>({3, 1}).T());
  describe("empty((2,0,3))", nd::empty<double>({2, 0, 3}));
  describe("empty((2,0,3)).reshape(0,2,3)", nd::empty<double>({2, 0, 3}).reshape({0, 2, 3}));
  describe("empty((2,0,3)).T.copy()", nd::empty<double>({2, 0, 3}).T().copy());
  describe("broadcast_to", nd::broadcast_to(nd::arange<double>(3), {4, 3}));
  auto o = nd::ones<double>({4, 4, 1});
  auto os = o(nd::slice(nd::none, nd::none, 2), nd::all, nd::slice(nd::none, nd::none, -1));
  describe("o[::2, :, ::-1]", os);
  describe("o[::2, :, ::-1][0]", os(0, nd::ellipsis));
  describe("o[::2, :, ::-1].ravel()", os.ravel());
  describe("o[::2, :, ::-1].squeeze()", os.squeeze());
  describe("empty((2,2,0,2,2))", nd::empty<double>({2, 2, 0, 2, 2}));
  describe("array 1x2x1 order=F", nd::from_vector(std::vector<double>{1, 2}, {1, 2, 1}, nd::order::F));
  auto b = nd::ones<double>({5, 4, 3});
  describe("b[None, ::4, ..., None]",
           b(nd::newaxis, nd::slice(nd::none, nd::none, 4), nd::ellipsis, nd::newaxis));
  describe("arange(1.)[::-1]", nd::arange<double>(1)(nd::slice(nd::none, nd::none, -1)));
  describe("0-d", nd::full<double>({}, 3.0));
  describe("zeros((3,4), F)", nd::zeros<float>({3, 4}, nd::order::F));
  describe("zeros((3,4), F)[:, 1]", nd::zeros<float>({3, 4}, nd::order::F)(nd::all, 1));
  describe("zeros((3,4)).diagonal()", nd::zeros<double>({3, 4}).diagonal());
  describe("zeros((3,4)).diagonal(1)", nd::zeros<double>({3, 4}).diagonal(1));
  describe("zeros((3,4)).diagonal(-5)", nd::zeros<double>({3, 4}).diagonal(-5));
  describe("ones((1,3)) broadcast (2,1,3)", nd::broadcast_to(nd::ones<double>({1, 3}), {2, 1, 3}));
  describe("expand_dims(a, 1)", nd::expand_dims(a, 1));
  describe("expand_dims(a[:, ::2], (0, 4))", nd::expand_dims(a(nd::all, nd::slice(nd::none, nd::none, 2)), {0, 4}));
  describe("moveaxis(a, 0, -1)", nd::moveaxis(a, 0, -1));
  describe("swapaxes(a, 0, 2)", a.swapaxes(0, 2));
  describe("transpose(a, (1, 0, 2))", a.transpose({1, 0, 2}));
  describe("a[-1:-3:-1, ::-2, 1:100]", a(nd::slice(-1, -3, -1), nd::slice(nd::none, nd::none, -2), nd::slice(1, 100)));
'''
py = r'''
a = np.zeros((2, 3, 4))
describe("a", a)
describe("a.T", a.T)
describe("a[:, ::2]", a[:, ::2])
describe("a[..., ::-1]", a[..., ::-1])
describe("a[:, 1:2]", a[:, 1:2])
describe("a[None, :, None]", a[None, :, None])
describe("a[1]", a[1, ...])
describe("a[:, 0]", a[:, 0])
describe("ones((3,1)).T", np.ones((3, 1)).T)
describe("empty((2,0,3))", np.empty((2, 0, 3)))
describe("empty((2,0,3)).reshape(0,2,3)", np.empty((2, 0, 3)).reshape(0, 2, 3))
describe("empty((2,0,3)).T.copy()", np.empty((2, 0, 3)).T.copy())
describe("broadcast_to", np.broadcast_to(np.arange(3.), (4, 3)))
o = np.ones((4, 4, 1))
os = o[::2, :, ::-1]
describe("o[::2, :, ::-1]", os)
describe("o[::2, :, ::-1][0]", os[0, ...])
describe("o[::2, :, ::-1].ravel()", os.ravel())
describe("o[::2, :, ::-1].squeeze()", os.squeeze())
describe("empty((2,2,0,2,2))", np.empty((2, 2, 0, 2, 2)))
describe("array 1x2x1 order=F", np.array([[[1.], [2.]]], order="F"))
b = np.ones((5, 4, 3))
describe("b[None, ::4, ..., None]", b[None, ::4, ..., None])
describe("arange(1.)[::-1]", np.arange(1.)[::-1])
describe("0-d", np.full((), 3.0))
describe("zeros((3,4), F)", np.zeros((3, 4), np.float32, order="F"))
describe("zeros((3,4), F)[:, 1]", np.zeros((3, 4), np.float32, order="F")[:, 1])
describe("zeros((3,4)).diagonal()", np.zeros((3, 4)).diagonal())
describe("zeros((3,4)).diagonal(1)", np.zeros((3, 4)).diagonal(1))
describe("zeros((3,4)).diagonal(-5)", np.zeros((3, 4)).diagonal(-5))
describe("ones((1,3)) broadcast (2,1,3)", np.broadcast_to(np.ones((1, 3)), (2, 1, 3)))
describe("expand_dims(a, 1)", np.expand_dims(a, 1))
describe("expand_dims(a[:, ::2], (0, 4))", np.expand_dims(a[:, ::2], (0, 4)))
describe("moveaxis(a, 0, -1)", np.moveaxis(a, 0, -1))
describe("swapaxes(a, 0, 2)", a.swapaxes(0, 2))
describe("transpose(a, (1, 0, 2))", a.transpose(1, 0, 2))
describe("a[-1:-3:-1, ::-2, 1:100]", a[-1:-3:-1, ::-2, 1:100])
'''
make("flags_and_views", "Flags, strides and views: NumPy's _UpdateContiguousFlags, test_contiguous_flags, basic indexing.", cpp, py)
