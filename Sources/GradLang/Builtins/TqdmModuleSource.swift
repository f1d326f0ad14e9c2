/// `tqdm`, the progress bar of training loops (`for batch in tqdm(loader):`), in Python: the bar
/// and its statistics are drawn as tqdm 4.x draws them (`format_meter`), redrawn in place with
/// `\r` on stderr at most every `mininterval` seconds, nested bars on the lines below. Not
/// drawn: wide East Asian characters count as one column; no monitor thread, no notebook widgets.
enum TqdmModuleSource {
    static let text = #"""
import sys
import time as _time_module
import weakref as _weakref


class TqdmWarning(Warning):
    """A warning about tqdm's own arguments or output."""
    __module__ = 'tqdm.std'


class TqdmKeyError(KeyError):
    __module__ = 'tqdm.std'


class TqdmTypeError(TypeError):
    __module__ = 'tqdm.std'


def _supports_unicode(file):
    """Whether the file's encoding has the block characters of the bar (else it is drawn in ASCII)."""
    encoding = getattr(file, 'encoding', None)
    return isinstance(encoding, str) and (encoding.lower().startswith('utf') or encoding == 'U8')


def _display_width(s):
    """Columns on the screen: colour escapes take none."""
    width, i, n = 0, 0, len(s)
    while i < n:
        if s[i] == '\x1b' and i + 1 < n and s[i + 1] == '[':
            j = i + 2
            while j < n and (s[j].isdigit() or s[j] == ';'):
                j += 1
            if j < n and s[j].isalpha():
                i = j + 1
                continue
        width += 1
        i += 1
    return width


def _trimmed(s, width):
    """s cut to width columns; a cut colour gets its reset."""
    if len(s) == _display_width(s):
        return s[:width]
    coloured = '\x1b[' in s
    while _display_width(s) > width:
        s = s[:-1]
    if coloured and '\x1b[' in s and not s.endswith('\x1b[0m'):
        s += '\x1b[0m'
    return s


class EMA:
    """An exponential moving average, corrected for its start (tqdm's rate smoothing)."""

    def __init__(self, smoothing=0.3):
        self.alpha = smoothing
        self.last = 0
        self.calls = 0

    def __call__(self, x=None):
        beta = 1 - self.alpha
        if x is not None:
            self.last = self.alpha * x + beta * self.last
            self.calls += 1
        return self.last / (1 - beta ** self.calls) if self.calls else self.last


class Bar:
    """The bar itself: `frac` of `default_len` cells, the last one partly filled."""
    ASCII = " 123456789#"
    UTF = " " + ''.join(chr(c) for c in range(0x258F, 0x2587, -1))
    BLANK = "  "
    COLOUR_RESET = '\x1b[0m'
    COLOURS = {'BLACK': '\x1b[30m', 'RED': '\x1b[31m', 'GREEN': '\x1b[32m', 'YELLOW': '\x1b[33m',
               'BLUE': '\x1b[34m', 'MAGENTA': '\x1b[35m', 'CYAN': '\x1b[36m', 'WHITE': '\x1b[37m'}

    def __init__(self, frac, default_len=10, charset=UTF, colour=None):
        if not 0 <= frac <= 1:
            import warnings
            warnings.warn("clamping frac to range [0, 1]", TqdmWarning, stacklevel=2)
            frac = max(0, min(1, frac))
        self.frac = frac
        self.default_len = default_len
        self.charset = charset
        self.colour = self._colour_code(colour)

    def _colour_code(self, value):
        if not value:
            return None
        if isinstance(value, str) and value.upper() in self.COLOURS:
            return self.COLOURS[value.upper()]
        if isinstance(value, str) and len(value) == 7 and value[0] == '#':
            try:
                return '\x1b[38;2;%d;%d;%dm' % (int(value[1:3], 16), int(value[3:5], 16), int(value[5:7], 16))
            except ValueError:
                pass
        import warnings
        warnings.warn(f"Unknown colour ({value}); valid choices: [hex (#00ff00), {', '.join(self.COLOURS)}]",
                      TqdmWarning, stacklevel=2)
        return None

    def __format__(self, spec):
        charset, cells = self.charset, self.default_len
        if spec:
            kind = spec[-1].lower()
            if kind in 'aub':
                charset = {'a': self.ASCII, 'u': self.UTF, 'b': self.BLANK}[kind]
                spec = spec[:-1]
            if spec:
                cells = int(spec)
                if cells < 0:
                    cells += self.default_len
        steps = len(charset) - 1
        full, part = divmod(int(self.frac * cells * steps), steps)
        drawn = charset[-1] * full
        if full < cells:
            drawn += charset[part] + charset[0] * (cells - full - 1)
        return self.colour + drawn + self.COLOUR_RESET if self.colour else drawn


class _BarPlaceholder:
    """Stands for {bar} while the rest of a bar_format is measured."""

    def __init__(self):
        self.used = False

    def __format__(self, spec):
        self.used = True
        return ''


class tqdm:
    """Wraps an iterable and draws a progress bar on stderr as it is consumed.

    tqdm(iterable=None, desc=None, total=None, leave=True, file=None, ncols=None,
         mininterval=0.1, maxinterval=10.0, miniters=None, ascii=None, disable=False,
         unit='it', unit_scale=False, dynamic_ncols=False, smoothing=0.3, bar_format=None,
         initial=0, position=None, postfix=None, unit_divisor=1000, colour=None, delay=0.0)

    for x in tqdm(range(100), desc="epoch"): ...     # or trange(100, desc="epoch")
    bar = tqdm(total=n); bar.update(k); bar.set_postfix(loss=0.25); bar.close()
    """
    __module__ = 'tqdm.std'
    monitor_interval = 0
    _instances = []

    def __init__(self, iterable=None, desc=None, total=None, leave=True, file=None, ncols=None,
                 mininterval=0.1, maxinterval=10.0, miniters=None, ascii=None, disable=False,
                 unit='it', unit_scale=False, dynamic_ncols=False, smoothing=0.3, bar_format=None,
                 initial=0, position=None, postfix=None, unit_divisor=1000, write_bytes=False,
                 lock_args=None, nrows=None, colour=None, delay=0.0, gui=False, **kwargs):
        if file is None:
            file = sys.stderr
        if disable is None and hasattr(file, 'isatty') and not file.isatty():
            disable = True
        if total is None and iterable is not None:
            try:
                total = len(iterable)
            except (TypeError, AttributeError):
                total = None
        if total == float('inf'):
            total = None
        if disable:
            self.iterable = iterable
            self.disable = disable
            self.pos = self._free_position()
            self.n = initial
            self.total = total
            self.leave = leave
            return
        if kwargs:
            self.disable = True
            self.pos = self._free_position()
            raise TqdmKeyError("Unknown argument(s): " + str(kwargs))
        if ncols is None and (file is sys.stderr or file is sys.stdout) or dynamic_ncols:
            ncols = _screen_columns(file)
        if miniters is None:
            miniters, dynamic_miniters = 0, True
        else:
            dynamic_miniters = False
        self.iterable = iterable
        self.desc = desc or ''
        self.total = total
        self.leave = leave
        self.fp = file
        self.ncols = ncols
        self.nrows = nrows
        self.mininterval = mininterval or 0
        self.maxinterval = maxinterval or 0
        self.miniters = miniters
        self.dynamic_miniters = dynamic_miniters
        self.ascii = not _supports_unicode(file) if ascii is None else ascii
        self.disable = disable
        self.unit = unit
        self.unit_scale = unit_scale
        self.unit_divisor = unit_divisor
        self.initial = initial
        self.lock_args = lock_args
        self.delay = delay
        self.gui = gui
        self.dynamic_ncols = dynamic_ncols
        self.smoothing = smoothing or 0
        self._ema_dn = EMA(self.smoothing)
        self._ema_dt = EMA(self.smoothing)
        self._ema_miniters = EMA(self.smoothing)
        self.bar_format = bar_format
        self.postfix = None
        self.colour = colour
        self._time = _time_module.time
        if postfix:
            try:
                self.set_postfix(refresh=False, **postfix)
            except TypeError:
                self.postfix = postfix
        self.last_print_n = initial
        self.n = initial
        self.pos = self._free_position() if position is None else -position
        tqdm._instances.append(_weakref.ref(self))
        self._last_width = 0
        if delay <= 0:
            self.refresh()
        self.last_print_t = self._time()
        self.start_t = self.last_print_t

    @classmethod
    def _live_instances(cls):
        """The bars not yet closed that something still holds (the list holds them weakly)."""
        cls._instances[:] = [ref for ref in cls._instances if ref() is not None]
        return [ref() for ref in cls._instances]

    @classmethod
    def _free_position(cls):
        taken = {abs(bar.pos) for bar in cls._live_instances()}
        position = 0
        while position in taken:
            position += 1
        return position

    # Formatting, as static methods a program may call itself.

    @staticmethod
    def format_sizeof(num, suffix='', divisor=1000):
        """num with an SI prefix: 1.23k, 45.6M."""
        for unit in ['', 'k', 'M', 'G', 'T', 'P', 'E', 'Z']:
            if abs(num) < 999.5:
                if abs(num) < 99.95:
                    if abs(num) < 9.995:
                        return f'{num:1.2f}{unit}{suffix}'
                    return f'{num:2.1f}{unit}{suffix}'
                return f'{num:3.0f}{unit}{suffix}'
            num /= divisor
        return f'{num:3.1f}Y{suffix}'

    @staticmethod
    def format_interval(t):
        """Seconds as [H:]MM:SS."""
        sign = '-' if t < 0 else ''
        minutes, seconds = divmod(abs(int(t)), 60)
        hours, minutes = divmod(minutes, 60)
        if hours:
            return f'{sign}{hours:d}:{minutes:02d}:{seconds:02d}'
        return f'{sign}{minutes:02d}:{seconds:02d}'

    @staticmethod
    def format_num(n):
        """n in 3 significant digits, unless its plain form is shorter."""
        short = f'{n:.3g}'.replace('e+0', 'e+').replace('e-0', 'e-')
        plain = str(n)
        return short if len(short) < len(plain) else plain

    @staticmethod
    def format_meter(n, total, elapsed, ncols=None, prefix='', ascii=False, unit='it',
                     unit_scale=False, rate=None, bar_format=None, postfix=None,
                     unit_divisor=1000, initial=0, colour=None, **extra_kwargs):
        """The bar's text: '{desc}: {percentage:3.0f}%|{bar}| {n_fmt}/{total_fmt} [{elapsed}<{remaining}, {rate_fmt}{postfix}]'."""
        if total and (n >= total + 0.5 or total == float('inf')):
            total = None
        if unit_scale and unit_scale not in (True, 1):
            if total:
                total *= unit_scale
            n *= unit_scale
            if rate:
                rate *= unit_scale
            unit_scale = False
        elapsed_text = tqdm.format_interval(elapsed)
        if rate is None and elapsed:
            rate = (n - initial) / elapsed
        inverse = 1 / rate if rate else None
        sizeof = tqdm.format_sizeof
        rate_noinv_fmt = ((sizeof(rate) if unit_scale else f'{rate:5.2f}') if rate else '?') + unit + '/s'
        rate_inv_fmt = ((sizeof(inverse) if unit_scale else f'{inverse:5.2f}') if inverse else '?') + 's/' + unit
        rate_fmt = rate_inv_fmt if inverse and inverse > 1 else rate_noinv_fmt
        if unit_scale:
            n_fmt = sizeof(n, divisor=unit_divisor)
            total_fmt = sizeof(total, divisor=unit_divisor) if total is not None else '?'
        else:
            n_fmt = str(n)
            total_fmt = str(total) if total is not None else '?'
        try:
            postfix = ', ' + postfix if postfix else ''
        except TypeError:
            pass
        remaining = (total - n) / rate if rate and total else 0
        remaining_text = tqdm.format_interval(remaining) if rate else '?'
        if prefix:
            l_bar = prefix if prefix[-2:] == ": " else prefix + ": "
        else:
            l_bar = ''
        r_bar = f'| {n_fmt}/{total_fmt} [{elapsed_text}<{remaining_text}, {rate_fmt}{postfix}]'
        fields = {
            'n': n, 'n_fmt': n_fmt, 'total': total, 'total_fmt': total_fmt,
            'elapsed': elapsed_text, 'elapsed_s': elapsed, 'ncols': ncols, 'desc': prefix or '',
            'unit': unit, 'rate': inverse if inverse and inverse > 1 else rate, 'rate_fmt': rate_fmt,
            'rate_noinv': rate, 'rate_noinv_fmt': rate_noinv_fmt, 'rate_inv': inverse,
            'rate_inv_fmt': rate_inv_fmt, 'postfix': postfix, 'unit_divisor': unit_divisor,
            'colour': colour, 'remaining': remaining_text, 'remaining_s': remaining,
            'l_bar': l_bar, 'r_bar': r_bar}
        fields.update(extra_kwargs)

        def fitted(text):
            return _trimmed(text, ncols) if ncols else text

        def drawn(layout, frac, charset):
            placeholder = _BarPlaceholder()
            without_bar = layout.format(bar=placeholder, **fields)
            if not placeholder.used:
                return fitted(without_bar)
            cells = max(1, ncols - _display_width(without_bar)) if ncols else 10
            return fitted(layout.format(bar=Bar(frac, cells, charset=charset, colour=colour), **fields))

        if total:
            frac = n / total
            percentage = frac * 100
            l_bar += f'{percentage:3.0f}%|'
            if ncols == 0:
                return l_bar[:-1] + r_bar[1:]
            fields['l_bar'] = l_bar
            if bar_format:
                fields['percentage'] = percentage
                if not prefix:
                    bar_format = bar_format.replace("{desc}: ", '')
            else:
                bar_format = "{l_bar}{bar}{r_bar}"
            return drawn(bar_format, frac, Bar.ASCII if ascii is True else ascii or Bar.UTF)
        if bar_format:
            l_bar += '|'
            fields['l_bar'] = l_bar
            fields['percentage'] = 0
            return drawn(bar_format, 0, Bar.BLANK)
        return fitted(f'{(prefix + ": ") if prefix else ""}{n_fmt}{unit} [{elapsed_text}, {rate_fmt}{postfix}]')

    @property
    def format_dict(self):
        """The arguments of format_meter for this bar now."""
        if self.disable and not hasattr(self, 'unit'):
            return {'n': self.n, 'total': self.total, 'elapsed': 0, 'unit': 'it'}
        if self.dynamic_ncols:
            self.ncols = _screen_columns(self.fp)
        return {
            'n': self.n, 'total': self.total,
            'elapsed': self._time() - self.start_t if hasattr(self, 'start_t') else 0,
            'ncols': self.ncols, 'nrows': self.nrows, 'prefix': self.desc, 'ascii': self.ascii,
            'unit': self.unit, 'unit_scale': self.unit_scale,
            'rate': self._ema_dn() / self._ema_dt() if self._ema_dt() else None,
            'bar_format': self.bar_format, 'postfix': self.postfix,
            'unit_divisor': self.unit_divisor, 'initial': self.initial, 'colour': self.colour}

    def __str__(self):
        return self.format_meter(**self.format_dict)

    def __del__(self):
        self.close()

    # Iteration and counting.

    def __len__(self):
        if self.iterable is None:
            return self.total
        if hasattr(self.iterable, 'shape'):
            return self.iterable.shape[0]
        if hasattr(self.iterable, '__len__'):
            return len(self.iterable)
        if hasattr(self.iterable, '__length_hint__'):
            return self.iterable.__length_hint__()
        return getattr(self, 'total', None)

    def __bool__(self):
        if self.total is not None:
            return self.total > 0
        if self.iterable is None:
            raise TypeError('bool() undefined when iterable == total == None')
        return bool(self.iterable)

    def __iter__(self):
        iterable = self.iterable
        if self.disable:
            yield from iterable
            return
        last_print_t = self.last_print_t
        last_print_n = self.last_print_n
        earliest = self.start_t + self.delay
        n = self.n
        try:
            for item in iterable:
                yield item
                n += 1
                if n - last_print_n >= self.miniters:
                    now = self._time()
                    if now - last_print_t >= self.mininterval and now >= earliest:
                        self.update(n - last_print_n)
                        last_print_n = self.last_print_n
                        last_print_t = self.last_print_t
        finally:
            self.n = n
            self.close()

    def update(self, n=1):
        """Adds n to the count; redraws when mininterval has passed. True when it redrew."""
        if self.disable:
            return
        if n < 0:
            self.last_print_n += n
        self.n += n
        if self.n - self.last_print_n < self.miniters:
            return
        now = self._time()
        dt = now - self.last_print_t
        if dt < self.mininterval or now < self.start_t + self.delay:
            return
        dn = self.n - self.last_print_n
        if self.smoothing and dt and dn:
            self._ema_dn(dn)
            self._ema_dt(dt)
        self.refresh()
        if self.dynamic_miniters:
            if self.maxinterval and dt >= self.maxinterval:
                self.miniters = dn * (self.mininterval or self.maxinterval) / dt
            elif self.smoothing:
                self.miniters = self._ema_miniters(dn * (self.mininterval / dt if self.mininterval and dt else 1))
            else:
                self.miniters = max(self.miniters, dn)
        self.last_print_n = self.n
        self.last_print_t = now
        return True

    # Drawing.

    def _print_status(self, text):
        width = _display_width(text)
        self.fp.write('\r' + text + ' ' * max(self._last_width - width, 0))
        self._last_width = width
        if hasattr(self.fp, 'flush'):
            self.fp.flush()

    def _move(self, lines):
        self.fp.write('\n' * lines + '\x1b[A' * -lines)

    def display(self, msg=None, pos=None):
        """Draws msg (the bar when None) on the bar's line, or line pos below the cursor's."""
        if pos is None:
            pos = abs(self.pos)
        nrows = self.nrows or 20
        if pos >= nrows - 1:
            if pos >= nrows:
                return False
            if msg or msg is None:
                msg = " ... (more hidden) ..."
        if pos:
            self._move(pos)
        self._print_status(self.__str__() if msg is None else msg)
        if pos:
            self._move(-pos)
        return True

    def refresh(self, nolock=False, lock_args=None):
        """Redraws the bar now."""
        if self.disable:
            return
        self.display()
        return True

    def clear(self, nolock=False):
        """Blanks the bar's line."""
        if self.disable:
            return
        pos = abs(self.pos)
        if pos < (self.nrows or 20):
            self._move(pos)
            self._print_status('')
            self.fp.write('\r')
            self._move(-pos)

    def close(self):
        """Draws the bar a last time and ends its line (leave=True), or blanks it."""
        if getattr(self, 'disable', True):
            return
        self.disable = True
        pos = abs(self.pos)
        tqdm._instances[:] = [ref for ref in tqdm._instances if ref() is not None and ref() is not self]
        if not hasattr(self, 'last_print_t') or self.last_print_t < self.start_t + self.delay:
            return
        leave = pos == 0 if self.leave is None else self.leave
        if leave:
            self._ema_dt = lambda: None
            self.display(pos=0)
            self.fp.write('\n')
        elif self.display(msg='', pos=pos) and not pos:
            self.fp.write('\r')

    def reset(self, total=None):
        """Starts counting again from 0 (with a new total if given)."""
        self.n = 0
        if total is not None:
            self.total = None if total == float('inf') else total
        if self.disable:
            return
        self.last_print_n = 0
        self.last_print_t = self.start_t = self._time()
        self._ema_dn = EMA(self.smoothing)
        self._ema_dt = EMA(self.smoothing)
        self._ema_miniters = EMA(self.smoothing)
        self.refresh()

    def unpause(self):
        """Restarts the clock from the last redraw."""
        if self.disable:
            return
        now = self._time()
        self.start_t += now - self.last_print_t
        self.last_print_t = now

    def set_description(self, desc=None, refresh=True):
        """The text before the bar, followed by ': '."""
        self.desc = desc + ': ' if desc else ''
        if refresh:
            self.refresh()

    def set_description_str(self, desc=None, refresh=True):
        self.desc = desc or ''
        if refresh:
            self.refresh()

    def set_postfix(self, ordered_dict=None, refresh=True, **kwargs):
        """Statistics after the rate: set_postfix(loss=0.25) shows ', loss=0.25'."""
        postfix = dict([] if ordered_dict is None else ordered_dict)
        for key in sorted(kwargs.keys()):
            postfix[key] = kwargs[key]
        for key in postfix.keys():
            if isinstance(postfix[key], (int, float)):
                postfix[key] = self.format_num(postfix[key])
            elif not isinstance(postfix[key], str):
                postfix[key] = str(postfix[key])
        self.postfix = ', '.join(key + '=' + postfix[key].strip() for key in postfix.keys())
        if refresh:
            self.refresh()

    def set_postfix_str(self, s='', refresh=True):
        self.postfix = str(s)
        if refresh:
            self.refresh()

    @classmethod
    def write(cls, s, file=None, end="\n", nolock=False):
        """Prints s above the bars (they are blanked, then redrawn below it)."""
        fp = file if file is not None else sys.stdout
        if fp is None:
            return
        standard = (sys.stdout, sys.stderr)
        cleared = [bar for bar in cls._live_instances()
                   if hasattr(bar, 'start_t') and (bar.fp is fp or (fp in standard and bar.fp in standard))]
        for bar in cleared:
            bar.clear(nolock=True)
        fp.write(s)
        fp.write(end)
        for bar in cleared:
            bar.refresh(nolock=True)

    @classmethod
    def get_lock(cls):
        return _NoLock()

    @classmethod
    def set_lock(cls, lock):
        pass

    def __enter__(self):
        return self

    def __exit__(self, exc_type, exc_value, traceback):
        self.close()

    def __hash__(self):
        return id(self)


class _NoLock:
    """grad runs one thread: tqdm's write lock has nothing to guard."""

    def acquire(self, *args, **kwargs):
        return True

    def release(self):
        pass

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        pass


def trange(*args, **kwargs):
    """tqdm(range(*args), **kwargs)."""
    return tqdm(range(*args), **kwargs)


class tqdm_asyncio(tqdm):
    """The bar tqdm.auto gives outside a notebook (in tqdm, one that also supports async for)."""
    __module__ = 'tqdm.asyncio'


def _asyncio_trange(*args, **kwargs):
    """tqdm.auto.tqdm(range(*args), **kwargs)."""
    return tqdm_asyncio(range(*args), **kwargs)


_asyncio_trange.__name__ = _asyncio_trange.__qualname__ = 'trange'
_asyncio_trange.__module__ = 'tqdm.asyncio'
"""#
}
