extension TorchPythonSources {
    /// `torch.optim.RMSprop`: PyTorch's `_single_tensor_rmsprop`, op for op (centered, momentum, weight decay, maximize).
    static let rmsprop = #"""


class RMSprop(Optimizer):
    """RMSprop: steps scaled by a running average of the squared gradient."""

    __module__ = "torch.optim.rmsprop"

    def __init__(self, params, lr=1e-2, alpha=0.99, eps=1e-8, weight_decay=0, momentum=0, centered=False,
                 capturable=False, foreach=None, maximize=False, differentiable=False):
        _check_options({"lr": lr, "eps": eps, "momentum": momentum, "weight_decay": weight_decay, "alpha": alpha})

        defaults = {
            "lr": lr,
            "momentum": momentum,
            "alpha": alpha,
            "eps": eps,
            "centered": centered,
            "weight_decay": weight_decay,
            "capturable": capturable,
            "foreach": foreach,
            "maximize": maximize,
            "differentiable": differentiable,
        }
        super().__init__(params, defaults)

    def _state_of(self, param, group):
        state = self.state[param]
        if len(state) == 0:
            state["step"] = torch.zeros((), dtype=_scalar_dtype())
            state["square_avg"] = torch.zeros_like(param)
            if group["momentum"] > 0:
                state["momentum_buffer"] = torch.zeros_like(param)
            if group["centered"]:
                state["grad_avg"] = torch.zeros_like(param)
        return state

    def step(self, closure=None):
        """Update the parameters once from their gradients (closure: recomputes the loss)."""
        loss = self._closure_loss(closure)
        with torch.no_grad():
            for group in self.param_groups:
                lr = group["lr"]
                alpha = group["alpha"]
                eps = group["eps"]
                weight_decay = group["weight_decay"]
                momentum = group["momentum"]
                for param, grad in self._gradients(group):
                    state = self._state_of(param, group)
                    square_avg = state["square_avg"]
                    state["step"] += 1

                    if weight_decay != 0:
                        grad = grad.add(param, alpha=weight_decay)

                    square_avg.mul_(alpha).addcmul_(grad, grad, value=1 - alpha)

                    if group["centered"]:
                        grad_avg = state["grad_avg"]
                        grad_avg.lerp_(grad, 1 - alpha)
                        avg = square_avg.addcmul(grad_avg, grad_avg, value=-1).sqrt_()
                    else:
                        avg = square_avg.sqrt()
                    avg = avg.add_(eps)

                    if momentum > 0:
                        buf = state["momentum_buffer"]
                        buf.mul_(momentum).addcdiv_(grad, avg)
                        param.add_(buf, alpha=-lr)
                    else:
                        param.addcdiv_(grad, avg, value=-lr)
        return loss
"""#
}
