import torch
x = torch.tensor(2.0, requires_grad=True)
y = torch.tensor([1.0, 2.0], requires_grad=True)
print(x, y)
z = 3 * x ** 2 + (y * y).sum()
z.backward()
print(z)
print(x.grad, y.grad)
print(x.requires_grad, x.is_leaf, torch.tensor(1.0).requires_grad)
