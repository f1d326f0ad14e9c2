import XCTest
@testable import GradLang

/// Built-in functions checked against CPython 3.11: each expected text was printed by python3 for
/// the Python source beside it (replayed by scripts/check_builtins_expectations.py).
final class BuiltinsTests: XCTestCase {
    let h = PythonHarness()

    func testLen() {
        check(#"len([1, 2, 3])"#, #"3"#) { try h.call("len", L(1, 2, 3)) }
        check(#"len('héllo')"#, #"5"#) { try h.call("len", "héllo") }
        check(#"len({'a': 1})"#, #"1"#) { try h.call("len", D(("a", 1))) }
        check(#"len(range(0, 10, 3))"#, #"4"#) { try h.call("len", h.call("range", 0, 10, 3)) }
        check(#"len(5)"#, #"TypeError: object of type 'int' has no len()"#) { try h.call("len", 5) }
        check(#"len()"#, #"TypeError: len() takes exactly one argument (0 given)"#) { try h.call("len") }
        check(#"len([], [])"#, #"TypeError: len() takes exactly one argument (2 given)"#) { try h.call("len", L(), L()) }
        check(#"len(obj=[])"#, #"TypeError: len() takes no keyword arguments"#) { try h.call("len", kw: ["obj": L()]) }
        check(#"len({'a': 1}.keys())"#, #"1"#) { try h.call("len", h.method(D(("a", 1)), "keys")) }
    }

    func testRange() {
        check(#"range(5)"#, #"range(0, 5)"#) { try h.call("range", 5) }
        check(#"range(1, 10, 2)"#, #"range(1, 10, 2)"#) { try h.call("range", 1, 10, 2) }
        check(#"list(range(5, 0, -2))"#, #"[5, 3, 1]"#) { try h.call("list", h.call("range", 5, 0, -2)) }
        check(#"range()"#, #"TypeError: range expected at least 1 argument, got 0"#) { try h.call("range") }
        check(#"range(1, 2, 3, 4)"#, #"TypeError: range expected at most 3 arguments, got 4"#) { try h.call("range", 1, 2, 3, 4) }
        check(#"range(0, 5, 0)"#, #"ValueError: range() arg 3 must not be zero"#) { try h.call("range", 0, 5, 0) }
        check(#"range(1.5)"#, #"TypeError: 'float' object cannot be interpreted as an integer"#) { try h.call("range", 1.5) }
        check(#"len(range(2**62))"#, #"4611686018427387904"#) { try h.call("len", h.call("range", power(2, 62))) }
        check(#"list(range(10**12))"#, #"MemoryError"#) { try h.call("list", h.call("range", power(10, 12))) }
        check(#"len(range(-2**62, 2**62, 2))"#, #"4611686018427387904"#) { try h.call("len", h.call("range", power(2, 62, negative: true), power(2, 62), 2)) }
        check(#"list(range(0, -10, -2**63))"#, #"[0]"#) { try h.call("list", h.call("range", 0, -10, .int(.min))) }
        check(#"range(stop=3)"#, #"TypeError: range() takes no keyword arguments"#) { try h.call("range", kw: ["stop": 3]) }
    }

    func testAbsAndDivmodAndPow() {
        check(#"abs(-5)"#, #"5"#) { try h.call("abs", -5) }
        check(#"abs(-2.5)"#, #"2.5"#) { try h.call("abs", -2.5) }
        check(#"abs(True)"#, #"1"#) { try h.call("abs", true) }
        check(#"abs(-9223372036854775807 - 1)"#, #"9223372036854775808"#) { try h.call("abs", .int(.min)) }
        check(#"abs('a')"#, #"TypeError: bad operand type for abs(): 'str'"#) { try h.call("abs", "a") }
        check(#"divmod(7, -2)"#, #"(-4, -1)"#) { try h.call("divmod", 7, -2) }
        check(#"divmod(7.5, 2)"#, #"(3.0, 1.5)"#) { try h.call("divmod", 7.5, 2) }
        check(#"divmod(1, 0)"#, #"ZeroDivisionError: integer division or modulo by zero"#) { try h.call("divmod", 1, 0) }
        check(#"divmod(1.0, 0)"#, #"ZeroDivisionError: float divmod()"#) { try h.call("divmod", 1.0, 0) }
        check(#"divmod('a', 1)"#, #"TypeError: unsupported operand type(s) for divmod(): 'str' and 'int'"#) { try h.call("divmod", "a", 1) }
        check(#"divmod(1)"#, #"TypeError: divmod expected 2 arguments, got 1"#) { try h.call("divmod", 1) }
        check(#"pow(2, 10)"#, #"1024"#) { try h.call("pow", 2, 10) }
        check(#"pow(2, -1)"#, #"0.5"#) { try h.call("pow", 2, -1) }
        check(#"pow(3, 4, 5)"#, #"1"#) { try h.call("pow", 3, 4, 5) }
        check(#"pow(2, 3, -5)"#, #"-2"#) { try h.call("pow", 2, 3, -5) }
        check(#"pow(2, -1, 5)"#, #"3"#) { try h.call("pow", 2, -1, 5) }
        check(#"pow(2, -1, 4)"#, #"ValueError: base is not invertible for the given modulus"#) { try h.call("pow", 2, -1, 4) }
        check(#"pow(2, 3, 0)"#, #"ValueError: pow() 3rd argument cannot be 0"#) { try h.call("pow", 2, 3, 0) }
        check(#"pow(2.0, 3, 5)"#, #"TypeError: pow() 3rd argument not allowed unless all arguments are integers"#) { try h.call("pow", 2.0, 3, 5) }
        check(#"pow(7, 10**30, 13)"#, #"9"#) { try h.call("pow", 7, power(10, 30), 13) }
        check(#"pow(0, -1)"#, #"ZeroDivisionError: 0.0 cannot be raised to a negative power"#) { try h.call("pow", 0, -1) }
    }

    func testMinMaxSum() {
        check(#"max([3, 1, 2])"#, #"3"#) { try h.call("max", L(3, 1, 2)) }
        check(#"min(3, 1, 2)"#, #"1"#) { try h.call("min", 3, 1, 2) }
        check(#"max('apple', 'fig', 'banana', key=len)"#, #"'banana'"#) { try h.call("max", "apple", "fig", "banana", kw: ["key": h.builtin("len")]) }
        check(#"max([1, 3, 3.0], key=abs)"#, #"3"#) { try h.call("max", L(1, 3, 3.0), kw: ["key": h.builtin("abs")]) }
        check(#"min([], default=None)"#, #"None"#) { try h.call("min", L(), kw: ["default": .none]) }
        check(#"max([], default=7)"#, #"7"#) { try h.call("max", L(), kw: ["default": 7]) }
        check(#"max([])"#, #"ValueError: max() arg is an empty sequence"#) { try h.call("max", L()) }
        check(#"min([])"#, #"ValueError: min() arg is an empty sequence"#) { try h.call("min", L()) }
        check(#"max()"#, #"TypeError: max expected at least 1 argument, got 0"#) { try h.call("max") }
        check(#"max(1)"#, #"TypeError: 'int' object is not iterable"#) { try h.call("max", 1) }
        check(#"max(1, 2, default=3)"#, #"TypeError: Cannot specify a default for max() with multiple positional arguments"#) { try h.call("max", 1, 2, kw: ["default": 3]) }
        check(#"max([1, 'a'])"#, #"TypeError: '>' not supported between instances of 'str' and 'int'"#) { try h.call("max", L(1, "a")) }
        check(#"min([1, 'a'])"#, #"TypeError: '<' not supported between instances of 'str' and 'int'"#) { try h.call("min", L(1, "a")) }
        check(#"sum([1, 2, 3])"#, #"6"#) { try h.call("sum", L(1, 2, 3)) }
        check(#"sum([0.1, 0.2, 0.3])"#, #"0.6000000000000001"#) { try h.call("sum", L(0.1, 0.2, 0.3)) }
        check(#"sum([1, 2], 10)"#, #"13"#) { try h.call("sum", L(1, 2), 10) }
        check(#"sum([[1], [2]], [])"#, #"[1, 2]"#) { try h.call("sum", L(L(1), L(2)), L()) }
        check(#"sum(['a', 'b'], '')"#, #"TypeError: sum() can't sum strings [use ''.join(seq) instead]"#) { try h.call("sum", L("a", "b"), "") }
        check(#"sum([1, 'a'])"#, #"TypeError: unsupported operand type(s) for +: 'int' and 'str'"#) { try h.call("sum", L(1, "a")) }
        check(#"sum([9223372036854775807, 1])"#, #"9223372036854775808"#) { try h.call("sum", L(.int(.max), 1)) }
    }

    func testRound() {
        check(#"round(2.5)"#, #"2"#) { try h.call("round", 2.5) }
        check(#"round(3.5)"#, #"4"#) { try h.call("round", 3.5) }
        check(#"round(-0.5)"#, #"0"#) { try h.call("round", -0.5) }
        check(#"round(2.675, 2)"#, #"2.67"#) { try h.call("round", 2.675, 2) }
        check(#"round(0.125, 2)"#, #"0.12"#) { try h.call("round", 0.125, 2) }
        check(#"round(1.5, 0)"#, #"2.0"#) { try h.call("round", 1.5, 0) }
        check(#"round(-1.25, 1)"#, #"-1.2"#) { try h.call("round", -1.25, 1) }
        check(#"round(12345.678, -2)"#, #"12300.0"#) { try h.call("round", 12345.678, -2) }
        check(#"round(45.0, -1)"#, #"40.0"#) { try h.call("round", 45.0, -1) }
        check(#"round(55, -1)"#, #"60"#) { try h.call("round", 55, -1) }
        check(#"round(-65, -1)"#, #"-60"#) { try h.call("round", -65, -1) }
        check(#"round(7, 2)"#, #"7"#) { try h.call("round", 7, 2) }
        check(#"round(1e300)"#, #"1000000000000000052504760255204420248704468581108159154915854115511802457988908195786371375080447864043704443832883878176942523235360430575644792184786706982848387200926575803737830233794788090059368953234970799945081119038967640880074652742780142494579258788820056842838115669472196386865459400540160"#) { try h.call("round", 1e300) }
        check(#"round(float('inf'))"#, #"OverflowError: cannot convert float infinity to integer"#) { try h.call("round", .float(.infinity)) }
        check(#"round(float('nan'))"#, #"ValueError: cannot convert float NaN to integer"#) { try h.call("round", .float(.nan)) }
        check(#"round(1.5, 10**9)"#, #"1.5"#) { try h.call("round", 1.5, power(10, 9)) }
        check(#"round(1.5, 10**30)"#, #"1.5"#) { try h.call("round", 1.5, power(10, 30)) }
        check(#"round(123.0, -10**30)"#, #"0.0"#) { try h.call("round", 123.0, power(10, 30, negative: true)) }
        check(#"round(5, -3)"#, #"0"#) { try h.call("round", 5, -3) }
        check(#"round(2500, -3)"#, #"2000"#) { try h.call("round", 2500, -3) }
        check(#"round('a')"#, #"TypeError: type str doesn't define __round__ method"#) { try h.call("round", "a") }
        check(#"round(2.5, 1.0)"#, #"TypeError: 'float' object cannot be interpreted as an integer"#) { try h.call("round", 2.5, 1.0) }
        check(#"round(1.7976931348623157e308, -308)"#, #"OverflowError: rounded value too large to represent"#) { try h.call("round", 1.7976931348623157e308, -308) }
    }

    func testIntConstructor() {
        check(#"int()"#, #"0"#) { try h.call("int") }
        check(#"int(2.9)"#, #"2"#) { try h.call("int", 2.9) }
        check(#"int(-2.9)"#, #"-2"#) { try h.call("int", -2.9) }
        check(#"int(True)"#, #"1"#) { try h.call("int", true) }
        check(#"int(1e20)"#, #"100000000000000000000"#) { try h.call("int", 1e20) }
        check(#"int(' 42 ')"#, #"42"#) { try h.call("int", " 42 ") }
        check(#"int('-1_000')"#, #"-1000"#) { try h.call("int", "-1_000") }
        check(#"int('ff', 16)"#, #"255"#) { try h.call("int", "ff", 16) }
        check(#"int('0x1F', 16)"#, #"31"#) { try h.call("int", "0x1F", 16) }
        check(#"int('0b101', 0)"#, #"5"#) { try h.call("int", "0b101", 0) }
        check(#"int('0o17', base=0)"#, #"15"#) { try h.call("int", "0o17", kw: ["base": 0]) }
        check(#"int('z', 36)"#, #"35"#) { try h.call("int", "z", 36) }
        check(#"int('٣')"#, #"3"#) { try h.call("int", "٣") }
        check(#"int('99999999999999999999')"#, #"99999999999999999999"#) { try h.call("int", "99999999999999999999") }
        check(#"int('x')"#, #"ValueError: invalid literal for int() with base 10: 'x'"#) { try h.call("int", "x") }
        check(#"int('')"#, #"ValueError: invalid literal for int() with base 10: ''"#) { try h.call("int", "") }
        check(#"int('1__0')"#, #"ValueError: invalid literal for int() with base 10: '1__0'"#) { try h.call("int", "1__0") }
        check(#"int('_1')"#, #"ValueError: invalid literal for int() with base 10: '_1'"#) { try h.call("int", "_1") }
        check(#"int('1.5')"#, #"ValueError: invalid literal for int() with base 10: '1.5'"#) { try h.call("int", "1.5") }
        check(#"int('010', 0)"#, #"ValueError: invalid literal for int() with base 0: '010'"#) { try h.call("int", "010", 0) }
        check(#"int('12', 2)"#, #"ValueError: invalid literal for int() with base 2: '12'"#) { try h.call("int", "12", 2) }
        check(#"int('12', 1)"#, #"ValueError: int() base must be >= 2 and <= 36, or 0"#) { try h.call("int", "12", 1) }
        check(#"int(5, 10)"#, #"TypeError: int() can't convert non-string with explicit base"#) { try h.call("int", 5, 10) }
        check(#"int([])"#, #"TypeError: int() argument must be a string, a bytes-like object or a real number, not 'list'"#) { try h.call("int", L()) }
        check(#"int(float('inf'))"#, #"OverflowError: cannot convert float infinity to integer"#) { try h.call("int", .float(.infinity)) }
        check(#"int(float('nan'))"#, #"ValueError: cannot convert float NaN to integer"#) { try h.call("int", .float(.nan)) }
        check(#"int('1' * 5000)"#, #"ValueError: Exceeds the limit (4300 digits) for integer string conversion: value has 5000 digits; use sys.set_int_max_str_digits() to increase the limit"#) { try h.call("int", .str(String(repeating: "1", count: 5000))) }
    }

    func testFloatStrBoolConstructors() {
        check(#"float()"#, #"0.0"#) { try h.call("float") }
        check(#"float(3)"#, #"3.0"#) { try h.call("float", 3) }
        check(#"float(' 1.5e3 ')"#, #"1500.0"#) { try h.call("float", " 1.5e3 ") }
        check(#"float('-Infinity')"#, #"-inf"#) { try h.call("float", "-Infinity") }
        check(#"float('nan')"#, #"nan"#) { try h.call("float", "nan") }
        check(#"float('1_0.5')"#, #"10.5"#) { try h.call("float", "1_0.5") }
        check(#"float('.5')"#, #"0.5"#) { try h.call("float", ".5") }
        check(#"float('5.')"#, #"5.0"#) { try h.call("float", "5.") }
        check(#"float('1e400')"#, #"inf"#) { try h.call("float", "1e400") }
        check(#"float('abc')"#, #"ValueError: could not convert string to float: 'abc'"#) { try h.call("float", "abc") }
        check(#"float('1e')"#, #"ValueError: could not convert string to float: '1e'"#) { try h.call("float", "1e") }
        check(#"float('0x10')"#, #"ValueError: could not convert string to float: '0x10'"#) { try h.call("float", "0x10") }
        check(#"float([])"#, #"TypeError: float() argument must be a string or a real number, not 'list'"#) { try h.call("float", L()) }
        check(#"float(10**400)"#, #"OverflowError: int too large to convert to float"#) { try h.call("float", power(10, 400)) }
        check(#"float(1, 2)"#, #"TypeError: float expected at most 1 argument, got 2"#) { try h.call("float", 1, 2) }
        check(#"str()"#, #"''"#) { try h.call("str") }
        check(#"str(1.0)"#, #"'1.0'"#) { try h.call("str", 1.0) }
        check(#"str([1, 'a'])"#, #""[1, 'a']""#) { try h.call("str", L(1, "a")) }
        check(#"str(None)"#, #"'None'"#) { try h.call("str", .none) }
        check(#"bool()"#, #"False"#) { try h.call("bool") }
        check(#"bool([0])"#, #"True"#) { try h.call("bool", L(0)) }
        check(#"bool('')"#, #"False"#) { try h.call("bool", "") }
        check(#"bool(0.0)"#, #"False"#) { try h.call("bool", 0.0) }
    }

    func testContainerConstructors() {
        check(#"list('abc')"#, #"['a', 'b', 'c']"#) { try h.call("list", "abc") }
        check(#"list()"#, #"[]"#) { try h.call("list") }
        check(#"list(5)"#, #"TypeError: 'int' object is not iterable"#) { try h.call("list", 5) }
        check(#"list(1, 2)"#, #"TypeError: list expected at most 1 argument, got 2"#) { try h.call("list", 1, 2) }
        check(#"tuple([1, 2])"#, #"(1, 2)"#) { try h.call("tuple", L(1, 2)) }
        check(#"tuple('a')"#, #"('a',)"#) { try h.call("tuple", "a") }
        check(#"tuple()"#, #"()"#) { try h.call("tuple") }
        check(#"dict([('a', 1), ('b', 2)])"#, #"{'a': 1, 'b': 2}"#) { try h.call("dict", L(T("a", 1), T("b", 2))) }
        check(#"dict(a=1, b=2)"#, #"{'a': 1, 'b': 2}"#) { try h.call("dict", kw: ["a": 1, "b": 2]) }
        check(#"dict({'a': 1}, a=3)"#, #"{'a': 3}"#) { try h.call("dict", D(("a", 1)), kw: ["a": 3]) }
        check(#"dict(['ab'])"#, #"{'a': 'b'}"#) { try h.call("dict", L("ab")) }
        check(#"dict([(1, 2, 3)])"#, #"ValueError: dictionary update sequence element #0 has length 3; 2 is required"#) { try h.call("dict", L(T(1, 2, 3))) }
        check(#"dict([(1, 2), 1])"#, #"TypeError: cannot convert dictionary update sequence element #1 to a sequence"#) { try h.call("dict", L(T(1, 2), 1)) }
        check(#"dict([([], 1)])"#, #"TypeError: unhashable type: 'list'"#) { try h.call("dict", L(T(L(), 1))) }
        check(#"set([1, 2, 2, 3])"#, #"{1, 2, 3}"#) { try h.call("set", L(1, 2, 2, 3)) }
        check(#"set()"#, #"set()"#) { try h.call("set") }
        check(#"frozenset([1, 2])"#, #"frozenset({1, 2})"#) { try h.call("frozenset", L(1, 2)) }
        check(#"frozenset()"#, #"frozenset()"#) { try h.call("frozenset") }
        check(#"set([[1]])"#, #"TypeError: unhashable type: 'list'"#) { try h.call("set", L(L(1))) }
        check(#"slice(1, 5)"#, #"slice(1, 5, None)"#) { try h.call("slice", 1, 5) }
        check(#"slice(3)"#, #"slice(None, 3, None)"#) { try h.call("slice", 3) }
        check(#"slice()"#, #"TypeError: slice expected at least 1 argument, got 0"#) { try h.call("slice") }
        check(#"object(1)"#, #"TypeError: object() takes no arguments"#) { try h.call("object", 1) }
    }

    func testIterationHelpers() {
        check(#"list(enumerate('ab'))"#, #"[(0, 'a'), (1, 'b')]"#) { try h.call("list", h.call("enumerate", "ab")) }
        check(#"list(enumerate(['x'], start=5))"#, #"[(5, 'x')]"#) { try h.call("list", h.call("enumerate", L("x"), kw: ["start": 5])) }
        check(#"list(enumerate([1], 1.5))"#, #"TypeError: 'float' object cannot be interpreted as an integer"#) { try h.call("list", h.call("enumerate", L(1), 1.5)) }
        check(#"list(zip([1, 2, 3], 'ab'))"#, #"[(1, 'a'), (2, 'b')]"#) { try h.call("list", h.call("zip", L(1, 2, 3), "ab")) }
        check(#"list(zip())"#, #"[]"#) { try h.call("list", h.call("zip")) }
        check(#"list(zip([1], [1, 2], strict=True))"#, #"ValueError: zip() argument 2 is longer than argument 1"#) { try h.call("list", h.call("zip", L(1), L(1, 2), kw: ["strict": true])) }
        check(#"list(zip([1, 2], [1], strict=True))"#, #"ValueError: zip() argument 2 is shorter than argument 1"#) { try h.call("list", h.call("zip", L(1, 2), L(1), kw: ["strict": true])) }
        check(#"list(zip([1, 2], [1, 2], [1], strict=True))"#, #"ValueError: zip() argument 3 is shorter than arguments 1-2"#) { try h.call("list", h.call("zip", L(1, 2), L(1, 2), L(1), kw: ["strict": true])) }
        check(#"list(zip([1], [1], [1, 2], strict=True))"#, #"ValueError: zip() argument 3 is longer than arguments 1-2"#) { try h.call("list", h.call("zip", L(1), L(1), L(1, 2), kw: ["strict": true])) }
        check(#"list(map(abs, [-1, 2]))"#, #"[1, 2]"#) { try h.call("list", h.call("map", h.builtin("abs"), L(-1, 2))) }
        check(#"list(map(pow, [2, 3], [3, 2]))"#, #"[8, 9]"#) { try h.call("list", h.call("map", h.builtin("pow"), L(2, 3), L(3, 2))) }
        check(#"map(len)"#, #"TypeError: map() must have at least two arguments."#) { try h.call("map", h.builtin("len")) }
        check(#"list(filter(None, [0, 1, '', 'a']))"#, #"[1, 'a']"#) { try h.call("list", h.call("filter", .none, L(0, 1, "", "a"))) }
        check(#"list(filter(bool, [0, 2]))"#, #"[2]"#) { try h.call("list", h.call("filter", h.builtin("bool"), L(0, 2))) }
        check(#"filter(None)"#, #"TypeError: filter expected 2 arguments, got 1"#) { try h.call("filter", .none) }
        check(#"list(reversed([1, 2, 3]))"#, #"[3, 2, 1]"#) { try h.call("list", h.call("reversed", L(1, 2, 3))) }
        check(#"list(reversed(range(3)))"#, #"[2, 1, 0]"#) { try h.call("list", h.call("reversed", h.call("range", 3))) }
        check(#"list(reversed('ab'))"#, #"['b', 'a']"#) { try h.call("list", h.call("reversed", "ab")) }
        check(#"list(reversed({'a': 1, 'b': 2}))"#, #"['b', 'a']"#) { try h.call("list", h.call("reversed", D(("a", 1), ("b", 2)))) }
        check(#"reversed({1})"#, #"TypeError: 'set' object is not reversible"#) { try h.call("reversed", S(1)) }
        check(#"reversed(iter([]))"#, #"TypeError: 'list_iterator' object is not reversible"#) { try h.call("reversed", h.call("iter", L())) }
        check(#"sorted([3, 1, 2])"#, #"[1, 2, 3]"#) { try h.call("sorted", L(3, 1, 2)) }
        check(#"sorted('bca', reverse=True)"#, #"['c', 'b', 'a']"#) { try h.call("sorted", "bca", kw: ["reverse": true]) }
        check(#"sorted(['bb', 'a', 'cc', 'd'], key=len)"#, #"['a', 'd', 'bb', 'cc']"#) { try h.call("sorted", L("bb", "a", "cc", "d"), kw: ["key": h.builtin("len")]) }
        check(#"sorted(['bb', 'a', 'cc', 'd'], key=len, reverse=True)"#, #"['bb', 'cc', 'a', 'd']"#) { try h.call("sorted", L("bb", "a", "cc", "d"), kw: ["key": h.builtin("len"), "reverse": true]) }
        check(#"sorted([(2, 'a'), (1, 'b'), (2, 'A')])"#, #"[(1, 'b'), (2, 'A'), (2, 'a')]"#) { try h.call("sorted", L(T(2, "a"), T(1, "b"), T(2, "A"))) }
        check(#"sorted([1, 'a'])"#, #"TypeError: '<' not supported between instances of 'str' and 'int'"#) { try h.call("sorted", L(1, "a")) }
        check(#"sorted(list(range(40, 0, -1)))[:3]"#, #"[1, 2, 3]"#) {
            guard case .object(let l as PyList) = try h.call("sorted", h.call("list", h.call("range", 40, 0, -1))) else { return .none }
            return .object(PyList(Array(l.items.prefix(3))))
        }
        check(#"', '.join(map(str, [1, 2.5, None]))"#, #"'1, 2.5, None'"#) { try h.method(", ", "join", h.call("map", h.builtin("str"), L(1, 2.5, .none))) }
        check(#"d = {'a': 3, 'b': 7, 'c': 5}; max(d, key=d.get)"#, #"'b'"#) {
            let d = D(("a", 3), ("b", 7), ("c", 5))
            return try h.call("max", d, kw: ["key": h.interpreter.getAttribute(d, "get")])
        }
        check(#"sorted({'b': 1, 'a': 2}.items(), key=len)"#, #"[('b', 1), ('a', 2)]"#) { try h.call("sorted", h.method(D(("b", 1), ("a", 2)), "items"), kw: ["key": h.builtin("len")]) }
        check(#"list(zip(*[(1, 'a'), (2, 'b')]))"#, #"[(1, 2), ('a', 'b')]"#) { try h.call("list", h.call("zip", T(1, "a"), T(2, "b"))) }
        check(#"dict(zip('ab', range(2)))"#, #"{'a': 0, 'b': 1}"#) { try h.call("dict", h.call("zip", "ab", h.call("range", 2))) }
        check(#"list(map(int, '123'))"#, #"[1, 2, 3]"#) { try h.call("list", h.call("map", h.builtin("int"), "123")) }
        check(#"any([0, '', 3])"#, #"True"#) { try h.call("any", L(0, "", 3)) }
        check(#"any([])"#, #"False"#) { try h.call("any", L()) }
        check(#"all([1, 'a'])"#, #"True"#) { try h.call("all", L(1, "a")) }
        check(#"all([1, 0])"#, #"False"#) { try h.call("all", L(1, 0)) }
        check(#"all(5)"#, #"TypeError: 'int' object is not iterable"#) { try h.call("all", 5) }
    }

    func testIterAndNext() {
        check(#"it = iter([1, 2]); next(it); next(it)"#, #"2"#) {
            let it = try h.call("iter", L(1, 2))
            _ = try h.call("next", it)
            return try h.call("next", it)
        }
        check(#"next(iter([]))"#, #"StopIteration"#) { try h.call("next", h.call("iter", L())) }
        check(#"next(iter([]), 'done')"#, #"'done'"#) { try h.call("next", h.call("iter", L()), "done") }
        check(#"next([])"#, #"TypeError: 'list' object is not an iterator"#) { try h.call("next", L()) }
        check(#"iter(5)"#, #"TypeError: 'int' object is not iterable"#) { try h.call("iter", 5) }
        check(#"iter(1, 2)"#, #"TypeError: iter(v, w): v must be callable"#) { try h.call("iter", 1, 2) }
        check(#"it = iter([3, 2, 1]); list(iter(it.__next__, 1))"#, #"[3, 2]"#) {
            let source = try h.call("iter", L(3, 2, 1))
            let step = PyBuiltin("__next__()") { [h] _ in try h.call("next", source) }
            return try h.call("list", h.call("iter", .object(step), 1))
        }
    }

    func testTypesAndIsinstance() {
        check(#"type(1)"#, #"<class 'int'>"#) { try h.call("type", 1) }
        check(#"type(True)"#, #"<class 'bool'>"#) { try h.call("type", true) }
        check(#"type(None)"#, #"<class 'NoneType'>"#) { try h.call("type", .none) }
        check(#"type([])"#, #"<class 'list'>"#) { try h.call("type", L()) }
        check(#"type(int)"#, #"<class 'type'>"#) { try h.call("type", h.builtin("int")) }
        check(#"type(ValueError('x'))"#, #"<class 'ValueError'>"#) { try h.call("type", h.call("ValueError", "x")) }
        check(#"type(frozenset())"#, #"<class 'frozenset'>"#) { try h.call("type", h.call("frozenset")) }
        check(#"type(2**100) is int"#, #"True"#) { .bool(try Operators.equals(h.call("type", power(2, 100)), h.builtin("int"))) }
        check(#"type(5)('7')"#, #"7"#) { try h.apply(h.call("type", 5), "7") }
        check(#"type(len).__name__"#, #"'builtin_function_or_method'"#) { try h.interpreter.getAttribute(h.call("type", h.builtin("len")), "__name__") }
        check(#"type([]).__name__"#, #"'list'"#) { try h.interpreter.getAttribute(h.call("type", L()), "__name__") }
        check(#"type()"#, #"TypeError: type() takes 1 or 3 arguments"#) { try h.call("type") }
        check(#"isinstance(True, int)"#, #"True"#) { try h.call("isinstance", true, h.builtin("int")) }
        check(#"isinstance(1, bool)"#, #"False"#) { try h.call("isinstance", 1, h.builtin("bool")) }
        check(#"isinstance(1.0, (int, float))"#, #"True"#) { try h.call("isinstance", 1.0, T(h.builtin("int"), h.builtin("float"))) }
        check(#"isinstance('a', (int, (list, str)))"#, #"True"#) { try h.call("isinstance", "a", T(h.builtin("int"), T(h.builtin("list"), h.builtin("str")))) }
        check(#"isinstance([], object)"#, #"True"#) { try h.call("isinstance", L(), h.builtin("object")) }
        check(#"isinstance(frozenset(), set)"#, #"False"#) { try h.call("isinstance", h.call("frozenset"), h.builtin("set")) }
        check(#"isinstance(KeyError(), LookupError)"#, #"True"#) { try h.call("isinstance", h.call("KeyError"), h.builtin("LookupError")) }
        check(#"isinstance(int, type)"#, #"True"#) { try h.call("isinstance", h.builtin("int"), h.builtin("type")) }
        check(#"isinstance(1, 5)"#, #"TypeError: isinstance() arg 2 must be a type, a tuple of types, or a union"#) { try h.call("isinstance", 1, 5) }
        check(#"isinstance(1)"#, #"TypeError: isinstance expected 2 arguments, got 1"#) { try h.call("isinstance", 1) }
        check(#"issubclass(bool, int)"#, #"True"#) { try h.call("issubclass", h.builtin("bool"), h.builtin("int")) }
        check(#"issubclass(int, bool)"#, #"False"#) { try h.call("issubclass", h.builtin("int"), h.builtin("bool")) }
        check(#"issubclass(KeyError, (ValueError, LookupError))"#, #"True"#) { try h.call("issubclass", h.builtin("KeyError"), T(h.builtin("ValueError"), h.builtin("LookupError"))) }
        check(#"issubclass(ValueError, object)"#, #"True"#) { try h.call("issubclass", h.builtin("ValueError"), h.builtin("object")) }
        check(#"issubclass(1, int)"#, #"TypeError: issubclass() arg 1 must be a class"#) { try h.call("issubclass", 1, h.builtin("int")) }
        check(#"issubclass(int, 5)"#, #"TypeError: issubclass() arg 2 must be a class, a tuple of classes, or a union"#) { try h.call("issubclass", h.builtin("int"), 5) }
        check(#"callable(len)"#, #"True"#) { try h.call("callable", h.builtin("len")) }
        check(#"callable(int)"#, #"True"#) { try h.call("callable", h.builtin("int")) }
        check(#"callable('a'.upper)"#, #"True"#) { try h.call("callable", h.interpreter.getAttribute("a", "upper")) }
        check(#"callable(5)"#, #"False"#) { try h.call("callable", 5) }
    }

    func testAttributesAndRepr() {
        check(#"getattr('abc', 'upper')()"#, #"'ABC'"#) { try h.apply(h.call("getattr", "abc", "upper")) }
        check(#"getattr(1, 'x', None)"#, #"None"#) { try h.call("getattr", 1, "x", .none) }
        check(#"getattr(1, 'x')"#, #"AttributeError: 'int' object has no attribute 'x'"#) { try h.call("getattr", 1, "x") }
        check(#"getattr(1)"#, #"TypeError: getattr expected at least 2 arguments, got 1"#) { try h.call("getattr", 1) }
        check(#"getattr(1, 'x', 2, 3)"#, #"TypeError: getattr expected at most 3 arguments, got 4"#) { try h.call("getattr", 1, "x", 2, 3) }
        check(#"getattr(1, 2)"#, #"TypeError: attribute name must be string, not 'int'"#) { try h.call("getattr", 1, 2) }
        check(#"hasattr([], 'append')"#, #"True"#) { try h.call("hasattr", L(), "append") }
        check(#"hasattr([], 'push')"#, #"False"#) { try h.call("hasattr", L(), "push") }
        check(#"setattr(1, 'x', 2)"#, #"AttributeError: 'int' object has no attribute 'x'"#) { try h.call("setattr", 1, "x", 2) }
        check(#"repr('a\nb')"#, #""'a\\nb'""#) { try h.call("repr", "a\nb") }
        check(#"repr([1.5, None])"#, #"'[1.5, None]'"#) { try h.call("repr", L(1.5, .none)) }
        check(#"ascii('héllo')"#, #""'h\\xe9llo'""#) { try h.call("ascii", "héllo") }
        check(#"repr(len)"#, #"'<built-in function len>'"#) { try h.call("repr", h.builtin("len")) }
        check(#"'append' in dir([])"#, #"True"#) { try h.call("all", L(.bool(Operators.contains(h.call("dir", L()), "append")))) }
        check(#"dir(1, 2)"#, #"TypeError: dir expected at most 1 argument, got 2"#) { try h.call("dir", 1, 2) }
    }

    func testHashAndId() {
        check(#"hash(1.5)"#, #"1152921504606846977"#) { try h.call("hash", 1.5) }
        check(#"hash(-1)"#, #"-2"#) { try h.call("hash", -1) }
        check(#"hash(2.0) == hash(2)"#, #"True"#) { .bool(try Operators.equals(h.call("hash", 2.0), h.call("hash", 2))) }
        check(#"hash((1, 2))"#, #"-3550055125485641917"#) { try h.call("hash", T(1, 2)) }
        check(#"hash(10**30)"#, #"465258685558744706"#) { try h.call("hash", power(10, 30)) }
        check(#"hash(-10**30)"#, #"-465258685558744706"#) { try h.call("hash", power(10, 30, negative: true)) }
        check(#"hash(0.1)"#, #"230584300921369408"#) { try h.call("hash", 0.1) }
        check(#"hash(-2.5)"#, #"-1152921504606846978"#) { try h.call("hash", -2.5) }
        check(#"hash(float('inf'))"#, #"314159"#) { try h.call("hash", .float(.infinity)) }
        check(#"hash(True)"#, #"1"#) { try h.call("hash", true) }
        check(#"hash([])"#, #"TypeError: unhashable type: 'list'"#) { try h.call("hash", L()) }
        check(#"hash((1, [2]))"#, #"TypeError: unhashable type: 'list'"#) { try h.call("hash", T(1, L(2))) }
        check(#"hash(set())"#, #"TypeError: unhashable type: 'set'"#) { try h.call("hash", h.call("set")) }
        check(#"x = []; id(x) == id(x)"#, #"True"#) {
            let x = L()
            return .bool(try Operators.equals(h.call("id", x), h.call("id", x)))
        }
        check(#"a = []; b = [1]; id(a) == id(b)"#, #"False"#) {
            let a = L(), b = L(1)
            return .bool(try Operators.equals(h.call("id", a), h.call("id", b)))
        }
    }

    func testTextFunctions() {
        check(#"chr(97)"#, #"'a'"#) { try h.call("chr", 97) }
        check(#"chr(0x1F600)"#, #"'😀'"#) { try h.call("chr", 0x1F600) }
        check(#"chr(-1)"#, #"ValueError: chr() arg not in range(0x110000)"#) { try h.call("chr", -1) }
        check(#"chr(0x110000)"#, #"ValueError: chr() arg not in range(0x110000)"#) { try h.call("chr", 0x110000) }
        check(#"chr(1.5)"#, #"TypeError: 'float' object cannot be interpreted as an integer"#) { try h.call("chr", 1.5) }
        check(#"chr(10**30)"#, #"OverflowError: Python int too large to convert to C int"#) { try h.call("chr", power(10, 30)) }
        check(#"ord('a')"#, #"97"#) { try h.call("ord", "a") }
        check(#"ord('€')"#, #"8364"#) { try h.call("ord", "€") }
        check(#"ord('ab')"#, #"TypeError: ord() expected a character, but string of length 2 found"#) { try h.call("ord", "ab") }
        check(#"ord(1)"#, #"TypeError: ord() expected string of length 1, but int found"#) { try h.call("ord", 1) }
        check(#"hex(255)"#, #"'0xff'"#) { try h.call("hex", 255) }
        check(#"hex(-255)"#, #"'-0xff'"#) { try h.call("hex", -255) }
        check(#"hex(2**64)"#, #"'0x10000000000000000'"#) { try h.call("hex", power(2, 64)) }
        check(#"bin(5)"#, #"'0b101'"#) { try h.call("bin", 5) }
        check(#"bin(0)"#, #"'0b0'"#) { try h.call("bin", 0) }
        check(#"oct(-8)"#, #"'-0o10'"#) { try h.call("oct", -8) }
        check(#"hex(1.5)"#, #"TypeError: 'float' object cannot be interpreted as an integer"#) { try h.call("hex", 1.5) }
        check(#"format(3.14159, '.2f')"#, #"'3.14'"#) { try h.call("format", 3.14159, ".2f") }
        check(#"format(42)"#, #"'42'"#) { try h.call("format", 42) }
        check(#"format(1234567, ',')"#, #"'1,234,567'"#) { try h.call("format", 1234567, ",") }
        check(#"format('ab', '>4')"#, #"'  ab'"#) { try h.call("format", "ab", ">4") }
        check(#"format(1, 'q')"#, #"ValueError: Unknown format code 'q' for object of type 'int'"#) { try h.call("format", 1, "q") }
        check(#"format('a', 5)"#, #"TypeError: format() argument 2 must be str, not int"#) { try h.call("format", "a", 5) }
    }

    func testPrint() {
        checkOutput(#"print(1, 'a', [2.5])"#, #"1 a [2.5]\#n"#) { try _ = $0.call("print", 1, "a", L(2.5)) }
        checkOutput(#"print()"#, #"\#n"#) { try _ = $0.call("print") }
        checkOutput(#"print('a', 'b', sep='-', end='!')"#, #"a-b!"#) { try _ = $0.call("print", "a", "b", kw: ["sep": "-", "end": "!"]) }
        checkOutput(#"print('a', None, sep=None, end=None)"#, #"a None\#n"#) { try _ = $0.call("print", "a", .none, kw: ["sep": .none, "end": .none]) }
        checkOutput(#"print(ValueError('bad'))"#, #"bad\#n"#) { try _ = $0.call("print", $0.call("ValueError", "bad")) }
        check(#"print(1, sep=1)"#, #"TypeError: sep must be None or a string, not int"#) { try h.call("print", 1, kw: ["sep": 1]) }
        check(#"print(1, file=5)"#, #"AttributeError: 'int' object has no attribute 'write'"#) { try h.call("print", 1, kw: ["file": 5]) }
        check(#"print(1, end=[])"#, #"TypeError: end must be None or a string, not list"#) { try h.call("print", 1, kw: ["end": L()]) }
    }
    /// Wrong argument counts and keywords, in CPython's wording for built-ins.
    func testArityAndKeywordMessages() {
        check(#"print(foo=1)"#, #"TypeError: 'foo' is an invalid keyword argument for print()"#) { try h.call("print", kw: ["foo": 1]) }
        check(#"zip(x=1)"#, #"TypeError: 'x' is an invalid keyword argument for zip()"#) { try h.call("zip", kw: ["x": 1]) }
        check(#"int(x='5')"#, #"TypeError: 'x' is an invalid keyword argument for int()"#) { try h.call("int", kw: ["x": "5"]) }
        check(#"int('5', base=None)"#, #"TypeError: 'NoneType' object cannot be interpreted as an integer"#) { try h.call("int", "5", kw: ["base": .none]) }
        check(#"float(x=1)"#, #"TypeError: float() takes no keyword arguments"#) { try h.call("float", kw: ["x": 1]) }
        check(#"list(iterable=[1])"#, #"TypeError: list() takes no keyword arguments"#) { try h.call("list", kw: ["iterable": L(1)]) }
        check(#"abs(x=1)"#, #"TypeError: abs() takes no keyword arguments"#) { try h.call("abs", kw: ["x": 1]) }
        check(#"divmod(x=1, y=2)"#, #"TypeError: divmod() takes no keyword arguments"#) { try h.call("divmod", kw: ["x": 1, "y": 2]) }
        check(#"hex()"#, #"TypeError: hex() takes exactly one argument (0 given)"#) { try h.call("hex") }
        check(#"isinstance()"#, #"TypeError: isinstance expected 2 arguments, got 0"#) { try h.call("isinstance") }
        check(#"next()"#, #"TypeError: next expected at least 1 argument, got 0"#) { try h.call("next") }
        check(#"iter()"#, #"TypeError: iter expected at least 1 argument, got 0"#) { try h.call("iter") }
        check(#"sorted()"#, #"TypeError: sorted expected 1 argument, got 0"#) { try h.call("sorted") }
        check(#"sorted([1], 2)"#, #"TypeError: sorted expected 1 argument, got 2"#) { try h.call("sorted", L(1), 2) }
        check(#"dict(1, 2)"#, #"TypeError: dict expected at most 1 argument, got 2"#) { try h.call("dict", 1, 2) }
        check(#"min(key=len)"#, #"TypeError: min expected at least 1 argument, got 0"#) { try h.call("min", kw: ["key": h.builtin("len")]) }
        check(#"round(number=2.5)"#, #"2"#) { try h.call("round", kw: ["number": 2.5]) }
        check(#"pow(base=2, exp=3)"#, #"8"#) { try h.call("pow", kw: ["base": 2, "exp": 3]) }
        check(#"sorted([3, 1], key=None, reverse=1)"#, #"[3, 1]"#) { try h.call("sorted", L(3, 1), kw: ["key": .none, "reverse": 1]) }
        check(#"list(enumerate(iterable=[1], start=2))"#, #"[(2, 1)]"#) { try h.call("list", h.call("enumerate", kw: ["iterable": L(1), "start": 2])) }
        check(#"'x'.strip('a', 'b')"#, #"TypeError: strip expected at most 1 argument, got 2"#) { try h.method("x", "strip", "a", "b") }
        check(#"[].pop(1, 2)"#, #"TypeError: pop expected at most 1 argument, got 2"#) { try h.method(L(), "pop", 1, 2) }
        check(#"[].index()"#, #"TypeError: index expected at least 1 argument, got 0"#) { try h.method(L(), "index") }
        check(#"[].copy(1)"#, #"TypeError: list.copy() takes no arguments (1 given)"#) { try h.method(L(), "copy", 1) }
        check(#"(1,).count()"#, #"TypeError: tuple.count() takes exactly one argument (0 given)"#) { try h.method(T(1), "count") }
        check(#"{}.keys(1)"#, #"TypeError: dict.keys() takes no arguments (1 given)"#) { try h.method(D(), "keys", 1) }
        check(#"{}.update(1, 2)"#, #"TypeError: update expected at most 1 argument, got 2"#) { try h.method(D(), "update", 1, 2) }
        check(#"{}.setdefault(1, 2, 3)"#, #"TypeError: setdefault expected at most 2 arguments, got 3"#) { try h.method(D(), "setdefault", 1, 2, 3) }
        check(#"{}.pop()"#, #"TypeError: pop expected at least 1 argument, got 0"#) { try h.method(D(), "pop") }
        check(#"set().union(x=1)"#, #"TypeError: set.union() takes no keyword arguments"#) { try h.method(S(), "union", kw: ["x": 1]) }
        check(#"set().add(1, 2)"#, #"TypeError: set.add() takes exactly one argument (2 given)"#) { try h.method(S(), "add", 1, 2) }
        check(#"set().discard()"#, #"TypeError: set.discard() takes exactly one argument (0 given)"#) { try h.method(S(), "discard") }
        check(#"'ab'.zfill()"#, #"TypeError: str.zfill() takes exactly one argument (0 given)"#) { try h.method("ab", "zfill") }
        check(#"'ab'.removeprefix()"#, #"TypeError: str.removeprefix() takes exactly one argument (0 given)"#) { try h.method("ab", "removeprefix") }
        check(#"'a'.partition()"#, #"TypeError: str.partition() takes exactly one argument (0 given)"#) { try h.method("a", "partition") }
        check(#"'a'.join([], [])"#, #"TypeError: str.join() takes exactly one argument (2 given)"#) { try h.method("a", "join", L(), L()) }
        check(#"'x'.isdigit(1)"#, #"TypeError: str.isdigit() takes no arguments (1 given)"#) { try h.method("x", "isdigit", 1) }
        check(#"'a'.title(1)"#, #"TypeError: str.title() takes no arguments (1 given)"#) { try h.method("a", "title", 1) }
        check(#"'ab'.replace('a', 'b', 'c')"#, #"TypeError: 'str' object cannot be interpreted as an integer"#) { try h.method("ab", "replace", "a", "b", "c") }
        check(#"'ab'.split(maxsplit='x')"#, #"TypeError: 'str' object cannot be interpreted as an integer"#) { try h.method("ab", "split", kw: ["maxsplit": "x"]) }
        check(#"'a b'.split(sep=None, maxsplit=1)"#, #"['a', 'b']"#) { try h.method("a b", "split", kw: ["sep": .none, "maxsplit": 1]) }
        check(#"math.factorial()"#, #"TypeError: math.factorial() takes exactly one argument (0 given)"#) { try h.math("factorial") }
        check(#"math.gcd(a=1)"#, #"TypeError: math.gcd() takes no keyword arguments"#) { try h.math("gcd", kw: ["a": 1]) }
    }
}
