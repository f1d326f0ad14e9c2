"""Records what real PyTorch shows for the torch bindings; TorchModuleTests runs the same
statements through grad's parser, compiler and interpreter, one at a time as at the REPL, and
compares what they show, their warnings, and the error type and message.

Run with PyTorch installed: ~/torchenv/bin/python generate.py  (rewrites cases.json)

Each case is a snippet of statements, run one top-level statement at a time in Python's interactive
mode (`compile(..., "single")`): a bare expression shows its repr unless it is None, at any depth
of a `with` block, as at grad's prompt. The snippet sees `torch` and `F` (torch.nn.functional).
Addresses (`0x7f…`) are normalised on both sides. A case stops at its first error.
"""
import ast, contextlib, io, json, re, warnings, os
import torch
import torch.nn.functional as F

CASES = {
# --- torch.tensor -------------------------------------------------------------------------
"tensor_dtypes": """
torch.tensor(2.0)
torch.tensor(2)
torch.tensor(True)
torch.tensor([1, 2.5])
torch.tensor([True, 2])
torch.tensor([True, False])
torch.tensor([[1, 2], (3, 4)])
torch.tensor(())
torch.tensor([])
torch.tensor([[]])
torch.tensor(-0.0)
torch.tensor([float('nan'), float('inf')])
torch.tensor([-2**63])
torch.tensor(torch.Size([2, 3]))
""",
"tensor_options": """
torch.tensor([1, 2], dtype=torch.float64)
torch.tensor([1.5, 2], dtype=torch.int64)
torch.tensor(1.5, dtype=torch.bool)
torch.tensor([], dtype=torch.int64)
torch.tensor(data=[1, 2])
torch.tensor([1.0, 2.0], requires_grad=True)
torch.tensor([[1.0, 2.0], [3.0, 4.0]], dtype=torch.float64, requires_grad=True)
torch.tensor([1.0], device='cpu')
""",
"tensor_from_tensors": """
torch.tensor([torch.tensor(1.), torch.tensor(2.)])
torch.tensor([torch.tensor(1), 2.5])
torch.tensor([torch.tensor(1., dtype=torch.float64), 2])
torch.tensor([torch.tensor([1.]), torch.tensor([2.])])
x = torch.tensor([1., 2.], requires_grad=True)
y = torch.tensor(x)
y
y.requires_grad
torch.tensor(torch.tensor([1, 2]), dtype=torch.float32)
""",
"tensor_storage": """
x = torch.arange(6.).reshape(2, 3)
s = x.t().storage()
s
len(s), s.size(), s.dtype, s.device, s.element_size(), s.nbytes(), s.tolist()
s[0], s[-1], s.data_ptr() == x.data_ptr()
torch.tensor([1, 2], dtype=torch.int8).storage()
torch.tensor([True, False]).storage()
torch.tensor([1.5, 0.1], dtype=torch.float16).storage()
torch.tensor([]).storage()
x[1].storage()
s[6]
""",
"tensor_ragged": "torch.tensor([[1, 2], [3]])",
"tensor_deepest": "torch.tensor(" + "[" * 128 + "1.0" + "]" * 128 + ").dim()",
"tensor_too_deep": "torch.tensor(" + "[" * 129 + "1.0" + "]" * 129 + ")",
"tensor_too_deep_later": "torch.tensor([1.0, " + "[" * 129 + "1.0" + "]" * 129 + "])",
"tensor_list_in_ints": "torch.tensor([1, [2]])",
"tensor_list_in_floats": "torch.tensor([1.5, [2]])",
"tensor_not_a_sequence": "torch.tensor([[1], 2])",
"tensor_str": "torch.tensor([[1, 2], [3, 'a']])",
"tensor_none": "torch.tensor([[1, 2], [3, None]])",
"tensor_none_top": "torch.tensor(None)",
"tensor_big_int": "torch.tensor([2**63])",
"tensor_multi_element_inside": "torch.tensor([torch.tensor([1., 2.]), torch.tensor([3., 4.])])",
"tensor_int_requires_grad": "torch.tensor(3, requires_grad=True)",
"tensor_requires_grad_not_bool": "torch.tensor([1.0], requires_grad=1)",
"tensor_dtype_str": "torch.tensor([1.0], dtype='float32')",
"tensor_extra_positional": "torch.tensor([1], [2])",
"tensor_cuda": "torch.tensor([1.0], device='cuda')",
# --- factories ----------------------------------------------------------------------------
"zeros_forms": """
torch.zeros(2, 3)
torch.zeros((2, 3))
torch.zeros([2, 3])
torch.zeros(size=(2, 3))
torch.zeros(size=[1])
torch.zeros(())
torch.zeros(torch.Size([2, 1]))
torch.zeros(2, torch.tensor(3))
torch.zeros(2, dtype=torch.int64)
torch.zeros(2, requires_grad=True)
torch.zeros(2, requires_grad=None)
torch.zeros(0, 3)
""",
"zeros_negative": "torch.zeros(2, -1)",
"zeros_overflow": "torch.zeros(2**62, 4)",
"zeros_huge": "torch.zeros(10**12)",
"ones_overflow": "torch.ones(2**31, 2**31)",
"zeros_float_size": "torch.zeros(2.5)",
"zeros_str_size": "torch.zeros('a')",
"zeros_bool_size": "torch.zeros(True)",
"zeros_none_size": "torch.zeros(None)",
"zeros_float_in_list": "torch.zeros([2.0])",
"zeros_float_second": "torch.zeros(2, 2.5)",
"zeros_none_in_list": "torch.zeros([2, None])",
"zeros_tuple_second": "torch.zeros(2, (3,))",
"zeros_size_int_keyword": "torch.zeros(size=2)",
"zeros_size_twice": "torch.zeros(2, size=(2,))",
"zeros_missing": "torch.zeros()",
"zeros_tensor_size": "torch.zeros(torch.tensor([2, 3]))",
"zeros_float_tensor_size": "torch.zeros(2, torch.tensor(3.))",
"zeros_dtype_int": "torch.zeros(2, dtype=1)",
"zeros_int_requires_grad": "torch.zeros(2, dtype=torch.int64, requires_grad=True)",
"ones_empty_full": """
torch.ones(2, dtype=torch.bool)
torch.ones(3, dtype=torch.float64)
torch.empty(2, 3).shape
torch.empty((2,)).dtype
torch.empty(0)
torch.full((2, 3), 7)
torch.full((2,), 7.)
torch.full((2,), True)
torch.full([2], 7, dtype=torch.float64)
torch.full((2,), 1.5, dtype=torch.int64)
torch.full((2,), 1.5, requires_grad=True)
""",
"full_int_size": "torch.full(2, 7)",
"full_none_value": "torch.full((2,), None)",
"full_str_value": "torch.full((2,), 'a')",
"arange_forms": """
torch.arange(5)
torch.arange(1, 5)
torch.arange(0, 1, 0.25)
torch.arange(5.)
torch.arange(start=1, end=3)
torch.arange(end=3)
torch.arange(5, dtype=torch.float32)
torch.arange(5., requires_grad=True)
torch.arange(0, 5, 1.5)
torch.arange(True)
torch.arange(torch.tensor(3))
torch.arange(5, 0, -2)
""",
"arange_zero_step": "torch.arange(0, 5, 0)",
"arange_wrong_sign": "torch.arange(5, 1)",
"arange_int_requires_grad": "torch.arange(5, requires_grad=True)",
"arange_str": "torch.arange('a')",
"arange_huge_int": "torch.arange(10**20)",
"arange_overflow": "torch.arange(-2**63, 2**63-1)",
"arange_tiny_step": "torch.arange(0, 1e300, 1e-300)",
"arange_huge": "torch.arange(0, 10**12)",
"arange_nan": "torch.arange(float('nan'))",
"linspace_eye": """
torch.linspace(0, 1, 5)
torch.linspace(0, 1, steps=5)
torch.linspace(-1, 1, 3, dtype=torch.float64)
torch.linspace(0, 1, 3, requires_grad=True)
torch.linspace(0, 1, 0)
torch.linspace(0, 1, 1)
torch.eye(3)
torch.eye(2, 3)
torch.eye(2, m=3)
torch.eye(3, dtype=torch.int64)
""",
"linspace_negative_steps": "torch.linspace(0, 1, -1)",
"linspace_huge": "torch.linspace(0, 1, 10**12)",
"eye_negative": "torch.eye(-1)",
"eye_float": "torch.eye(2.5)",
"eye_overflow": "torch.eye(2**40)",
"like_factories": """
x = torch.tensor([[1., 2., 3.], [4., 5., 6.]], requires_grad=True)
i = torch.tensor([1, 2, 3])
torch.zeros_like(x)
torch.ones_like(i, dtype=torch.float32)
torch.full_like(i, 3.7)
torch.full_like(x, 3)
torch.zeros_like(x, requires_grad=True)
torch.empty_like(i).shape
torch.rand_like(x).shape
torch.randn_like(x).dtype
""",
"like_int_requires_grad": "torch.zeros_like(torch.tensor([1, 2]), requires_grad=True)",
"like_list": "torch.zeros_like([1, 2])",
"rand_like_int": "torch.rand_like(torch.tensor([1, 2]))",
"random_shapes": """
torch.manual_seed(0)
torch.rand(2, 3).shape
torch.rand((2, 3)).dtype
torch.rand(2, dtype=torch.float64).dtype
torch.rand(2, requires_grad=True).requires_grad
torch.randn(3, 4).shape
torch.randn(size=(2,)).dtype
torch.randint(0, 10, (3,)).shape
torch.randint(10, (3,)).dtype
torch.randint(0, 10, size=(2, 2)).shape
torch.randint(low=0, high=10, size=(2,)).shape
torch.randint(10, (3,), dtype=torch.float32).dtype
torch.manual_seed(-1)
torch.manual_seed(1.5)
""",
"rand_int_dtype": "torch.rand(2, dtype=torch.int64)",
"rand_bool_dtype": "torch.rand(2, 3, dtype=torch.bool)",
"rand_huge": "torch.rand(10**12)",
"randint_low_high": "torch.randint(5, 2, (3,))",
"randint_no_size": "torch.randint(0, 10)",
"randint_float_high": "torch.randint(3.5, (2,))",
"randint_big_high": "torch.randint(0, 2**70, (2,))",
"manual_seed_str": "torch.manual_seed('a')",
"manual_seed_big": "torch.manual_seed(2**64)",
# --- math ---------------------------------------------------------------------------------
"unary_functions": """
x = torch.tensor([[1., -2., 3.], [4., 5., -6.]], requires_grad=True)
torch.exp(x)
torch.exp(input=x)
torch.log(x)
torch.sqrt(x)
torch.abs(x)
torch.sin(x)
torch.cos(x)
torch.tanh(x)
torch.sigmoid(x)
torch.relu(x)
torch.square(x)
torch.neg(x)
torch.negative(x)
torch.sign(x)
""",
"unary_methods": """
x = torch.tensor([0.25, 1.0, -4.0], requires_grad=True)
x.exp()
x.log()
x.sqrt()
x.abs()
x.sin()
x.cos()
x.tanh()
x.sigmoid()
x.relu()
x.square()
x.neg()
x.sign()
""",
"unary_ints": """
i = torch.tensor([1, 4, -2])
torch.sqrt(i)
torch.square(i)
i.abs()
i.sign()
i.relu()
i.exp()
""",
"unary_not_tensor": "torch.exp(2.0)",
"unary_extra_argument": "torch.exp(torch.tensor(1.), 1)",
"binary_functions": """
x = torch.tensor([[1., -2., 3.], [4., 5., -6.]], requires_grad=True)
torch.add(x, 1)
torch.add(x, x, alpha=2)
torch.sub(x, 1, alpha=3)
torch.mul(x, x)
torch.div(x, 2)
x.add(1)
x.add(1, alpha=2)
x.sub(x)
x.mul(2)
x.div(2)
x.multiply(3)
x.subtract(1)
x.divide(4)
""",
"binary_str": "torch.tensor([1.]).add('a')",
"pow_forms": """
x = torch.tensor([[1., -2., 3.], [4., 5., -6.]], requires_grad=True)
torch.pow(x, 2)
torch.pow(2, x)
torch.pow(x, x)
x.pow(2)
x.pow(exponent=2)
torch.tensor([2, 3]).pow(2)
""",
"clamp_forms": """
x = torch.tensor([[1., -2., 3.], [4., 5., -6.]], requires_grad=True)
torch.clamp(x, min=0)
torch.clamp(x, 0, 1)
torch.clip(x, -1, 1)
x.clamp(min=0)
x.clamp(max=0)
x.clamp(min=1, max=0)
x.clamp(None, 1)
torch.tensor([-1, 2]).clamp(0.5)
torch.tensor([-5, 5]).clamp(-1, 1)
""",
"clamp_no_bounds": "torch.clamp(torch.tensor([1.]))",
"comparisons": """
x = torch.tensor([[1., -2., 3.], [4., 5., -6.]])
x.eq(1)
x.ne(torch.ones(2, 3))
x.lt(0)
x.le(0)
x.gt(0)
x.ge(0)
torch.eq(x, 1)
torch.gt(x, 0)
torch.ge(x, torch.tensor([1., 2., 3.]))
""",
"where_forms": """
x = torch.tensor([[1., -2., 3.], [4., 5., -6.]], requires_grad=True)
torch.where(x > 0, x, torch.zeros(2, 3))
torch.where(x > 0, x, 0.)
torch.where(x > 0, 1., 0.)
torch.where(x > 0, 1, 0)
torch.where(torch.tensor([True, False]), torch.tensor([1., 2.]), torch.tensor([3, 4]))
torch.where(torch.tensor([True, False]), 2.5, torch.tensor([3, 4]))
""",
"where_float_condition": "torch.where(torch.tensor([1., 0.]), 1., 0.)",
"numel_is_tensor": """
x = torch.zeros(2, 3)
torch.numel(x)
torch.is_tensor(x)
torch.is_tensor(1)
torch.is_tensor([x])
""",
"numel_not_tensor": "torch.numel(5)",
# --- reductions ---------------------------------------------------------------------------
"sum_mean": """
x = torch.tensor([[1., -2., 3.], [4., 5., -6.]], requires_grad=True)
torch.sum(x)
torch.sum(x, 0)
torch.sum(x, dim=1, keepdim=True)
torch.sum(x, (0, 1))
torch.sum(x, [0])
x.sum(dtype=torch.float64)
x.sum(0, True)
x.sum(-1)
torch.mean(x)
torch.mean(x, 0)
x.mean((0, 1))
x.mean(dim=-1, keepdim=True)
torch.tensor([1, 2]).sum()
torch.tensor([True, True]).sum()
torch.tensor([1, 2]).sum(dtype=torch.float32)
torch.tensor([1, 2]).mean(dtype=torch.float32)
""",
"sum_dim_out_of_range": "torch.tensor([[1., 2.]]).sum(2)",
"sum_repeated_dim": "torch.tensor([[1., 3.], [4., 2.]]).sum((0, 0))",
"mean_int": "torch.tensor([1, 2]).mean()",
"max_min": """
x = torch.tensor([[1., -2., 3.], [4., 5., -6.]], requires_grad=True)
x.max()
x.min()
x.max(0)
x.max(dim=1, keepdim=True)
x.max(1).values
x.max(1).indices
x.max(1)[0]
torch.max(x)
torch.max(x, 1)
torch.max(x, dim=0)
torch.min(x, 1)
torch.tensor([1., 3., 2.]).max(0)
values, indices = x.min(dim=1)
values
indices
""",
"max_dim_out_of_range": "torch.zeros(2, 3).max(dim=5)",
"max_empty": "torch.tensor([]).max()",
"norm": """
x = torch.tensor([[3., 4.], [0., 0.]], requires_grad=True)
x.norm()
x.norm(dim=1)
x.norm(p=1)
x.norm(1)
x.norm(2, 1, True)
torch.norm(x)
x.norm(p=float('inf'))
x.norm(p=3)
x.norm(p='fro')
x.norm(dim=(0, 1))
x.norm(dtype=torch.float64)
x.data.norm()
y = x.norm(dim=1)
y.sum().backward()
x.grad
x.grad = None
x.norm(p=1).backward()
x.grad
x.grad = None
x.norm(p=float('inf')).backward()
x.grad
x.grad = None
x.norm(p=3).backward()
x.grad
v = torch.tensor([1., -4., 4.], requires_grad=True)
v.norm(p=float('inf')).backward()
v.grad
""",
"all_any": """
x = torch.tensor([[1., 0.], [2., 3.]], requires_grad=True)
x.all()
x.any()
x.all(1)
x.any(dim=0, keepdim=True)
torch.all(x)
torch.any(x > 2)
torch.tensor([]).all()
torch.tensor([]).any()
x.all(dim=(0, 1))
torch.tensor([True, True]).all()
(x == x.detach()).all()
""",
"all_dim_out_of_range": "torch.zeros(2, 2).all(5)",
"norm_int": "torch.tensor([1, 2]).norm()",
"norm_second_order": """
w = torch.tensor([3., 4.], requires_grad=True)
g, = torch.autograd.grad(w.norm(), w, create_graph=True)
g
g[0].backward()
w.grad
u = torch.tensor([1., -2.], requires_grad=True)
h, = torch.autograd.grad(u.norm(p=3), u, create_graph=True)
h
h.sum().backward()
u.grad
""",
"mse_loss_second_order": """
x = torch.tensor([1., 2.], requires_grad=True)
t = torch.tensor([0., 0.5], requires_grad=True)
g = torch.autograd.grad(F.mse_loss(x, t), [x, t], create_graph=True)
g
(g[0].sum() + g[1].sum() * 3).backward()
x.grad
t.grad
""",
"argmax_argmin": """
x = torch.tensor([[1., -2., 3.], [4., 5., -6.]])
torch.argmax(x)
torch.argmax(x, 1)
x.argmax(dim=0, keepdim=True)
x.argmin()
torch.argmin(x, dim=1)
torch.tensor([[1., 3.], [4., 2.]]).argmax(1, True)
""",
"softmax_forms": """
x = torch.tensor([[1., -2., 3.], [4., 5., -6.]], requires_grad=True)
torch.softmax(x, 1)
torch.softmax(x, dim=0)
x.softmax(-1)
x.softmax(dim=-1)
torch.log_softmax(x, 1)
x.log_softmax(dim=1)
torch.softmax(x, 1, dtype=torch.float64)
""",
"softmax_int": "torch.tensor([1, 2]).softmax(0)",
# --- views --------------------------------------------------------------------------------
"view_reshape": """
x = torch.tensor([[1., 2., 3.], [4., 5., 6.]], requires_grad=True)
x.view(3, 2)
x.view((3, 2))
x.view([3, 2])
x.view(-1)
x.view(size=(6,))
x.reshape(6)
x.reshape((6,))
x.reshape(shape=(6,))
x.reshape(-1, 1).shape
torch.reshape(x, (3, 2))
torch.arange(6).view(2, 3).t().reshape(6)
""",
"view_bad_size": "torch.zeros(2, 3).view(4)",
"view_two_inferred": "torch.zeros(2, 3).view(-1, -1)",
"view_tuple_second": "torch.zeros(2, 3).view(3, (2,))",
"view_noncontiguous": "torch.arange(6).view(2, 3).t().view(6)",
"reshape_bad": "torch.arange(6).reshape(4, -1)",
"permute_transpose": """
x = torch.tensor([[1., 2., 3.], [4., 5., 6.]], requires_grad=True)
x.permute(1, 0)
x.permute((1, 0))
x.permute(dims=(1, 0))
torch.permute(x, (1, 0))
x.transpose(0, 1)
x.transpose(dim0=0, dim1=1)
torch.transpose(x, 0, 1)
x.t()
torch.t(x)
x.T
torch.zeros(2, 3, 4).permute(2, 0, 1).shape
torch.zeros(3).t()
""",
"permute_wrong_count": "torch.zeros(2, 3).permute(0)",
"permute_duplicate": "torch.zeros(2, 3).permute(0, 0)",
"transpose_out_of_range": "torch.zeros(2, 3).transpose(0, 2)",
"t_3d": "torch.zeros(2, 2, 2).t()",
"T_warnings": """
torch.zeros(3).T
torch.zeros(2, 3, 4).T.shape
torch.tensor(2.).T
""",
"squeeze_unsqueeze": """
x = torch.tensor([[1., 2., 3.]], requires_grad=True)
x.unsqueeze(0)
x.unsqueeze(dim=2).shape
torch.unsqueeze(x, -1).shape
x.squeeze()
x.squeeze(0)
x.squeeze(dim=0)
torch.squeeze(x)
torch.zeros(1, 3, 1).squeeze().shape
torch.zeros(1, 3, 1).squeeze(1).shape
torch.tensor(5.0).unsqueeze(0)
""",
"unsqueeze_out_of_range": "torch.zeros(2, 3).unsqueeze(3)",
"squeeze_out_of_range": "torch.zeros(2, 3).squeeze(5)",
"expand_flatten": """
x = torch.tensor([[1.], [2.]], requires_grad=True)
x.expand(2, 3)
x.expand((2, 3))
x.expand(-1, 2)
x.expand(size=(2, 2, 2)).shape
torch.tensor(3).expand(2)
torch.zeros(3).expand(2, -1).shape
y = torch.zeros(2, 3, 4)
y.flatten().shape
y.flatten(1).shape
y.flatten(start_dim=0, end_dim=1).shape
torch.flatten(y, 1).shape
torch.zeros(2, 3).flatten(1)
torch.tensor(5.).flatten()
x.flatten()
""",
"unbind": """
x = torch.tensor([[1., 2.], [3., 4.]], requires_grad=True)
x.unbind()
torch.unbind(x, 1)
x.unbind(dim=-1)
torch.zeros(0, 2).unbind()
x.unbind(0)[1].grad_fn.next_functions
a, b = x.unbind(1)
(a * 2 + b * 3).sum().backward()
x.grad
""",
"unbind_0_dim": "torch.tensor(1.).unbind()",
"unbind_out_of_range": "torch.zeros(2, 2).unbind(2)",
"expand_bad": "torch.zeros(2, 3).expand(3, 3)",
"expand_too_few": "torch.zeros(2, 3).expand(2)",
"flatten_out_of_range": "torch.zeros(2, 3).flatten(0, 5)",
"size_queries": """
x = torch.zeros(2, 3, 4)
x.size()
x.size(0)
x.size(-1)
x.size(dim=1)
x.size(None)
x.shape
x.dim()
x.ndim
x.ndimension()
x.numel()
x.nelement()
torch.tensor(1.0).shape
""",
"size_out_of_range": "torch.zeros(2, 3).size(2)",
"size_str": "torch.zeros(2, 3).size('a')",
"copies": """
x = torch.tensor([[1., 2., 3.], [4., 5., 6.]], requires_grad=True)
x.is_contiguous()
x.t().is_contiguous()
x.t().contiguous().is_contiguous()
x.contiguous() is x
x.clone()
torch.clone(x)
x.detach()
torch.detach(x)
x.detach().requires_grad
""",
# --- values and dtypes ---------------------------------------------------------------------
"item_tolist": """
torch.tensor([2.5]).item()
torch.tensor(3).item()
torch.tensor(True).item()
torch.tensor([[1.0]]).item()
torch.tensor([[1., 2.], [3., 4.]]).tolist()
torch.tensor([1, 2, 3]).tolist()
torch.tensor(2.5).tolist()
torch.tensor([True, False]).tolist()
torch.tensor([[]]).tolist()
""",
"item_many": "torch.tensor([1.0, 2.0]).item()",
"to_and_casts": """
x = torch.tensor([1.7, -0.2], requires_grad=True)
x.to(torch.float64)
x.to(dtype=torch.float64)
x.to('cpu')
x.to(x.device)
x.to(torch.float64, copy=True)
x.to(torch.float32) is x
x.to(torch.tensor([1, 2]))
x.to()
x.float()
x.float() is x
x.double()
x.long()
x.bool()
x.type()
torch.tensor([1, 2]).type()
torch.tensor([True]).type()
x.type(torch.float64)
x.type('torch.DoubleTensor')
x.cpu()
x.to(torch.float64).grad_fn.next_functions
""",
"to_cuda": "torch.zeros(2).to('cuda')",
"dtype_objects": """
(torch.float32, torch.float, torch.float64, torch.double, torch.int64, torch.long, torch.bool)
torch.float32 == torch.float
torch.float32.is_floating_point
torch.int64.is_floating_point
torch.float64.itemsize
torch.zeros(2).dtype == torch.float32
torch.zeros(2).dtype is torch.float32
torch.float is torch.float32
torch.tensor([1.], dtype=torch.float64).dtype is torch.double
""",
"types_and_devices": """
torch.Tensor
torch.Size
torch.Size([2, 3])
torch.Size((2,))
torch.Size()
torch.Tensor([1, 2])
torch.Tensor(2, 3).shape
torch.Tensor()
torch.device('cpu')
torch.device('cuda')
torch.zeros(2).device
torch.zeros(2).device == torch.device('cpu')
torch.zeros(2).device.type
torch.zeros(2).is_cuda
torch.cuda.is_available()
torch.zeros(2, device='cpu')
torch.pi
torch.e
torch.inf
torch.nan
""",
"size_bad_item": "torch.Size([2.5])",
"device_bad": "torch.device('foo')",
# --- autograd -----------------------------------------------------------------------------
"backward_basic": """
x = torch.tensor([1., 2.], requires_grad=True)
y = (x * x).sum()
y
y.backward()
x.grad
y2 = (x * 3).sum()
y2.backward()
x.grad
x.grad = None
x.grad
""",
"backward_gradient": """
x = torch.tensor([1., 2.], requires_grad=True)
y = x * x
y.backward(torch.ones(2))
x.grad
z = x * x
z.backward(gradient=torch.tensor([1., 0.5]))
x.grad
""",
"backward_non_scalar": """
x = torch.tensor([1., 2.], requires_grad=True)
(x * x).backward()
""",
"backward_gradient_list": """
x = torch.tensor([1., 2.], requires_grad=True)
(x * x).backward([1., 1.])
""",
"backward_gradient_float": """
x = torch.tensor([1., 2.], requires_grad=True)
(x * x).backward(1.0)
""",
"backward_gradient_shape": """
x = torch.tensor([1., 2.], requires_grad=True)
(x * x).backward(torch.ones(3))
""",
"backward_twice": """
x = torch.tensor([1., 2.], requires_grad=True)
y = (x * x).sum()
y.backward(retain_graph=True)
y.backward()
x.grad
y.backward()
""",
"backward_no_grad": "torch.tensor(1.).backward()",
"backward_create_graph": """
x = torch.tensor([2., 3.], requires_grad=True)
y = (x ** 3).sum()
y.backward(create_graph=True)
x.grad
""",
"autograd_grad": """
x = torch.tensor(2., requires_grad=True)
y = x ** 3
torch.autograd.grad(y, x, retain_graph=True)
torch.autograd.grad([y], [x], retain_graph=True)
g, = torch.autograd.grad(y, x, create_graph=True)
g
torch.autograd.grad(g, x)
z = torch.tensor(1., requires_grad=True)
torch.autograd.grad(x * 2, [x, z], allow_unused=True)
v = torch.tensor([2., 3.], requires_grad=True)
torch.autograd.grad(v ** 2, v, grad_outputs=torch.ones(2))
torch.autograd.grad(outputs=v ** 2, inputs=v, grad_outputs=[torch.ones(2)])
""",
"autograd_grad_unused": """
x = torch.tensor(2., requires_grad=True)
z = torch.tensor(1., requires_grad=True)
torch.autograd.grad(x * 2, [x, z])
""",
"autograd_grad_non_scalar": """
v = torch.tensor([2., 3.], requires_grad=True)
torch.autograd.grad(v ** 2, v)
""",
"autograd_grad_int_inputs": """
v = torch.tensor([2., 3.], requires_grad=True)
torch.autograd.grad((v ** 2).sum(), 5)
""",
"autograd_grad_no_grad": """
v = torch.tensor([2., 3.])
torch.autograd.grad((v ** 2).sum(), v)
""",
"autograd_backward": """
x = torch.tensor([2., 3.], requires_grad=True)
torch.autograd.backward((x ** 2).sum())
x.grad
torch.autograd.backward(x ** 2, torch.ones(2))
x.grad
torch.autograd.backward([x * 2], grad_tensors=[torch.ones(2)])
x.grad
""",
"non_leaf_grad": """
x = torch.tensor([2., 3.], requires_grad=True)
y = x * 2
y.grad
y.is_leaf
y.requires_grad
x.is_leaf
torch.zeros(2, 3).grad
(torch.zeros(2) * 2).grad
""",
"retain_grad": """
x = torch.tensor([2., 3.], requires_grad=True)
y = x * 2
y.retains_grad
y.retain_grad()
y.retains_grad
y.sum().backward()
y.grad
x.retain_grad()
x.retains_grad
""",
"retain_grad_no_grad": "torch.tensor([2., 3.]).retain_grad()",
"requires_grad_forms": """
x = torch.tensor([2., 3.])
x.requires_grad
x.requires_grad_()
x.requires_grad_(False)
x.requires_grad_(requires_grad=True)
x.requires_grad = False
x
x.requires_grad = True
x
torch.tensor([2, 3]).requires_grad_(False)
y = x * 2
y.requires_grad_()
""",
"requires_grad_int_attribute": """
x = torch.tensor([2, 3])
x.requires_grad = True
""",
"requires_grad_int_method": "torch.tensor([2, 3]).requires_grad_()",
"requires_grad_not_bool": """
x = torch.tensor([2., 3.])
x.requires_grad = 1
""",
"requires_grad__not_bool": "torch.tensor([2., 3.]).requires_grad_(1)",
"requires_grad_non_leaf_off": """
x = torch.tensor([2., 3.], requires_grad=True)
y = x * 2
y.requires_grad = False
""",
"requires_grad_non_leaf_on": """
x = torch.tensor([2., 3.], requires_grad=True)
y = x * 2
y.requires_grad = True
""",
"requires_grad__non_leaf_off": """
x = torch.tensor([2., 3.], requires_grad=True)
(x * 2).requires_grad_(False)
""",
"grad_setter": """
x = torch.tensor([2., 3.])
x.grad = torch.ones(2)
x.grad
x.grad = None
x.grad
""",
"grad_setter_shape": """
x = torch.tensor([2., 3.])
x.grad = torch.ones(3)
""",
"grad_setter_dtype": """
x = torch.tensor([2., 3.])
x.grad = torch.ones(2, dtype=torch.float64)
""",
"grad_setter_int": """
x = torch.tensor([2., 3.])
x.grad = 5
""",
"grad_zero_before_backward": """
w = torch.tensor([2., 3.], requires_grad=True)
w.grad.zero_()
""",
"read_only_attributes": """
x = torch.tensor([2., 3.])
x.is_leaf = False
""",
"read_only_shape": """
x = torch.tensor([2., 3.])
x.shape = (2,)
""",
"read_only_grad_fn": """
x = torch.tensor([2., 3.])
x.grad_fn = None
""",
"data_attribute": """
x = torch.tensor([2., 3.], requires_grad=True)
x.data
(x * 2).data
x.data.mul_(2)
x
x.data = torch.tensor([5., 6., 7.])
x
""",
"data_int_into_grad": """
x = torch.tensor([2., 3.], requires_grad=True)
x.data = torch.tensor([5, 6])
""",
"data_not_tensor": """
x = torch.tensor([2., 3.], requires_grad=True)
x.data = 5
""",
"detach_in_place": """
x = torch.tensor([1., 2.], requires_grad=True)
y = x * 2
y.detach_()
(y.requires_grad, y.is_leaf, y.grad_fn)
""",
"detach_view_in_place": """
x = torch.tensor([1., 2.], requires_grad=True)
x.view(2).detach_()
""",
"grad_fn_graph": """
x = torch.tensor([2., 3.], requires_grad=True)
w = torch.tensor([1., 1.], requires_grad=True)
y = (x * 2).sum()
y.grad_fn
y.grad_fn.name()
y.grad_fn.next_functions
y.grad_fn.next_functions[0][0].next_functions
y.grad_fn.next_functions[0][0].next_functions[0][0].next_functions
y.grad_fn.next_functions[0][0].next_functions[0][0].variable
y.grad_fn.next_functions[0][0].next_functions[0][0].variable is x
y.grad_fn.next_functions[0][0].next_functions[0][0].name()
(x * w + 1).grad_fn.next_functions
x.exp().grad_fn.next_functions
x.grad_fn
y.grad_fn.metadata
""",
"grad_fn_missing_attribute": """
x = torch.tensor([2., 3.], requires_grad=True)
(x * 2).grad_fn.foo
""",
"accumulate_grad_missing_attribute": """
x = torch.tensor([2., 3.], requires_grad=True)
(x * 2).grad_fn.next_functions[0][0].foo
""",
"tensor_missing_attribute": "torch.zeros(2).foo",
"grad_fn_names": """
x = torch.tensor([[1., 2.], [3., 4.]], requires_grad=True)
(x + 1).grad_fn
(1 - x).grad_fn
(2 / x).grad_fn
(x ** 2).grad_fn
(2 ** x).grad_fn
x.sum(0).grad_fn
x.mean().grad_fn
x.max().grad_fn
x.t().grad_fn
x.T.grad_fn
x.view(4).grad_fn
x.unsqueeze(0).grad_fn
x.clone().grad_fn
x.clamp(0, 1).grad_fn
x.expand(2, 2, 2).grad_fn
x.softmax(0).grad_fn
x.double().grad_fn
""",
# --- grad mode ----------------------------------------------------------------------------
"grad_mode_objects": """
torch.no_grad
torch.enable_grad
torch.set_grad_enabled
torch.is_grad_enabled()
""",
"no_grad_block": """
x = torch.tensor([1., 2.], requires_grad=True)
with torch.no_grad():
    y = x * 2
    torch.is_grad_enabled()
y
torch.is_grad_enabled()
with torch.no_grad() as g:
    pass
g
with torch.no_grad():
    with torch.enable_grad():
        torch.is_grad_enabled()
        z = x * 2
    torch.is_grad_enabled()
z
""",
"no_grad_update": """
x = torch.tensor([1., 2.], requires_grad=True)
(x * x).sum().backward()
with torch.no_grad():
    x -= 0.1 * x.grad
x
x.is_leaf
x.grad.zero_()
x
""",
"set_grad_enabled_forms": """
x = torch.tensor([1., 2.], requires_grad=True)
torch.set_grad_enabled(False)
torch.is_grad_enabled()
x * 2
torch.set_grad_enabled(True)
torch.is_grad_enabled()
with torch.set_grad_enabled(False):
    torch.is_grad_enabled()
torch.is_grad_enabled()
torch.set_grad_enabled(mode=False)
torch.is_grad_enabled()
torch.set_grad_enabled(True)
""",
"set_grad_enabled_int": "torch.set_grad_enabled(0)",
"no_grad_error_restores": """
with torch.no_grad():
    torch.zeros(2).view(3)
""",
# --- in place -----------------------------------------------------------------------------
"setitem_expanded_warnings": """
t = torch.zeros(1).expand(3)
t[torch.tensor([True, False, True])] = torch.tensor(1.0)
t[torch.tensor([True, False, True])] = torch.ones(2)
t[torch.tensor([0, 1])] = torch.tensor(2.0)
t[torch.tensor([0, 1])] = 2.0
t[torch.tensor([True, False, True])] = 2.0
t
u = torch.zeros(3, 1).expand(3, 2)
u[0, torch.tensor([1])] = 3.0
u[torch.tensor([0]), 1] = 4.0
u
""",
"in_place_methods": """
x = torch.tensor([1., 2.])
x.add_(1, alpha=2)
x.add_(other=torch.ones(2))
x.sub_(1)
x.sub_(1, alpha=0.5)
x.mul_(3)
x.div_(2)
x.pow_(2)
x.zero_()
x.fill_(3)
x.fill_(torch.tensor(4.))
x.fill_(True)
x.copy_(torch.tensor([7, 8]))
x.clamp_(min=7.5)
x.clamp_(0, 1)
x
i = torch.tensor([1, 2])
i.fill_(2.7)
""",
"in_place_leaf": """
x = torch.tensor([1., 2.], requires_grad=True)
x.add_(1)
""",
"in_place_int_float": """
x = torch.tensor([1, 2])
x.mul_(2.5)
""",
"in_place_broadcast": """
x = torch.tensor([1., 2.])
x.add_(torch.ones(2, 2))
""",
"in_place_fill_vector": """
x = torch.tensor([1., 2.])
x.fill_(torch.tensor([4., 5.]))
""",
"in_place_copy_list": """
x = torch.tensor([1., 2.])
x.copy_([7, 8])
""",
"in_place_add_str": """
x = torch.tensor([1., 2.])
x.add_('a')
""",
"in_place_int_alpha": """
x = torch.tensor([1, 2])
x.add_(1, alpha=0.5)
""",
"in_place_clamp_no_bounds": """
x = torch.tensor([1., 2.])
x.clamp_()
""",
"augmented_assignment": """
x = torch.tensor([1., 2.])
y = x
y += 1
x
x -= torch.tensor([0.5, 0.5])
x
x *= 2
x /= 4
x
x **= 2
x
x //= 0.5
x
x %= 2
x
b = torch.tensor([True, False])
b &= torch.tensor([True, True])
b
b |= torch.tensor([False, True])
b
""",
"augmented_non_leaf": """
x = torch.tensor([[1., 2.]], requires_grad=True)
y = x * 1
y += 1
y
y *= 2
y
y.sum().backward()
x.grad
""",
"augmented_leaf": """
x = torch.tensor([1., 2.], requires_grad=True)
x += 1
""",
"augmented_list": """
x = torch.tensor([1., 2.])
x += [1, 2]
""",
"augmented_int_div": """
x = torch.tensor([1, 2])
x /= 2
""",
"augmented_float_and": """
x = torch.tensor([1., 2.])
x &= torch.tensor([True, False])
""",
# --- torch.nn.functional ------------------------------------------------------------------
"functional": """
F.relu(torch.tensor([-1., 2.]))
F.softmax(torch.tensor([1., 2.]), dim=0)
F.softmax(torch.tensor([1., 2.]), 0)
F.softmax(torch.tensor([1., 2.]))
F.softmax(torch.tensor([[1., 2.], [3., 5.]]))
F.log_softmax(torch.tensor([1., 2.]), dim=0)
F.log_softmax(torch.tensor([1., 2.]))
F.sigmoid(torch.tensor([1., 2.]))
F.tanh(torch.tensor([1., 2.]))
x = torch.tensor([-1., 2.])
F.relu(x, inplace=True)
x
""",
"mse_loss": """
x = torch.tensor([1., 2.], requires_grad=True)
t = torch.tensor([0., 0.5])
loss = F.mse_loss(x, t)
loss
loss.backward()
x.grad
F.mse_loss(x, t, reduction='sum')
F.mse_loss(x, t, reduction='none')
F.mse_loss(torch.tensor([[1., 2.]]), torch.tensor([0., 0.]))
w = torch.tensor([[1., 2.]], requires_grad=True)
F.mse_loss(w, torch.tensor([0., 1.]), reduction='sum').backward()
w.grad
""",
"mse_loss_bad_reduction": "F.mse_loss(torch.tensor([1., 2.]), torch.tensor([0., 0.]), reduction='foo')",
"mse_loss_bad_shapes": "F.mse_loss(torch.tensor([1., 2.]), torch.tensor([0., 0., 0.]))",
"indexing_reads": """
x = torch.tensor([[0., 1., 2.], [3., 4., 5.]], requires_grad=True)
x[0]
x[-1, 2]
x[:, 1]
x[0:1]
x[0:1, :]
x[::2]
x[..., 1]
x[None]
x[None, 0].shape
x[True].shape
x[torch.tensor(1)]
x[[0, 1]]
x[[]]
x[[True, False]]
x[[0.5]]
x[:, [0, 2]]
x[x > 2]
x[0:2**70].shape
x[(0, 1)]
x[0][1]
""",
"indexing_list_as_tuple": """
x = torch.tensor([[0., 1., 2.], [3., 4., 5.]])
x[[0, [1]]]
x[[None]].shape
""",
"indexing_float": "torch.zeros(2, 3)[1.5]",
"indexing_str": "torch.zeros(2, 3)['a']",
"indexing_float_slice": "torch.zeros(2, 3)[0.5:1]",
"indexing_float_tensor": "torch.zeros(2, 3)[torch.tensor([0.])]",
"indexing_big_int": "torch.zeros(2, 3)[2**70]",
"indexing_out_of_range": "torch.zeros(2, 3)[5]",
"indexing_too_many": "torch.zeros(2, 3)[0, 0, 0]",
"indexing_writes": """
x = torch.zeros(2, 3)
x[0] = 5
x
x[:, 1] = torch.tensor([7., 8.])
x
x[x > 6] = -1
x
x[0, 0] += 10
x
x[[1]] = torch.tensor([1., 2., 3.])
x
w = torch.tensor([1., 2., 3.], requires_grad=True)
y = w * 1
y[0] = 0
y
y.sum().backward()
w.grad
""",
"indexing_write_list": """
x = torch.zeros(2, 3)
x[0] = [1, 2, 3]
""",
"indexing_write_none": """
x = torch.zeros(2, 3)
x[0] = None
""",
"indexing_write_big": """
x = torch.zeros(2, 3)
x[0] = 2**70
""",
"indexing_write_leaf": """
w = torch.tensor([1., 2., 3.], requires_grad=True)
w[0] = 0
""",
"matmul": """
a = torch.tensor([[1., 2., 3.], [4., 5., 6.]], requires_grad=True)
v = torch.tensor([1., 0., -1.], requires_grad=True)
torch.matmul(a, v)
a.matmul(v)
a @ v
torch.mm(a, a.t())
a.mm(a.t())
torch.mv(a, v)
a.mv(v)
torch.dot(v, v)
v.dot(v)
torch.bmm(a.unsqueeze(0), a.t().unsqueeze(0))
torch.matmul(input=a, other=v)
torch.mm(input=a, mat2=a.t())
torch.dot(input=v, tensor=v)
(a @ v).sum().backward()
a.grad
v.grad
m = torch.tensor([[1., 2.]])
m @= torch.eye(2)
m
w = torch.tensor([1., 2.])
w @= w
w
""",
"matmul_not_tensor": "torch.matmul(torch.ones(2, 3), 5)",
"matmul_input_not_tensor": "torch.matmul(5, torch.ones(2, 3))",
"matmul_method_not_tensor": "torch.ones(2, 3).mm(5)",
"mv_not_tensor": "torch.mv(torch.ones(2, 3), 5)",
"dot_not_tensor": "torch.ones(3).dot(5)",
"mm_shapes": "torch.mm(torch.ones(2, 3), torch.ones(2, 3))",
"dot_sizes": "torch.dot(torch.ones(3), torch.ones(2))",
"bmm_rank": "torch.bmm(torch.ones(2, 3), torch.ones(2, 3))",
"matmul_0_dim": "torch.matmul(torch.tensor(1.), torch.ones(2))",
"join": """
a = torch.ones(2, requires_grad=True)
b = torch.zeros(2)
torch.cat([a, b])
torch.cat((a, b), 0)
torch.cat([a, b], dim=0)
torch.cat(tensors=[a])
torch.concat([a, b])
torch.stack([a, b])
torch.stack([a, b], 1)
torch.stack((a, b), dim=-1).shape
""",
"cat_not_sequence": "torch.cat(torch.ones(2))",
"cat_int_element": "torch.cat([torch.ones(2), 1])",
"cat_empty": "torch.cat([])",
"cat_dim_out_of_range": "torch.cat([torch.ones(2), torch.ones(2)], 1)",
"cat_float_dim": "torch.cat([torch.ones(2)], 0.5)",
"cat_zero_dim": "torch.cat([torch.tensor(1.), torch.ones(2)])",
"stack_empty": "torch.stack([])",
"stack_shapes": "torch.stack([torch.ones(2), torch.zeros(3)])",
"stack_not_sequence": "torch.stack(5)",
"module_objects": """
torch.nn.functional.relu(torch.tensor([-3.]))
torch.Size(torch.zeros(2, 3).shape)
""",
}

ADDRESS = re.compile(r"0x[0-9a-f]+")

def normalise(text):
    return ADDRESS.sub("0x…", text)

def record(source):
    torch.set_grad_enabled(True)
    scope = {"torch": torch, "F": F}
    source = source.strip()
    steps = []
    for node in ast.parse(source).body:
        text = ast.get_source_segment(source, node)
        step = {"source": text}
        shown = io.StringIO()
        with warnings.catch_warnings(record=True) as caught, contextlib.redirect_stdout(shown):
            warnings.simplefilter("always")
            try:
                exec(compile(text + "\n", "<case>", "single"), scope)
            except Exception as e:
                step["error"] = f"{type(e).__name__}: {e}"
        step["output"] = normalise(shown.getvalue())
        step["warnings"] = [f"{w.category.__name__}: {w.message}" for w in caught]
        steps.append(step)
        if "error" in step:
            break
    return steps

if __name__ == "__main__":
    cases = {name: record(source) for name, source in CASES.items()}
    path = os.path.join(os.path.dirname(os.path.abspath(__file__)), "cases.json")
    # One statement per line keeps the file short and its diffs readable.
    with open(path, "w") as f:
        f.write('{"torch": %s, "cases": {\n' % json.dumps(torch.__version__))
        for k, (name, steps) in enumerate(cases.items()):
            lines = ",\n  ".join(json.dumps(step, ensure_ascii=False) for step in steps)
            f.write(' %s: [\n  %s\n ]%s\n' % (json.dumps(name), lines, "," if k < len(cases) - 1 else ""))
        f.write("}}\n")
    print(f"{len(cases)} cases, {sum(len(s) for s in cases.values())} statements → {path}")
