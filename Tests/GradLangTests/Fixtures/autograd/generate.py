"""Records what real PyTorch prints for each autograd case; AutogradSemanticsTests.swift runs the
same source through grad and compares. Run: ~/torchenv/bin/python generate.py"""
import os, sys
sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))
from recording import record  # noqa: E402


CASES = {
"accumulate_then_zero": """
x = torch.tensor([1., 2.], requires_grad=True)
(x * x).sum().backward(); print(x.grad)
(x * 3).sum().backward(); print(x.grad)
x.grad.zero_(); (x ** 3).sum().backward(); print(x.grad)
x.grad = None; print(x.grad)
""",
"retain_grad_nonleaf": """
x = torch.tensor([1., 2.], requires_grad=True)
y = x * 2; y.retain_grad(); z = (y * y).sum(); z.backward()
print(y.grad, x.grad, y.retains_grad, x.is_leaf, y.is_leaf)
""",
"nonleaf_grad_is_none": """
x = torch.tensor(2., requires_grad=True)
y = x * 3; y.backward(); print(y.grad, x.grad)
""",
"no_grad_blocks_recording": """
x = torch.tensor([1.], requires_grad=True)
with torch.no_grad():
    y = x * 2
    print(y.requires_grad, y.grad_fn, torch.is_grad_enabled())
    with torch.enable_grad():
        z = x * 2
        print(z.requires_grad, z)
print(torch.is_grad_enabled())
""",
"set_grad_enabled": """
x = torch.tensor([1.], requires_grad=True)
torch.set_grad_enabled(False); y = x + 1; print(y); torch.set_grad_enabled(True)
with torch.set_grad_enabled(False):
    print((x + 1).requires_grad)
print((x + 1))
""",
"update_in_no_grad_stays_leaf": """
w = torch.tensor([1., 2.], requires_grad=True)
(w * w).sum().backward()
with torch.no_grad():
    w -= 0.1 * w.grad
print(w, w.is_leaf, w.grad)
""",
"update_outside_no_grad_makes_nonleaf": """
w = torch.tensor([1., 2.], requires_grad=True)
(w * w).sum().backward()
w = w - 0.1 * w.grad
print(w, w.is_leaf, w.grad)
""",
"broadcast_grad_summed_back": """
a = torch.tensor([[1.], [2.], [3.]], requires_grad=True)
b = torch.tensor([10., 20.], requires_grad=True)
(a * b).sum().backward(); print(a.grad); print(b.grad)
""",
"scalar_tensor_broadcast": """
s = torch.tensor(2., requires_grad=True)
v = torch.tensor([1., 2., 3.], requires_grad=True)
(s * v + s).sum().backward(); print(s.grad, v.grad)
""",
"backward_with_gradient": """
x = torch.tensor([1., 2., 3.], requires_grad=True)
y = x * x
y.backward(torch.tensor([1., 0.1, 0.01])); print(x.grad)
""",
"retain_graph_twice": """
x = torch.tensor(3., requires_grad=True)
y = x ** 2
y.backward(retain_graph=True); y.backward(); print(x.grad)
""",
"second_backward_error": """
x = torch.tensor(3., requires_grad=True)
y = x.exp() * x
y.backward(); y.backward()
""",
"create_graph_second_derivative": """
x = torch.tensor(2., requires_grad=True)
y = x ** 3
(g,) = torch.autograd.grad(y, x, create_graph=True); print(g)
(h,) = torch.autograd.grad(g, x); print(h)
""",
"create_graph_backward_twice": """
x = torch.tensor(1.5, requires_grad=True)
y = x.sin() * x
y.backward(create_graph=True); g = x.grad; print(g)
x.grad = None; g.backward(); print(x.grad)
""",
"third_derivative_tanh": """
x = torch.tensor(0.3, dtype=torch.float64, requires_grad=True)
y = x.tanh()
g1, = torch.autograd.grad(y, x, create_graph=True)
g2, = torch.autograd.grad(g1, x, create_graph=True)
g3, = torch.autograd.grad(g2, x)
print(g1, g2, g3)
""",
"autograd_grad_multiple": """
a = torch.tensor([1., 2.], requires_grad=True)
b = torch.tensor([3., 4.], requires_grad=True)
ga, gb = torch.autograd.grad((a * b).sum(), [a, b]); print(ga, gb, a.grad)
""",
"autograd_grad_outputs": """
a = torch.tensor([1., 2.], requires_grad=True)
g, = torch.autograd.grad(a * a, a, grad_outputs=torch.tensor([1., -1.])); print(g)
""",
"autograd_grad_unused": """
a = torch.tensor(1., requires_grad=True); b = torch.tensor(2., requires_grad=True)
print(torch.autograd.grad(a * 2, [a, b], allow_unused=True))
torch.autograd.grad(a * 2, [a, b])
""",
"autograd_grad_nonleaf_input": """
x = torch.tensor(2., requires_grad=True)
y = x * x
z = y * 3
print(torch.autograd.grad(z, y))
""",
"error_nonscalar": """
x = torch.tensor([1., 2.], requires_grad=True)
(x * 2).backward()
""",
"error_no_grad_fn": """
x = torch.tensor([1., 2.])
x.sum().backward()
""",
"error_leaf_inplace": """
x = torch.tensor([1., 2.], requires_grad=True)
x += 1
""",
"error_saved_modified_exp": """
x = torch.tensor([1., 2.], requires_grad=True)
a = x.exp(); a.add_(1); a.sum().backward()
""",
"error_saved_modified_leaf": """
x = torch.tensor([1., 2.], requires_grad=True)
z = x * x
with torch.no_grad():
    x.mul_(2)
z.sum().backward()
""",
"error_saved_modified_renamed": """
x = torch.tensor([1., 2.], requires_grad=True)
y = x * 1; z = y * y; y.add_(1); z.sum().backward()
""",
"error_requires_grad_int": """
torch.tensor([1, 2], requires_grad=True)
""",
"error_requires_grad_attr_int": """
x = torch.tensor([1, 2]); x.requires_grad = True
""",
"error_requires_grad_method_int": """
torch.tensor([1, 2]).requires_grad_()
""",
"error_requires_grad_nonleaf": """
x = torch.tensor([1., 2.], requires_grad=True)
y = x * 2; y.requires_grad = False
""",
"error_shape_mismatch": """
torch.tensor([1., 2., 3.]) + torch.ones(2, 4)
""",
"error_grad_shape": """
x = torch.tensor([1., 2.], requires_grad=True)
(x * 2).backward(torch.ones(3))
""",
"error_grad_assign_shape": """
x = torch.tensor([1., 2.], requires_grad=True); x.grad = torch.zeros(3)
""",
"error_grad_assign_dtype": """
x = torch.tensor([1., 2.], requires_grad=True); x.grad = torch.zeros(2, dtype=torch.float64)
""",
"inplace_nonleaf_graph": """
x = torch.tensor([1., 2.], requires_grad=True)
y = x * 2
y.mul_(x)
print(y)
y.sum().backward(); print(x.grad)
""",
"inplace_through_view": """
x = torch.tensor([[1., 2.], [3., 4.]], requires_grad=True)
y = x * 1
y.t().mul_(torch.tensor([2., 3.]))
print(y); y.sum().backward(); print(x.grad)
""",
"inplace_view_then_use": """
x = torch.tensor([1., 2.], requires_grad=True)
y = x * 1; v = y.view(2, 1); v.add_(1)
print(type(v.grad_fn).__name__, type(y.grad_fn).__name__)
w = v * x; print(w); (w * w).sum().backward(); print(x.grad)
""",
"inplace_view_of_constant": """
x = torch.tensor(3., requires_grad=True)
buf = torch.zeros(3)
buf.view(3, 1).mul_(x)
buf.add_(x)
print(buf); (buf * buf).sum().backward(); print(x.grad)
""",
"detach_and_data": """
x = torch.tensor([1., 2.], requires_grad=True)
d = x.detach(); print(d, d.requires_grad)
z = (x * x).sum(); x.data.add_(1); z.backward(); print(x.grad, x)
""",
"detach_shares_version": """
x = torch.tensor([1., 2.], requires_grad=True)
z = (x * x).sum(); x.detach().add_(1); z.backward()
""",
"int_promotion": """
i = torch.tensor([1, 2]); f = torch.tensor([0.5, 0.25])
print(i * 2.5, i / 2, i // 2, i + f, torch.tensor([1., 2.], dtype=torch.float64) + torch.tensor(1.), torch.tensor(2., dtype=torch.float64) * torch.tensor(3.))
""",
"grad_fn_names": """
x = torch.tensor([1., 2.], requires_grad=True)
for t in [x + 1, x - 1, 1 - x, x * 2, x / 2, 2 / x, x ** 2, x ** x, 2 ** x, -x, x.sum(), x.sum(0), x.mean(), x.max(), x.exp(), x.log(), x.sqrt(), x.abs(), x.sin(), x.cos(), x.tanh(), x.sigmoid(), x.relu(), x.view(2, 1), x.reshape(1, 2), x.unsqueeze(0), x.unsqueeze(0).squeeze(), x.unsqueeze(0).squeeze(0), x.clone(), x.clamp(0, 1), x.expand(3, 2), x.softmax(0), x.log_softmax(0), x.to(torch.float64)]:
    print(type(t.grad_fn).__name__)
""",
"max_dim_backward": """
x = torch.tensor([[1., 5.], [7., 2.]], requires_grad=True)
v, i = x.max(1); print(v, i); v.sum().backward(); print(x.grad)
""",
"max_ties_share": """
x = torch.tensor([3., 1., 3.], requires_grad=True)
x.max().backward(); print(x.grad)
""",
"softmax_backward": """
x = torch.tensor([1., 2., 3.], requires_grad=True)
(x.softmax(0) * torch.tensor([1., 0., 0.])).sum().backward(); print(x.grad)
""",
"mean_dims_keepdim": """
x = torch.tensor([[1., 2., 3.], [4., 5., 6.]], requires_grad=True)
m = x.mean(1, keepdim=True); print(m); m.sum().backward(); print(x.grad)
""",
}

if __name__ == "__main__":
    record(CASES)
