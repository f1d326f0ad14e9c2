extension TorchPythonSources {
    /// `torch.autograd.detect_anomaly` and `set_detect_anomaly`, the context managers over
    /// anomaly mode's switch (`torch.set_anomaly_enabled`, TorchAnomalyBindings).
    static let anomalyMode = #"""


class detect_anomaly:
    """Anomaly detection for the code inside the block: a node whose backward fails is reported
    with the traceback of the forward line that made it, and (with check_nan) a NaN in the
    gradients a node returns is an error naming the node. Slows backward: for debugging."""

    __module__ = "torch.autograd.anomaly_mode"

    def __init__(self, check_nan=True):
        self.prev = torch.is_anomaly_enabled()
        self.prev_check_nan = torch.is_anomaly_check_nan_enabled()
        self.check_nan = check_nan
        import warnings
        warnings.warn("Anomaly Detection has been enabled. This mode will increase the runtime "
                      "and should only be enabled for debugging.", stacklevel=2)

    def __enter__(self):
        torch.set_anomaly_enabled(True, self.check_nan)

    def __exit__(self, *exc_info):
        torch.set_anomaly_enabled(self.prev, self.prev_check_nan)


class set_detect_anomaly:
    """Switches anomaly detection on or off at once (so it also works as a plain call); used as
    a context manager, the mode before it comes back at the end of the block."""

    __module__ = "torch.autograd.anomaly_mode"

    def __init__(self, mode, check_nan=True):
        self.prev = torch.is_anomaly_enabled()
        self.prev_check_nan = torch.is_anomaly_check_nan_enabled()
        torch.set_anomaly_enabled(mode, check_nan)

    def __enter__(self):
        pass

    def __exit__(self, *exc_info):
        torch.set_anomaly_enabled(self.prev, self.prev_check_nan)
"""#
}
