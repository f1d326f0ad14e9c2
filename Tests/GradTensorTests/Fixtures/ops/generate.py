"""Records what real PyTorch prints for tensor creation, ops, dtypes and their errors;
TensorOpsTests.swift replays the same steps through GradTensor. Run: ~/torchenv/bin/python generate.py"""
import json, warnings, io, contextlib, torch
warnings.simplefilter("ignore")

CASES = {
"arange_forms": "print(torch.arange(5), torch.arange(2, 8, 3), torch.arange(0, 1, 0.25), torch.arange(1, 2.5, 0.5), torch.arange(5, 0, -2), torch.arange(-1.5, 1))",
"arange_errors_step": "torch.arange(0, 1, 0)",
"arange_errors_sign": "torch.arange(0, 1, -0.5)",
"linspace_eye_full": "print(torch.linspace(0, 1, 5), torch.linspace(-1, 1, 3, dtype=torch.float64), torch.eye(2, 3), torch.full((2, 2), 7), torch.full((2,), 0.5))",
"zeros_ones_like": "x = torch.tensor([[1, 2], [3, 4]]); print(torch.zeros_like(x), torch.ones_like(x, dtype=torch.float32), torch.ones(2, 3, dtype=torch.float64))",
"dtype_inference": "print(torch.tensor(2.0).dtype, torch.tensor(2).dtype, torch.tensor(True).dtype, torch.tensor([1, 2.5]).dtype, torch.tensor([True, 2]).dtype, torch.tensor([]).dtype)",
"explicit_dtype": "print(torch.tensor([1.7, -2.7], dtype=torch.int64), torch.tensor([0, 2], dtype=torch.bool), torch.tensor([1, 2], dtype=torch.float64))",
"ragged": "torch.tensor([[1, 2], [3]])",
"negative_size": "torch.zeros(2, -3)",
"absurd_size": "torch.zeros(10**12)",
"overflow_size": "torch.ones(2**62, 4)",
"promotion_table": "i = torch.tensor([3, 4]); f = torch.tensor([0.5, 2.0]); d = torch.tensor([1.0, 2.0], dtype=torch.float64); b = torch.tensor([True, False])\nprint(i + 1.5, i * f, f + d, b + b, b * 2, b + 0.5, i / i, i // 3, (f + torch.tensor(1.0, dtype=torch.float64)).dtype, (torch.tensor(1.0, dtype=torch.float64) + torch.tensor(2.0)).dtype)",
"floor_mod_signs": "a = torch.tensor([-7, 7, -7, 7]); b = torch.tensor([2, 2, -2, -2])\nprint(a // b, a % b, a.float() // b, a.float() % b.float(), torch.tensor([-0.5]) // 1)",
"int_div_zero": "torch.tensor([1, 2]) // torch.tensor([1, 0])",
"int_pow": "print(torch.tensor([2, 3]) ** 3, torch.tensor([2, 3]) ** torch.tensor([0, 2]), 2 ** torch.tensor([1, 4]), torch.tensor([4.0]) ** 0.5)",
"int_pow_negative": "torch.tensor([2, 3]) ** -1",
"float_div_zero": "print(torch.tensor([1.0, -1.0, 0.0]) / 0, torch.tensor([1.0]) % 0)",
"bool_sub": "torch.tensor([True]) - torch.tensor([False])",
"bool_neg": "-torch.tensor([True])",
"comparisons": "x = torch.tensor([1.0, 2.0, 3.0])\nprint(x > 2, x == 2, x != 2, x <= 2, x < torch.tensor([3.0, 2.0, 1.0]), (x > 1) & (x < 3), (x < 2) | (x > 2), ~(x > 2))",
"unary_math": "x = torch.tensor([0.25, 1.0, 4.0])\nprint(x.exp(), x.log(), x.sqrt(), (-x).abs(), x.sin(), x.cos(), (x - 1).tanh(), (x - 1).sigmoid(), (x - 1).relu(), x.square(), (x - 1).sign(), x.neg())",
"unary_int_promotes": "i = torch.tensor([1, 4])\nprint(i.exp(), i.sqrt(), i.abs(), i.relu(), i.square(), i.sign(), -i)",
"clamp_forms": "x = torch.tensor([-2.0, 0.5, 3.0])\nprint(x.clamp(-1, 1), x.clamp(min=0), x.clamp(max=0), torch.tensor([-5, 5]).clamp(-1, 1))",
"sum_mean": "x = torch.tensor([[1.0, 2.0, 3.0], [4.0, 5.0, 6.0]])\nprint(x.sum(), x.sum(0), x.sum(1, keepdim=True), x.sum((0, 1)), x.mean(), x.mean(0), x.mean(-1, keepdim=True), torch.tensor([1, 2]).sum(), torch.tensor([True, True]).sum())",
"mean_int": "torch.tensor([1, 2]).mean()",
"max_min_argmax": "x = torch.tensor([[1.0, 5.0, 2.0], [7.0, 2.0, 7.0]])\nprint(x.max(), x.min(), x.argmax(), x.argmin(), x.argmax(1), x.argmax(0, keepdim=True))\nv, i = x.max(1); print(v, i)\nv, i = x.min(0, keepdim=True); print(v, i)",
"max_nan": "print(torch.tensor([1.0, float('nan'), 3.0]).max(), torch.tensor([1.0, float('nan')]).argmax())",
"max_empty": "torch.tensor([]).max()",
"dim_out_of_range": "torch.tensor([1.0, 2.0]).sum(2)",
"softmax_values": "x = torch.tensor([[1.0, 2.0, 3.0], [1.0, 1.0, 1.0]])\nprint(x.softmax(1), x.softmax(0), x.log_softmax(1), torch.tensor([1000.0, 0.0]).softmax(0))",
"softmax_int": "torch.tensor([1, 2]).softmax(0)",
"reshape_view": "x = torch.arange(6)\nprint(x.reshape(2, 3), x.view(3, -1), x.reshape(-1, 1).shape, x.view(2, 3).flatten(), x.reshape(1, 2, 3).flatten(1), x.view(2, 3).t().reshape(6))",
"reshape_bad": "torch.arange(6).reshape(4, -1)",
"reshape_two_infer": "torch.arange(6).reshape(-1, -1)",
"view_noncontiguous": "torch.arange(6).view(2, 3).t().view(6)",
"transpose_permute": "x = torch.arange(24).reshape(2, 3, 4)\nprint(x.permute(2, 0, 1).shape, x.transpose(0, 2).shape, x.permute(2, 0, 1)[1], x.T.shape, torch.arange(6).reshape(2, 3).T)",
"squeeze_unsqueeze": "x = torch.zeros(1, 3, 1)\nprint(x.squeeze().shape, x.squeeze(0).shape, x.squeeze(1).shape, x.unsqueeze(0).shape, x.unsqueeze(-1).shape, torch.tensor(5.0).unsqueeze(0))",
"expand_forms": "x = torch.tensor([[1], [2]])\nprint(x.expand(2, 3), x.expand(-1, 2), torch.tensor(3).expand(2), x.expand(2, 2, 2).shape)",
"expand_bad": "torch.tensor([[1, 2], [3, 4]]).expand(3, 2, 3)",
"t_3d": "torch.zeros(2, 2, 2).t()",
"permute_dup": "torch.zeros(2, 2).permute(0, 0)",
"inplace_int_float": "x = torch.tensor([1, 2]); x += 1.5",
"inplace_broadcast_bad": "x = torch.tensor([1.0, 2.0]); x += torch.ones(2, 2)",
"inplace_ops": "x = torch.tensor([1.0, 2.0, 3.0])\nx += 1; print(x); x *= torch.tensor([2.0, 1.0, 0.5]); print(x); x -= 2; print(x); x /= 4; print(x)\nx.add_(torch.tensor(1.0), alpha=2); print(x); x.sub_(1); x.mul_(3); x.div_(2); print(x); x.zero_(); print(x); x.fill_(7); print(x)\ny = torch.tensor([1, 2]); y *= 3; print(y); y.copy_(torch.tensor([1.9, -1.9])); print(y)",
"views_share_storage": "x = torch.zeros(2, 3)\nv = x.view(6); v += 1; t = x.t(); t.mul_(torch.tensor([1.0, 2.0])); print(x)\nd = x.detach(); d.fill_(3); print(x)",
"item_forms": "print(torch.tensor([2.5]).item(), torch.tensor(3).item(), torch.tensor(True).item(), torch.tensor([[1.0]]).item())",
"item_bad": "torch.tensor([1.0, 2.0]).item()",
"numel_dim_shape": "x = torch.zeros(2, 3, 4)\nprint(x.numel(), x.dim(), x.shape, x.size(), x.size(1), x.dtype, torch.tensor(1.0).shape)",
"clone_contiguous": "x = torch.arange(6.0).reshape(2, 3).t()\nprint(x.is_contiguous(), x.contiguous().is_contiguous(), x.clone())",
"to_dtype": "x = torch.tensor([1.7, -0.2])\nprint(x.to(torch.int64), x.to(torch.float64), x.to(torch.bool), torch.tensor([3, 0]).to(torch.float32), x.double(), x.long(), x.int() if False else 0)",
"where_op": "x = torch.tensor([1.0, -2.0, 3.0])\nprint(torch.where(x > 0, x, torch.tensor(0.0)), torch.where(x > 0, 1, 0))",
"rand_shapes": "torch.manual_seed(0)\nr = torch.rand(2, 3); n = torch.randn(4)\nprint(r.shape, r.dtype, bool((r >= 0).all()), bool((r < 1).all()), n.shape, torch.rand(2, dtype=torch.float64).dtype)",
"rand_int_dtype": "torch.rand(2, dtype=torch.int64)",
}

def run(code):
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        try:
            exec(code, {"torch": torch})
        except Exception as e:
            print(f"{type(e).__name__}: {e}")
    return out.getvalue()

if __name__ == "__main__":
    with open("cases.json", "w") as f:
        json.dump({k: {"source": v.strip(), "expected": run(v)} for k, v in CASES.items()}, f, indent=1, ensure_ascii=False)
