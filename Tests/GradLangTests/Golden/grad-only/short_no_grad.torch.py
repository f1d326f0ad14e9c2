import torch
w = torch.tensor([1.0, 2.0], requires_grad=True)
(w * w).sum().backward()
with torch.no_grad():
    w -= 0.1 * w.grad
    y = w * 2
    print(torch.is_grad_enabled(), y.requires_grad)
print(w, w.is_leaf)
print(torch.is_grad_enabled(), (w * 2).requires_grad)
