/// One-line descriptions of the statistics, counting, distance and integration calls of issue 16
/// (`median`, `quantile`, `histc`, `cov`, `cdist`, `trapezoid` and their kin): like
/// `TorchDocs.shared`, each names `torch.f`, `Tensor.f` or both.
extension TorchDocs {
    static let statistics: [String: String] = [
        // order statistics
        "median": "The lower of the two middle values of all elements, or (values, indices) along dim.",
        "nanmedian": "median ignoring NaN elements (NaN only where every element is NaN).",
        "mode": "The most frequent value along dim (the smallest among ties) and an index where it is.",
        "quantile": "The q-th quantiles (q in [0, 1]) of all elements or along dim, interpolated as interpolation says.",
        "nanquantile": "quantile ignoring NaN elements.",
        "aminmax": "The minimum and the maximum (min, max), of all elements or along dim.",
        "var_mean": "The variance and the mean (var, mean), with the correction given.",
        "std_mean": "The standard deviation and the mean (std, mean), with the correction given.",
        // counting and covariance
        "bincount": "How many times each value 0, 1, ... occurs in a 1-D int tensor (summing weights if given).",
        "histc": "A histogram of the elements in bins equal-width bins between min and max.",
        "histogram": "A histogram (hist, bin_edges) of the elements, with bins a count or the edges themselves.",
        "isin": "Whether each element of elements is among test_elements (or is not, with invert=True).",
        "cov": "The covariance matrix of the variables in the rows, each column an observation.",
        "corrcoef": "The Pearson correlation coefficients of the variables in the rows.",
        // distances
        "dist": "The p-norm of the difference of two tensors (broadcast).",
        "renorm": "The sub-tensors along dim rescaled so that each p-norm is at most maxnorm.",
        "cdist": "The p-norm distances between each row of x1 and each row of x2 (batched).",
        "pairwise_distance": "The p-norm distance between matching rows of x1 and x2, eps added to the difference.",
        // calculus
        "gradient": "Estimates of the derivative along each dim by central differences (one-sided at the edges).",
        "trapezoid": "The integral of y along dim by the trapezoid rule (spacing dx, or sample points x).",
        "trapz": "trapezoid under its older name.",
        "cumulative_trapezoid": "The running integral of y along dim by the trapezoid rule.",
    ]
}
