extension TorchPythonSources {
    /// `torch.optim.Adagrad`: PyTorch's `_single_tensor_adagrad`, op for op (lr decay, weight decay, initial accumulator, maximize).
    static let adagrad = #"""


class Adagrad(Optimizer):
    """Adagrad: each parameter's step shrinks with the sum of its squared gradients."""

    __module__ = "torch.optim.adagrad"

    def __init__(self, params, lr=1e-2, lr_decay=0, weight_decay=0, initial_accumulator_value=0, eps=1e-10,
                 foreach=None, *, maximize=False, differentiable=False, fused=None):
        _check_options({"lr": lr, "lr_decay": lr_decay, "weight_decay": weight_decay,
                        "initial_accumulator_value": initial_accumulator_value, "eps": eps})

        defaults = {
            "lr": lr,
            "lr_decay": lr_decay,
            "eps": eps,
            "weight_decay": weight_decay,
            "initial_accumulator_value": initial_accumulator_value,
            "foreach": foreach,
            "maximize": maximize,
            "differentiable": differentiable,
            "fused": fused,
        }
        super().__init__(params, defaults)

        # Adagrad's state exists from the start: a step counter and the running sum of squares.
        for group in self.param_groups:
            for p in group["params"]:
                state = self.state[p]
                state["step"] = torch.tensor(0.0, dtype=_scalar_dtype())
                state["sum"] = torch.full_like(p, initial_accumulator_value)

    def step(self, closure=None):
        """Update the parameters once from their gradients (closure: recomputes the loss)."""
        loss = self._closure_loss(closure)
        with torch.no_grad():
            for group in self.param_groups:
                lr = group["lr"]
                for param, grad in self._gradients(group):
                    state = self.state[param]
                    state_sum = state["sum"]
                    state["step"] += 1
                    step = state["step"].item()

                    if group["weight_decay"] != 0:
                        grad = grad.add(param, alpha=group["weight_decay"])

                    clr = lr / (1 + (step - 1) * group["lr_decay"])
                    state_sum.addcmul_(grad, grad, value=1)
                    std = state_sum.sqrt().add_(group["eps"])
                    param.addcdiv_(grad, std, value=-clr)
        return loss
"""#
}
