/// `matplotlib.pyplot`, the subset tutorials use, written in Python over the Swift figure model:
/// figures, axes and artists are Python objects that keep what was drawn; `show` and `savefig`
/// hand a plain description of them (`_spec`) to the Swift back ends (`PlotModule`). Styling
/// keywords the back ends cannot show (`alpha`, `fontsize`, `zorder`, ...) are accepted and
/// ignored (`**style`), so that tutorial code runs.
enum PyplotSource {
    static let text = #"""
import math
import torch
import warnings

_TAB10 = ["#1f77b4", "#ff7f0e", "#2ca02c", "#d62728", "#9467bd",
          "#8c564b", "#e377c2", "#7f7f7f", "#bcbd22", "#17becf"]
_LETTER_COLORS = {"b": "#0000ff", "g": "#008000", "r": "#ff0000", "c": "#00bfbf", "m": "#bf00bf",
                  "y": "#bfbf00", "k": "#000000", "w": "#ffffff"}
_NAMED_COLORS = {"blue": "#0000ff", "green": "#008000", "red": "#ff0000", "cyan": "#00ffff",
                 "magenta": "#ff00ff", "yellow": "#ffff00", "black": "#000000", "white": "#ffffff",
                 "orange": "#ffa500", "purple": "#800080", "gray": "#808080", "grey": "#808080",
                 "brown": "#a52a2a", "pink": "#ffc0cb", "olive": "#808000", "navy": "#000080",
                 "teal": "#008080", "lime": "#00ff00", "gold": "#ffd700", "darkblue": "#00008b",
                 "darkgreen": "#006400", "darkred": "#8b0000", "lightblue": "#add8e6",
                 "lightgreen": "#90ee90", "salmon": "#fa8072", "crimson": "#dc143c",
                 "violet": "#ee82ee", "indigo": "#4b0082", "silver": "#c0c0c0"}
_LINESTYLES = {"-": "-", "--": "--", ":": ":", "-.": "-.", "solid": "-", "dashed": "--",
               "dotted": ":", "dashdot": "-.", "None": "", "none": "", "": "", " ": ""}
_MARKERS = ".,ov^<>1234sp*hH+xXDd|_"


def _color(c):
    """A colour as '#rrggbb', from matplotlib's spellings of one."""
    if isinstance(c, (tuple, list)) and len(c) in (3, 4):
        return "#" + "".join("%02x" % round(float(v) * 255) for v in c[:3])
    if isinstance(c, str):
        s = c.strip().lower()
        if s in _LETTER_COLORS:
            return _LETTER_COLORS[s]
        if s in _NAMED_COLORS:
            return _NAMED_COLORS[s]
        if s.startswith("tab:") and s[4:] in _TAB_NAMES:
            return _TAB10[_TAB_NAMES.index(s[4:])]
        if len(s) == 2 and s[0] == "c" and s[1].isdigit():
            return _TAB10[int(s[1])]
        if len(s) == 7 and s[0] == "#":
            return s
        try:
            gray = float(s)
        except ValueError:
            gray = -1.0
        if 0.0 <= gray <= 1.0:
            return "#" + ("%02x" % round(gray * 255)) * 3
    raise ValueError(f"{c!r} is not a valid value for color")


_TAB_NAMES = ["blue", "orange", "green", "red", "purple", "brown", "pink", "gray", "olive", "cyan"]


def _number(v):
    if isinstance(v, torch.Tensor):
        if v.requires_grad:
            raise RuntimeError("Can't call numpy() on Tensor that requires grad. Use tensor.detach().numpy() instead.")
        return float(v.item())
    return float(v)


def _values(data):
    """A 1-D list of floats from a list, tuple, range, tensor or numpy array (matplotlib's np.asarray)."""
    data = _listed(data)
    if isinstance(data, torch.Tensor):
        if data.requires_grad:
            raise RuntimeError("Can't call numpy() on Tensor that requires grad. Use tensor.detach().numpy() instead.")
        return [float(v) for v in data.reshape(-1).tolist()]
    if isinstance(data, (int, float)):
        return [float(data)]
    return [_number(v) for v in data]


def _listed(data):
    """A numpy array as nested lists; anything else as it is."""
    if not isinstance(data, torch.Tensor) and hasattr(data, "tolist") and hasattr(data, "ndim"):
        return data.tolist() if data.ndim > 0 else data.item()
    return data


def _columns(data):
    """The columns of 2-D data (matplotlib draws one line per column), or [data] for 1-D."""
    data = _listed(data)
    if isinstance(data, torch.Tensor):
        if data.requires_grad:
            raise RuntimeError("Can't call numpy() on Tensor that requires grad. Use tensor.detach().numpy() instead.")
        if data.dim() == 2:
            return [_values(data[:, j]) for j in range(data.shape[1])]
        return [_values(data)]
    rows = list(data) if not isinstance(data, (int, float)) else [data]
    if rows and isinstance(rows[0], (list, tuple)):
        return [[_number(r[j]) for r in rows] for j in range(len(rows[0]))]
    return [_values(rows)]


def _parse_format(fmt):
    """'r--' -> (color, linestyle, marker), as matplotlib's _process_plot_format reads it."""
    color = linestyle = marker = None
    i = 0
    while i < len(fmt):
        two = fmt[i:i + 2]
        if two in ("--", "-."):
            linestyle = two
            i += 2
        elif fmt[i] in "-:":
            linestyle = fmt[i]
            i += 1
        elif fmt[i] == "C" and i + 1 < len(fmt) and fmt[i + 1].isdigit():
            color = _TAB10[int(fmt[i + 1])]
            i += 2
        elif fmt[i] in _LETTER_COLORS:
            color = _LETTER_COLORS[fmt[i]]
            i += 1
        elif fmt[i] in _MARKERS:
            marker = fmt[i]
            i += 1
        else:
            raise ValueError(f"{fmt!r} is not a valid format string (unrecognized character {fmt[i]!r})")
    if linestyle is None and marker is None:
        linestyle = "-"
    if linestyle is None:
        linestyle = ""
    return color, linestyle, marker or ""


class Text:
    def __init__(self, x, y, text):
        self._x, self._y, self._text = x, y, text

    def get_text(self):
        return self._text

    def __repr__(self):
        return f"Text({self._x}, {self._y}, {self._text!r})"


class Line2D:
    def __init__(self, x, y, color, linestyle, marker, linewidth, markersize, label):
        self._x, self._y = x, y
        self._color, self._linestyle, self._marker = color, linestyle, marker
        self._linewidth, self._markersize, self._label = linewidth, markersize, label
        # get_color() answers as the colour was given ('C1', 'red'), as matplotlib does.
        self._given_color = color

    def get_xdata(self):
        return list(self._x)

    def get_ydata(self):
        return list(self._y)

    def get_label(self):
        return self._label

    def get_color(self):
        return self._given_color

    def _spec(self):
        return {"kind": "line", "x": self._x, "y": self._y, "color": self._color,
                "linestyle": self._linestyle, "marker": self._marker, "linewidth": float(self._linewidth),
                "markersize": float(self._markersize), "label": self._label}

    def __repr__(self):
        return f"<matplotlib.lines.Line2D object at {hex(id(self))}>"


class _ReferenceLine(Line2D):
    """axhline / axvline: a line across the axes at one data value."""
    def __init__(self, kind, value, color, linestyle, linewidth, label):
        super().__init__([value], [value], color, linestyle, "", linewidth, 6.0, label)
        self._kind = kind

    def _spec(self):
        spec = super()._spec()
        spec["kind"] = self._kind
        return spec


class PathCollection:
    def __init__(self, x, y, color, marker, size, label):
        self._x, self._y, self._color, self._marker, self._size, self._label = x, y, color, marker, size, label

    def get_label(self):
        return self._label

    def _spec(self):
        return {"kind": "scatter", "x": self._x, "y": self._y, "color": self._color, "linestyle": "",
                "marker": self._marker, "linewidth": 1.0, "markersize": float(self._size) ** 0.5,
                "label": self._label}

    def __repr__(self):
        return f"<matplotlib.collections.PathCollection object at {hex(id(self))}>"


class BarContainer:
    def __init__(self, centers, heights, widths, color, label):
        self._centers, self._heights, self._widths = centers, heights, widths
        self._color, self._label = color, label

    def __len__(self):
        return len(self._heights)

    def get_label(self):
        return self._label

    def _spec(self):
        return {"kind": "bars", "x": self._centers, "y": self._heights, "widths": self._widths,
                "color": self._color, "linestyle": "", "marker": "", "linewidth": 1.0,
                "markersize": 0.0, "label": self._label}

    def __repr__(self):
        return f"<BarContainer object of {len(self._heights)} artists>"


class Legend:
    def __repr__(self):
        return f"<matplotlib.legend.Legend object at {hex(id(self))}>"


def _check_scale(value):
    if value not in ("linear", "log"):
        raise ValueError(f"{value!r} is not a valid value for scale.")
    return value


class Axes:
    def __init__(self, figure, nrows, ncols, index):
        self.figure = figure
        self._grid = (nrows, ncols, index)
        self._artists = []
        self._title = self._xlabel = self._ylabel = ""
        self._xlim = self._ylim = None
        self._xscale = self._yscale = "linear"
        self._grid_on = False
        self._legend = False
        self._next_color = 0

    def _cycle_color(self):
        color = _TAB10[self._next_color % len(_TAB10)]
        self._next_color += 1
        return color

    def plot(self, *args, label=None, color=None, c=None, linestyle=None, ls=None, marker=None,
             linewidth=1.5, lw=None, markersize=6.0, ms=None, **style):
        groups = []
        rest = list(args)
        while rest:
            if isinstance(rest[0], str):
                raise ValueError("plot() needs data before a format string")
            first = rest.pop(0)
            second = None
            if rest and not isinstance(rest[0], str):
                second = rest.pop(0)
            fmt = rest.pop(0) if rest and isinstance(rest[0], str) else ""
            if second is None:
                ys = _columns(first)
                xs = [[float(i) for i in range(len(ys[0]))]] * len(ys)
            else:
                xs, ys = _columns(first), _columns(second)
                if len(xs) == 1 and len(ys) > 1:
                    xs = xs * len(ys)
                if len(xs[0]) != len(ys[0]):
                    raise ValueError(f"x and y must have same first dimension, but have shapes ({len(xs[0])},) and ({len(ys[0])},)")
            groups.append((xs, ys, fmt))
        lines = []
        for xs, ys, fmt in groups:
            fmt_color, fmt_style, fmt_marker = _parse_format(fmt)
            for x, y in zip(xs, ys):
                chosen = color if color is not None else c
                line_color = _color(chosen) if chosen is not None else (fmt_color or self._cycle_color())
                style = linestyle if linestyle is not None else ls
                style = _LINESTYLES[style] if style is not None else fmt_style
                mark = marker if marker is not None else fmt_marker
                if mark in ("None", "none", None):
                    mark = ""
                line = Line2D(x, y, line_color, style, mark, lw if lw is not None else linewidth,
                              ms if ms is not None else markersize, label)
                if chosen is not None:
                    line._given_color = chosen
                self._artists.append(line)
                lines.append(line)
        return lines

    def scatter(self, x, y, s=None, c=None, color=None, marker="o", label=None, **style):
        xs, ys = _values(x), _values(y)
        if len(xs) != len(ys):
            raise ValueError("x and y must be the same size")
        chosen = color if color is not None else c
        points = PathCollection(xs, ys, _color(chosen) if chosen is not None else self._cycle_color(),
                                marker, 36.0 if s is None else float(s), label)
        self._artists.append(points)
        return points

    def bar(self, x, height, width=0.8, color=None, label=None, **style):
        xs, heights = _values(x), _values(height)
        if len(heights) == 1 and len(xs) > 1:
            heights = heights * len(xs)
        widths = _values(width)
        if len(widths) == 1:
            widths = widths * len(xs)
        if len(heights) != len(xs) or len(widths) != len(xs):
            other, shape = ("height", len(heights)) if len(heights) != len(xs) else ("width", len(widths))
            raise ValueError("shape mismatch: objects cannot be broadcast to a single shape.  Mismatch is "
                             f"between 'x' with shape ({len(xs)},) and {other!r} with shape ({shape},).")
        bars = BarContainer(xs, heights, widths, _color(color) if color is not None else self._cycle_color(), label)
        self._artists.append(bars)
        return bars

    def hist(self, x, bins=10, range=None, color=None, label=None, **style):
        data = _values(x)
        low, high = range if range is not None else ((min(data), max(data)) if data else (0.0, 1.0))
        low, high = float(low), float(high)
        if isinstance(bins, int):
            if bins < 1:
                raise ValueError("`bins` must be positive, when an integer")
            if low == high:
                low, high = low - 0.5, high + 0.5
            # As numpy's linspace: start + i * step, the last edge exactly the end.
            step = (high - low) / bins
            edges = [low + i * step for i in _range(bins)] + [high]
        else:
            edges = _values(bins)
        counts = [0.0] * (len(edges) - 1)
        for v in data:
            for i in _range(len(counts)):
                last = i == len(counts) - 1
                if edges[i] <= v < edges[i + 1] or (last and v == edges[i + 1]):
                    counts[i] += 1.0
                    break
        widths = [edges[i + 1] - edges[i] for i in _range(len(counts))]
        centers = [edges[i] + widths[i] / 2 for i in _range(len(counts))]
        bars = BarContainer(centers, counts, widths, _color(color) if color is not None else self._cycle_color(), label)
        self._artists.append(bars)
        return counts, edges, bars

    def axhline(self, y=0, color="C0", linestyle="-", linewidth=1.5, label=None, **style):
        line = _ReferenceLine("hline", _number(y), _color(color), _LINESTYLES[linestyle], linewidth, label)
        self._artists.append(line)
        return line

    def axvline(self, x=0, color="C0", linestyle="-", linewidth=1.5, label=None, **style):
        line = _ReferenceLine("vline", _number(x), _color(color), _LINESTYLES[linestyle], linewidth, label)
        self._artists.append(line)
        return line

    def set_title(self, label, **style):
        self._title = str(label)
        return Text(0.5, 1.0, self._title)

    def set_xlabel(self, label, **style):
        self._xlabel = str(label)
        return Text(0.5, 0, self._xlabel)

    def set_ylabel(self, label, **style):
        self._ylabel = str(label)
        return Text(0, 0.5, self._ylabel)

    def get_title(self):
        return self._title

    def get_xlabel(self):
        return self._xlabel

    def get_ylabel(self):
        return self._ylabel

    def _limits(self, axis, args, left, right):
        given = self._xlim if axis == "x" else self._ylim
        current = list(given if given is not None else _autolimits(self._spec())[0 if axis == "x" else 1])
        if len(args) == 1 and isinstance(args[0], (tuple, list)):
            args = tuple(args[0])
        if args:
            current[0] = float(args[0]) if args[0] is not None else current[0]
            if len(args) > 1 and args[1] is not None:
                current[1] = float(args[1])
        if left is not None:
            current[0] = float(left)
        if right is not None:
            current[1] = float(right)
        if args or left is not None or right is not None:
            if not all(math.isfinite(v) for v in current):
                raise ValueError("Axis limits cannot be NaN or Inf")
            if axis == "x":
                self._xlim = tuple(current)
            else:
                self._ylim = tuple(current)
        return tuple(current)

    def set_xlim(self, *args, left=None, right=None):
        return self._limits("x", args, left, right)

    def set_ylim(self, *args, bottom=None, top=None):
        return self._limits("y", args, bottom, top)

    def get_xlim(self):
        return self._limits("x", (), None, None)

    def get_ylim(self):
        return self._limits("y", (), None, None)

    def set_xscale(self, value):
        self._xscale = _check_scale(value)

    def set_yscale(self, value):
        self._yscale = _check_scale(value)

    def grid(self, visible=None, **kwargs):
        self._grid_on = (not self._grid_on) if visible is None else bool(visible)

    def legend(self, *args, **kwargs):
        if args:
            labels = args[-1]
            for artist, text in zip(self._artists, labels):
                artist._label = text
        if not any(a._label and not a._label.startswith("_") for a in self._artists):
            warnings.warn("No artists with labels found to put in legend.  Note that artists whose label "
                          "start with an underscore are ignored when legend() is called with no argument.",
                          stacklevel=kwargs.get("_stacklevel", 2))
        self._legend = True
        return Legend()

    def _spec(self):
        return {"grid": self._grid, "title": self._title, "xlabel": self._xlabel, "ylabel": self._ylabel,
                "xlim": self._xlim, "ylim": self._ylim, "xscale": self._xscale, "yscale": self._yscale,
                "grid_on": self._grid_on, "legend": self._legend,
                "artists": [a._spec() for a in self._artists]}

    def __repr__(self):
        fields = []
        if self._title:
            fields.append(f"title={ {'center': self._title} }")
        for name, text in (("x", self._xlabel), ("y", self._ylabel)):
            if text:
                fields.append(f"{name}label={text!r}")
        return "<Axes: " + ", ".join(fields) + ">"

    def __str__(self):
        nrows, ncols, index = self._grid
        width = 0.775 / (ncols + 0.2 * (ncols - 1))
        height = 0.77 / (nrows + 0.2 * (nrows - 1))
        row, col = (index - 1) // ncols, (index - 1) % ncols
        left = 0.125 + col * width * 1.2
        bottom = 0.11 + (nrows - 1 - row) * height * 1.2
        return f"Axes({left:g},{bottom:g};{width:g}x{height:g})"


_range = range


class _AxesArray:
    """What subplots returns for a grid of axes: indexed like numpy's array of them."""
    def __init__(self, items, shape):
        self._items = items
        self.shape = shape

    def __getitem__(self, key):
        if isinstance(key, tuple):
            value = self
            for k in key:
                value = value[k]
            return value
        return self._items[key]

    def __len__(self):
        return len(self._items)

    def __iter__(self):
        return iter(self._items)

    @property
    def flat(self):
        result = []
        for item in self._items:
            result.extend(item.flat if isinstance(item, _AxesArray) else [item])
        return result

    def flatten(self):
        return _AxesArray(self.flat, (len(self.flat),))

    ravel = flatten

    def __repr__(self):
        if len(self.shape) == 1:
            return "array([" + ", ".join(repr(ax) for ax in self._items) + "], dtype=object)"
        rows = ["[" + ", ".join(repr(ax) for ax in row) + "]" for row in self._items]
        return "array([" + ",\n       ".join(rows) + "], dtype=object)"


class Figure:
    def __init__(self, number, figsize, dpi):
        self.number = number
        w, h = figsize
        if not (math.isfinite(float(w)) and math.isfinite(float(h)) and w > 0 and h > 0):
            raise ValueError(f"figure size must be positive finite not {tuple(figsize)!r}")
        self._size = (float(w), float(h))
        self.dpi = float(dpi)
        self._axes = []
        self._current = None
        self._title = ""

    @property
    def axes(self):
        return list(self._axes)

    def add_subplot(self, nrows=1, ncols=1, index=1):
        if isinstance(nrows, int) and nrows > 100 and ncols == 1 and index == 1:
            nrows, ncols, index = nrows // 100, nrows // 10 % 10, nrows % 10
        for ax in self._axes:
            if ax._grid == (nrows, ncols, index):
                self._current = ax
                return ax
        if not 1 <= index <= nrows * ncols:
            raise ValueError(f"num must be an integer with 1 <= num <= {nrows * ncols}, not {index}")
        ax = Axes(self, nrows, ncols, index)
        self._axes.append(ax)
        self._current = ax
        return ax

    def gca(self):
        return self._current if self._current is not None else self.add_subplot()

    def suptitle(self, t, **style):
        self._title = str(t)
        return Text(0.5, 0.98, self._title)

    def tight_layout(self):
        pass

    def savefig(self, fname, dpi=None, format=None, **kwargs):
        path = str(fname)
        extension = path.rsplit("/", 1)[-1].rsplit(".", 1)[-1] if "." in path.rsplit("/", 1)[-1] else None
        kind = (format or extension or "png").lower()
        if extension is None and format is None:
            # As matplotlib: a name without an extension or a format gets ".png".
            path += "." + kind
        if kind not in ("png", "svg"):
            raise ValueError(f"Format {kind!r} is not supported (supported formats: png, svg)")
        if round(self._size[0] * (dpi or self.dpi)) <= 0 or round(self._size[1] * (dpi or self.dpi)) <= 0:
            raise ValueError("cannot write empty image")
        _save(self._spec(float(dpi) if dpi is not None else self.dpi), path, kind)

    def _spec(self, dpi=None):
        return {"size": self._size, "dpi": self.dpi if dpi is None else dpi, "title": self._title,
                "axes": [ax._spec() for ax in self._axes]}

    def __str__(self):
        return f"Figure({round(self._size[0] * self.dpi)}x{round(self._size[1] * self.dpi)})"

    def __repr__(self):
        return f"<Figure size {round(self._size[0] * self.dpi)}x{round(self._size[1] * self.dpi)} with {len(self._axes)} Axes>"


_figures = {}
_current = [None]


def figure(num=None, figsize=None, dpi=None, **kwargs):
    if num is not None and num in _figures:
        _current[0] = _figures[num]
        return _figures[num]
    number = num if isinstance(num, int) else max(list(_figures) + [0]) + 1
    fig = Figure(number, figsize if figsize is not None else (6.4, 4.8), dpi if dpi is not None else 100.0)
    _figures[number] = fig
    _current[0] = fig
    return fig


def gcf():
    return _current[0] if _current[0] is not None else figure()


def gca():
    return gcf().gca()


def subplot(*args):
    if not args:
        args = (1, 1, 1)
    return gcf().add_subplot(*args)


def subplots(nrows=1, ncols=1, figsize=None, dpi=None, squeeze=True, **kwargs):
    for count, what in ((nrows, "rows"), (ncols, "columns")):
        if not isinstance(count, int) or count <= 0:
            raise ValueError(f"Number of {what} must be a positive integer, not {count!r}")
    fig = figure(figsize=figsize, dpi=dpi)
    rows = [[fig.add_subplot(nrows, ncols, r * ncols + c + 1) for c in range(ncols)] for r in range(nrows)]
    fig._current = rows[0][0]
    if squeeze and nrows == 1 and ncols == 1:
        return fig, rows[0][0]
    if squeeze and (nrows == 1 or ncols == 1):
        items = [ax for row in rows for ax in row]
        return fig, _AxesArray(items, (len(items),))
    return fig, _AxesArray([_AxesArray(row, (ncols,)) for row in rows], (nrows, ncols))


def plot(*args, **kwargs):
    return gca().plot(*args, **kwargs)


def scatter(x, y, s=None, c=None, **kwargs):
    return gca().scatter(x, y, s, c, **kwargs)


def bar(x, height, width=0.8, **kwargs):
    return gca().bar(x, height, width, **kwargs)


def hist(x, bins=10, **kwargs):
    return gca().hist(x, bins, **kwargs)


def axhline(y=0, **kwargs):
    return gca().axhline(y, **kwargs)


def axvline(x=0, **kwargs):
    return gca().axvline(x, **kwargs)


def title(label, **style):
    return gca().set_title(label)


def xlabel(label, **style):
    return gca().set_xlabel(label)


def ylabel(label, **style):
    return gca().set_ylabel(label)


def xlim(*args, **kwargs):
    return gca().set_xlim(*args, **kwargs)


def ylim(*args, **kwargs):
    return gca().set_ylim(*args, **kwargs)


def xscale(value):
    gca().set_xscale(value)


def yscale(value):
    gca().set_yscale(value)


def grid(visible=None, **kwargs):
    gca().grid(visible, **kwargs)


def legend(*args, **kwargs):
    return gca().legend(*args, _stacklevel=3, **kwargs)


def suptitle(t, **style):
    return gcf().suptitle(t)


def tight_layout(**kwargs):
    pass


def savefig(fname, dpi=None, format=None, **kwargs):
    gcf().savefig(fname, dpi=dpi, format=format)


def get_fignums():
    return sorted(_figures)


def close(fig=None):
    if fig == "all":
        _figures.clear()
        _current[0] = None
        return
    target = _current[0] if fig is None else (_figures.get(fig) if isinstance(fig, int) else fig)
    for number, candidate in list(_figures.items()):
        if candidate is target:
            del _figures[number]
    if _current[0] is target:
        _current[0] = _figures[max(_figures)] if _figures else None


def show(*args, **kwargs):
    """Draws the open figures on a terminal, in braille cells (then closes them, as a window
    backend does); elsewhere, or after matplotlib.use('Agg'), does nothing, as Agg does."""
    if not _can_draw():
        return
    for number in sorted(_figures):
        _draw(_figures[number]._spec())
    close("all")


def _draw_value(*data):
    """%plot's form: plot(data) (or plot(x, y)) on a figure of its own, then show it."""
    fig = Figure(0, (6.4, 4.8), 100.0)
    fig.add_subplot().plot(*data)
    _draw(fig._spec())
"""#
}
