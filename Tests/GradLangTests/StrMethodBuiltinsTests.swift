import XCTest
@testable import GradLang

/// Methods of `str` (and `str.format`) checked against CPython 3.11; the expected texts were
/// printed by python3 for the Python source beside each check.
final class StrMethodBuiltinsTests: XCTestCase {
    let h = PythonHarness()

    func testSplitAndJoin() {
        check(#"'a b  c'.split()"#, #"['a', 'b', 'c']"#) { try h.method("a b  c", "split") }
        check(#"'  a b  '.split()"#, #"['a', 'b']"#) { try h.method("  a b  ", "split") }
        check(#"'a,b,,c'.split(',')"#, #"['a', 'b', '', 'c']"#) { try h.method("a,b,,c", "split", ",") }
        check(#"'a b c d'.split(None, 2)"#, #"['a', 'b', 'c d']"#) { try h.method("a b c d", "split", .none, 2) }
        check(#"'a  b c '.split(maxsplit=1)"#, #"['a', 'b c ']"#) { try h.method("a  b c ", "split", kw: ["maxsplit": 1]) }
        check(#"'a::b::c'.split('::', 1)"#, #"['a', 'b::c']"#) { try h.method("a::b::c", "split", "::", 1) }
        check(#"''.split()"#, #"[]"#) { try h.method("", "split") }
        check(#"''.split(',')"#, #"['']"#) { try h.method("", "split", ",") }
        check(#"'a\tb\nc'.split()"#, #"['a', 'b', 'c']"#) { try h.method("a\tb\nc", "split") }
        check(#"'a b c'.rsplit(None, 1)"#, #"['a b', 'c']"#) { try h.method("a b c", "rsplit", .none, 1) }
        check(#"' a b c '.rsplit(maxsplit=1)"#, #"[' a b', 'c']"#) { try h.method(" a b c ", "rsplit", kw: ["maxsplit": 1]) }
        check(#"'a,b,c'.rsplit(',', 1)"#, #"['a,b', 'c']"#) { try h.method("a,b,c", "rsplit", ",", 1) }
        check(#"'aaa'.rsplit('aa')"#, #"['a', '']"#) { try h.method("aaa", "rsplit", "aa") }
        check(#"'a'.split('')"#, #"ValueError: empty separator"#) { try h.method("a", "split", "") }
        check(#"'a'.split(1)"#, #"TypeError: must be str or None, not int"#) { try h.method("a", "split", 1) }
        check(#"'a\nb\r\nc\rd'.splitlines()"#, #"['a', 'b', 'c', 'd']"#) { try h.method("a\nb\r\nc\rd", "splitlines") }
        check(#"'a\nb\r\n'.splitlines(True)"#, #"['a\n', 'b\r\n']"#) { try h.method("a\nb\r\n", "splitlines", true) }
        check(#"'a\n\nb'.splitlines()"#, #"['a', '', 'b']"#) { try h.method("a\n\nb", "splitlines") }
        check(#"'-'.join(['a', 'b', 'c'])"#, #"'a-b-c'"#) { try h.method("-", "join", L("a", "b", "c")) }
        check(#"''.join('xyz')"#, #"'xyz'"#) { try h.method("", "join", "xyz") }
        check(#"','.join([])"#, #"''"#) { try h.method(",", "join", L()) }
        check(#"','.join(['a', 1])"#, #"TypeError: sequence item 1: expected str instance, int found"#) { try h.method(",", "join", L("a", 1)) }
        check(#"'a'.join()"#, #"TypeError: str.join() takes exactly one argument (0 given)"#) { try h.method("a", "join") }
        check(#"'k=v=w'.partition('=')"#, #"('k', '=', 'v=w')"#) { try h.method("k=v=w", "partition", "=") }
        check(#"'k=v=w'.rpartition('=')"#, #"('k=v', '=', 'w')"#) { try h.method("k=v=w", "rpartition", "=") }
        check(#"'abc'.partition('x')"#, #"('abc', '', '')"#) { try h.method("abc", "partition", "x") }
        check(#"'abc'.rpartition('x')"#, #"('', '', 'abc')"#) { try h.method("abc", "rpartition", "x") }
        check(#"'x'.partition('')"#, #"ValueError: empty separator"#) { try h.method("x", "partition", "") }
        check(#"'x'.rpartition(1)"#, #"TypeError: must be str, not int"#) { try h.method("x", "rpartition", 1) }
    }

    func testSearch() {
        check(#"'hello'.find('l')"#, #"2"#) { try h.method("hello", "find", "l") }
        check(#"'hello'.rfind('l')"#, #"3"#) { try h.method("hello", "rfind", "l") }
        check(#"'hello'.find('z')"#, #"-1"#) { try h.method("hello", "find", "z") }
        check(#"'hello'.find('l', 3)"#, #"3"#) { try h.method("hello", "find", "l", 3) }
        check(#"'hello'.find('l', -2, -1)"#, #"3"#) { try h.method("hello", "find", "l", -2, -1) }
        check(#"'héllo'.find('l')"#, #"2"#) { try h.method("héllo", "find", "l") }
        check(#"'abc'.find('', 3)"#, #"3"#) { try h.method("abc", "find", "", 3) }
        check(#"'abc'.find('', 4)"#, #"-1"#) { try h.method("abc", "find", "", 4) }
        check(#"'abc'.find('b', None, 1)"#, #"-1"#) { try h.method("abc", "find", "b", .none, 1) }
        check(#"'abc'.find('b', 'x')"#, #"TypeError: slice indices must be integers or None or have an __index__ method"#) { try h.method("abc", "find", "b", "x") }
        check(#"'abc'.find(1)"#, #"TypeError: must be str, not int"#) { try h.method("abc", "find", 1) }
        check(#"'abc'.index('c')"#, #"2"#) { try h.method("abc", "index", "c") }
        check(#"'abc'.index('d')"#, #"ValueError: substring not found"#) { try h.method("abc", "index", "d") }
        check(#"'abcabc'.rindex('b')"#, #"4"#) { try h.method("abcabc", "rindex", "b") }
        check(#"'aaaa'.count('aa')"#, #"2"#) { try h.method("aaaa", "count", "aa") }
        check(#"'abc'.count('')"#, #"4"#) { try h.method("abc", "count", "") }
        check(#"'abcabc'.count('b', 2)"#, #"1"#) { try h.method("abcabc", "count", "b", 2) }
        check(#"'hello'.startswith('he')"#, #"True"#) { try h.method("hello", "startswith", "he") }
        check(#"'hello'.startswith(('x', 'h'))"#, #"True"#) { try h.method("hello", "startswith", T("x", "h")) }
        check(#"'hello'.startswith('l', 2)"#, #"True"#) { try h.method("hello", "startswith", "l", 2) }
        check(#"'hello'.endswith('lo')"#, #"True"#) { try h.method("hello", "endswith", "lo") }
        check(#"'hello'.endswith('ll', 0, 4)"#, #"True"#) { try h.method("hello", "endswith", "ll", 0, 4) }
        check(#"'hello'.endswith(('a', 'b'))"#, #"False"#) { try h.method("hello", "endswith", T("a", "b")) }
        check(#"'abc'.startswith('', 3)"#, #"True"#) { try h.method("abc", "startswith", "", 3) }
        check(#"'abc'.startswith('', 4)"#, #"False"#) { try h.method("abc", "startswith", "", 4) }
        check(#"'a'.startswith(1)"#, #"TypeError: startswith first arg must be str or a tuple of str, not int"#) { try h.method("a", "startswith", 1) }
        check(#"'a'.endswith(('b', 1))"#, #"TypeError: tuple for endswith must only contain str, not int"#) { try h.method("a", "endswith", T("b", 1)) }
    }

    func testEditing() {
        check(#"'  hi  '.strip()"#, #"'hi'"#) { try h.method("  hi  ", "strip") }
        check(#"'  hi  '.lstrip()"#, #"'hi  '"#) { try h.method("  hi  ", "lstrip") }
        check(#"'  hi  '.rstrip()"#, #"'  hi'"#) { try h.method("  hi  ", "rstrip") }
        check(#"'xxhixy'.strip('xy')"#, #"'hi'"#) { try h.method("xxhixy", "strip", "xy") }
        check(#"'\u3000a\x1f'.strip()"#, #"'a'"#) { try h.method("\u{3000}a\u{1f}", "strip") }
        check(#"'a'.strip(1)"#, #"TypeError: strip arg must be None or str"#) { try h.method("a", "strip", 1) }
        check(#"'aaa'.replace('a', 'b')"#, #"'bbb'"#) { try h.method("aaa", "replace", "a", "b") }
        check(#"'aaa'.replace('a', 'b', 2)"#, #"'bba'"#) { try h.method("aaa", "replace", "a", "b", 2) }
        check(#"'ab'.replace('', '-')"#, #"'-a-b-'"#) { try h.method("ab", "replace", "", "-") }
        check(#"'ab'.replace('', '-', 2)"#, #"'-a-b'"#) { try h.method("ab", "replace", "", "-", 2) }
        check(#"'a.b.c'.replace('.', '')"#, #"'abc'"#) { try h.method("a.b.c", "replace", ".", "") }
        check(#"'a'.replace('a')"#, #"TypeError: replace expected at least 2 arguments, got 1"#) { try h.method("a", "replace", "a") }
        check(#"'a'.replace(1, 'x')"#, #"TypeError: replace() argument 1 must be str, not int"#) { try h.method("a", "replace", 1, "x") }
        check(#"'TestCase'.removeprefix('Test')"#, #"'Case'"#) { try h.method("TestCase", "removeprefix", "Test") }
        check(#"'TestCase'.removeprefix('Case')"#, #"'TestCase'"#) { try h.method("TestCase", "removeprefix", "Case") }
        check(#"'file.py'.removesuffix('.py')"#, #"'file'"#) { try h.method("file.py", "removesuffix", ".py") }
        check(#"'abc'.removesuffix('')"#, #"'abc'"#) { try h.method("abc", "removesuffix", "") }
        check(#"'a'.removeprefix(1)"#, #"TypeError: removeprefix() argument must be str, not int"#) { try h.method("a", "removeprefix", 1) }
        check(#"'ab'.center(7, '*')"#, #"'***ab**'"#) { try h.method("ab", "center", 7, "*") }
        check(#"'abc'.center(6)"#, #"' abc  '"#) { try h.method("abc", "center", 6) }
        check(#"'a'.center(4)"#, #"' a  '"#) { try h.method("a", "center", 4) }
        check(#"'ab'.ljust(5, '.')"#, #"'ab...'"#) { try h.method("ab", "ljust", 5, ".") }
        check(#"'ab'.rjust(5)"#, #"'   ab'"#) { try h.method("ab", "rjust", 5) }
        check(#"'abc'.rjust(2)"#, #"'abc'"#) { try h.method("abc", "rjust", 2) }
        check(#"'ab'.center(5, 'xy')"#, #"TypeError: The fill character must be exactly one character long"#) { try h.method("ab", "center", 5, "xy") }
        check(#"'a'.center()"#, #"TypeError: center expected at least 1 argument, got 0"#) { try h.method("a", "center") }
        check(#"'x'.ljust(1.5)"#, #"TypeError: 'float' object cannot be interpreted as an integer"#) { try h.method("x", "ljust", 1.5) }
        check(#"'x'.ljust(2**63)"#, #"OverflowError: Python int too large to convert to C ssize_t"#) { try h.method("x", "ljust", power(2, 63)) }
        check(#"'x'.ljust(2**62)"#, #"MemoryError"#) { try h.method("x", "ljust", power(2, 62)) }
        check(#"'42'.zfill(5)"#, #"'00042'"#) { try h.method("42", "zfill", 5) }
        check(#"'-42'.zfill(5)"#, #"'-0042'"#) { try h.method("-42", "zfill", 5) }
        check(#"'+7'.zfill(1)"#, #"'+7'"#) { try h.method("+7", "zfill", 1) }
        check(#"'a'.zfill('x')"#, #"TypeError: 'str' object cannot be interpreted as an integer"#) { try h.method("a", "zfill", "x") }
    }

    func testCaseAndPredicates() {
        check(#"'Hello World'.upper()"#, #"'HELLO WORLD'"#) { try h.method("Hello World", "upper") }
        check(#"'Hello World'.lower()"#, #"'hello world'"#) { try h.method("Hello World", "lower") }
        check(#"'straße'.upper()"#, #"'STRASSE'"#) { try h.method("straße", "upper") }
        check(#"'Hello'.swapcase()"#, #"'hELLO'"#) { try h.method("Hello", "swapcase") }
        check(#""they're bill's friends".title()"#, #""They'Re Bill'S Friends""#) { try h.method("they're bill's friends", "title") }
        check(#"'hELLO wORLD'.capitalize()"#, #"'Hello world'"#) { try h.method("hELLO wORLD", "capitalize") }
        check(#"''.capitalize()"#, #"''"#) { try h.method("", "capitalize") }
        check(#"'a'.upper(1)"#, #"TypeError: str.upper() takes no arguments (1 given)"#) { try h.method("a", "upper", 1) }
        check(#"'123'.isdigit()"#, #"True"#) { try h.method("123", "isdigit") }
        check(#"'12a'.isdigit()"#, #"False"#) { try h.method("12a", "isdigit") }
        check(#"'²'.isdigit()"#, #"True"#) { try h.method("²", "isdigit") }
        check(#"'²'.isdecimal()"#, #"False"#) { try h.method("²", "isdecimal") }
        check(#"'½'.isnumeric()"#, #"True"#) { try h.method("½", "isnumeric") }
        check(#"''.isdigit()"#, #"False"#) { try h.method("", "isdigit") }
        check(#"'abcé'.isalpha()"#, #"True"#) { try h.method("abcé", "isalpha") }
        check(#"'ab1'.isalpha()"#, #"False"#) { try h.method("ab1", "isalpha") }
        check(#"'ab1'.isalnum()"#, #"True"#) { try h.method("ab1", "isalnum") }
        check(#"'a b'.isalnum()"#, #"False"#) { try h.method("a b", "isalnum") }
        check(#"' \t\n'.isspace()"#, #"True"#) { try h.method(" \t\n", "isspace") }
        check(#"'\x1c'.isspace()"#, #"True"#) { try h.method("\u{1c}", "isspace") }
        check(#"''.isspace()"#, #"False"#) { try h.method("", "isspace") }
        check(#"'ABC1'.isupper()"#, #"True"#) { try h.method("ABC1", "isupper") }
        check(#"'AbC'.isupper()"#, #"False"#) { try h.method("AbC", "isupper") }
        check(#"'123'.isupper()"#, #"False"#) { try h.method("123", "isupper") }
        check(#"'abc'.islower()"#, #"True"#) { try h.method("abc", "islower") }
        check(#"'ǅ'.islower()"#, #"False"#) { try h.method("ǅ", "islower") }
    }

    func testFormat() {
        check(#"'{} + {} = {}'.format(1, 2, 3)"#, #"'1 + 2 = 3'"#) { try h.method("{} + {} = {}", "format", 1, 2, 3) }
        check(#"'{1}{0}{1}'.format('a', 'b')"#, #"'bab'"#) { try h.method("{1}{0}{1}", "format", "a", "b") }
        check(#"'{name}: {score:.2f}'.format(name='x', score=0.5)"#, #"'x: 0.50'"#) { try h.method("{name}: {score:.2f}", "format", kw: ["name": "x", "score": 0.5]) }
        check(#"'{0[1]} {0[0]}'.format(['a', 'b'])"#, #"'b a'"#) { try h.method("{0[1]} {0[0]}", "format", L("a", "b")) }
        check(#"'{d[k]}'.format(d={'k': 5})"#, #"'5'"#) { try h.method("{d[k]}", "format", kw: ["d": D(("k", 5))]) }
        check(#"'{0[0]}'.format({0: 1})"#, #"'1'"#) { try h.method("{0[0]}", "format", D((0, 1))) }
        check(#"'{0.real}'.format(ValueError('x').args)"#, #"AttributeError: 'tuple' object has no attribute 'real'"#) { try h.method("{0.real}", "format", h.interpreter.getAttribute(h.call("ValueError", "x"), "args")) }
        check(#"'{0.args}'.format(ValueError('x'))"#, #""('x',)""#) { try h.method("{0.args}", "format", h.call("ValueError", "x")) }
        check(#"'{!r}'.format('a')"#, #""'a'""#) { try h.method("{!r}", "format", "a") }
        check(#"'{0!r:>5}'.format('a')"#, #""  'a'""#) { try h.method("{0!r:>5}", "format", "a") }
        check(#"'{!s}'.format(1.5)"#, #"'1.5'"#) { try h.method("{!s}", "format", 1.5) }
        check(#"'{!a}'.format('é')"#, #""'\\xe9'""#) { try h.method("{!a}", "format", "é") }
        check(#"'{:>{}}'.format('a', 3)"#, #"'  a'"#) { try h.method("{:>{}}", "format", "a", 3) }
        check(#"'{0:{1}.{2}f}'.format(3.14159, 8, 3)"#, #"'   3.142'"#) { try h.method("{0:{1}.{2}f}", "format", 3.14159, 8, 3) }
        check(#"'{:,}'.format(1234567)"#, #"'1,234,567'"#) { try h.method("{:,}", "format", 1234567) }
        check(#"'{:08.3f}'.format(-3.14159)"#, #"'-003.142'"#) { try h.method("{:08.3f}", "format", -3.14159) }
        check(#"'{:^9}'.format('mid')"#, #"'   mid   '"#) { try h.method("{:^9}", "format", "mid") }
        check(#"'{:x}'.format(255)"#, #"'ff'"#) { try h.method("{:x}", "format", 255) }
        check(#"'{:.1%}'.format(0.256)"#, #"'25.6%'"#) { try h.method("{:.1%}", "format", 0.256) }
        check(#"'{{}} {}'.format(1)"#, #"'{} 1'"#) { try h.method("{{}} {}", "format", 1) }
        check(#"'}}{{'.format()"#, #"'}{'"#) { try h.method("}}{{", "format") }
        check(#"'{} {1}'.format(1, 2)"#, #"ValueError: cannot switch from automatic field numbering to manual field specification"#) { try h.method("{} {1}", "format", 1, 2) }
        check(#"'{1} {}'.format(1, 2)"#, #"ValueError: cannot switch from manual field specification to automatic field numbering"#) { try h.method("{1} {}", "format", 1, 2) }
        check(#"'{2}'.format(1)"#, #"IndexError: Replacement index 2 out of range for positional args tuple"#) { try h.method("{2}", "format", 1) }
        check(#"'{a}'.format()"#, #"KeyError: 'a'"#) { try h.method("{a}", "format") }
        check(#"'{'.format()"#, #"ValueError: Single '{' encountered in format string"#) { try h.method("{", "format") }
        check(#"'}'.format()"#, #"ValueError: Single '}' encountered in format string"#) { try h.method("}", "format") }
        check(#"'{:}}'.format(1)"#, #"ValueError: Single '}' encountered in format string"#) { try h.method("{:}}", "format", 1) }
        check(#"'{0!x}'.format(1)"#, #"ValueError: Unknown conversion specifier x"#) { try h.method("{0!x}", "format", 1) }
        check(#"'{0!}'.format(1)"#, #"ValueError: unmatched '{' in format spec"#) { try h.method("{0!}", "format", 1) }
        check(#"'{0!rx}'.format(1)"#, #"ValueError: expected ':' after conversion specifier"#) { try h.method("{0!rx}", "format", 1) }
        check(#"'{:'.format(1)"#, #"ValueError: unmatched '{' in format spec"#) { try h.method("{:", "format", 1) }
        check(#"'{0:{1:{2}}}'.format(1, 2, 3)"#, #"ValueError: Max string recursion exceeded"#) { try h.method("{0:{1:{2}}}", "format", 1, 2, 3) }
        check(#"'{0]'.format(1)"#, #"ValueError: expected '}' before end of string"#) { try h.method("{0]", "format", 1) }
        check(#"'{0.}'.format(1)"#, #"ValueError: Empty attribute in format string"#) { try h.method("{0.}", "format", 1) }
        check(#"'{0[]}'.format(1)"#, #"ValueError: Empty attribute in format string"#) { try h.method("{0[]}", "format", 1) }
        check(#"'{0[0]x}'.format([1])"#, #"ValueError: Only '.' or '[' may follow ']' in format field specifier"#) { try h.method("{0[0]x}", "format", L(1)) }
        check(#"'{.foo}'.format(1)"#, #"AttributeError: 'int' object has no attribute 'foo'"#) { try h.method("{.foo}", "format", 1) }
        check(#"'{0[0]}'.format(1)"#, #"TypeError: 'int' object is not subscriptable"#) { try h.method("{0[0]}", "format", 1) }
        check(#"'{0[x]}'.format([1])"#, #"TypeError: list indices must be integers or slices, not str"#) { try h.method("{0[x]}", "format", L(1)) }
        check(#"'{0[5]}'.format([1])"#, #"IndexError: list index out of range"#) { try h.method("{0[5]}", "format", L(1)) }
        check(#"'{0[0]}'.format({'0': 1})"#, #"KeyError: 0"#) { try h.method("{0[0]}", "format", D(("0", 1))) }
        check(#"'{:d}'.format('a')"#, #"ValueError: Unknown format code 'd' for object of type 'str'"#) { try h.method("{:d}", "format", "a") }
    }
}
