import XCTest
@testable import GradLang

/// Methods of list, tuple, dict (with its views) and set, checked against CPython 3.11; the
/// expected texts were printed by python3 for the Python source beside each check.
final class ContainerMethodBuiltinsTests: XCTestCase {
    let h = PythonHarness()

    /// Runs `body` on `receiver`, then shows the receiver (for methods that mutate in place).
    private func after(_ receiver: Value, _ body: (Value) throws -> Value) throws -> Value {
        _ = try body(receiver)
        return receiver
    }

    func testListMethods() {
        check(#"l = [1]; l.append(2); l"#, #"[1, 2]"#) { try after(L(1)) { try h.method($0, "append", 2) } }
        check(#"l = [1]; l.extend('ab'); l"#, #"[1, 'a', 'b']"#) { try after(L(1)) { try h.method($0, "extend", "ab") } }
        check(#"l = [1, 2]; l.extend(l); l"#, #"[1, 2, 1, 2]"#) { try after(L(1, 2)) { try h.method($0, "extend", $0) } }
        check(#"l = [1, 2]; l.insert(0, 0); l"#, #"[0, 1, 2]"#) { try after(L(1, 2)) { try h.method($0, "insert", 0, 0) } }
        check(#"l = [1, 2]; l.insert(-1, 9); l"#, #"[1, 9, 2]"#) { try after(L(1, 2)) { try h.method($0, "insert", -1, 9) } }
        check(#"l = [1, 2]; l.insert(100, 9); l"#, #"[1, 2, 9]"#) { try after(L(1, 2)) { try h.method($0, "insert", 100, 9) } }
        check(#"l = [1, 2]; l.insert(-100, 9); l"#, #"[9, 1, 2]"#) { try after(L(1, 2)) { try h.method($0, "insert", -100, 9) } }
        check(#"[1, 2, 3].pop()"#, #"3"#) { try h.method(L(1, 2, 3), "pop") }
        check(#"[1, 2, 3].pop(0)"#, #"1"#) { try h.method(L(1, 2, 3), "pop", 0) }
        check(#"[1, 2, 3].pop(-2)"#, #"2"#) { try h.method(L(1, 2, 3), "pop", -2) }
        check(#"[].pop()"#, #"IndexError: pop from empty list"#) { try h.method(L(), "pop") }
        check(#"[1].pop(5)"#, #"IndexError: pop index out of range"#) { try h.method(L(1), "pop", 5) }
        check(#"l = [1, 2, 1]; l.remove(1); l"#, #"[2, 1]"#) { try after(L(1, 2, 1)) { try h.method($0, "remove", 1) } }
        check(#"[].remove(1)"#, #"ValueError: list.remove(x): x not in list"#) { try h.method(L(), "remove", 1) }
        check(#"[1, 2, 3, 2].index(2)"#, #"1"#) { try h.method(L(1, 2, 3, 2), "index", 2) }
        check(#"[1, 2, 3, 2].index(2, 2)"#, #"3"#) { try h.method(L(1, 2, 3, 2), "index", 2, 2) }
        check(#"[1, 2.0].index(2)"#, #"1"#) { try h.method(L(1, 2.0), "index", 2) }
        check(#"[].index(5)"#, #"ValueError: 5 is not in list"#) { try h.method(L(), "index", 5) }
        check(#"['a'].index('b')"#, #"ValueError: 'b' is not in list"#) { try h.method(L("a"), "index", "b") }
        check(#"[1, 1, True, 'a'].count(1)"#, #"3"#) { try h.method(L(1, 1, true, "a"), "count", 1) }
        check(#"[].count()"#, #"TypeError: list.count() takes exactly one argument (0 given)"#) { try h.method(L(), "count") }
        check(#"l = [3, 1, 2]; l.sort(); l"#, #"[1, 2, 3]"#) { try after(L(3, 1, 2)) { try h.method($0, "sort") } }
        check(#"l = ['b', 'A', 'c']; l.sort(key=str.lower, reverse=True); l"#, #"['c', 'b', 'A']"#) {
            try after(L("b", "A", "c")) { list in
                let lower = PyBuiltin("lower(s)") { [h] args in try h.method(args["s"], "lower") }
                return try h.method(list, "sort", kw: ["key": .object(lower), "reverse": true])
            }
        }
        check(#"l = [1, 2, 3]; l.reverse(); l"#, #"[3, 2, 1]"#) { try after(L(1, 2, 3)) { try h.method($0, "reverse") } }
        check(#"l = [1, 2]; c = l.copy(); c.append(3); (l, c)"#, #"([1, 2], [1, 2, 3])"#) {
            let l = L(1, 2)
            let c = try h.method(l, "copy")
            _ = try h.method(c, "append", 3)
            return T(l, c)
        }
        check(#"l = [1, 2]; l.clear(); l"#, #"[]"#) { try after(L(1, 2)) { try h.method($0, "clear") } }
        check(#"[].append()"#, #"TypeError: list.append() takes exactly one argument (0 given)"#) { try h.method(L(), "append") }
        check(#"[].insert(1)"#, #"TypeError: insert expected 2 arguments, got 1"#) { try h.method(L(), "insert", 1) }
        check(#"[].extend(1)"#, #"TypeError: 'int' object is not iterable"#) { try h.method(L(), "extend", 1) }
        check(#"[].insert(1.5, 0)"#, #"TypeError: 'float' object cannot be interpreted as an integer"#) { try h.method(L(), "insert", 1.5, 0) }
    }

    func testTupleMethods() {
        check(#"(1, 2, 1).count(1)"#, #"2"#) { try h.method(T(1, 2, 1), "count", 1) }
        check(#"(1, 2, 1).index(1, 1)"#, #"2"#) { try h.method(T(1, 2, 1), "index", 1, 1) }
        check(#"(1,).index(2)"#, #"ValueError: tuple.index(x): x not in tuple"#) { try h.method(T(1), "index", 2) }
    }

    func testDictMethods() {
        check(#"{'a': 1}.get('a')"#, #"1"#) { try h.method(D(("a", 1)), "get", "a") }
        check(#"{'a': 1}.get('b')"#, #"None"#) { try h.method(D(("a", 1)), "get", "b") }
        check(#"{'a': 1}.get('b', 0)"#, #"0"#) { try h.method(D(("a", 1)), "get", "b", 0) }
        check(#"{1: 'x'}.get(1.0)"#, #"'x'"#) { try h.method(D((1, "x")), "get", 1.0) }
        check(#"{}.get([])"#, #"TypeError: unhashable type: 'list'"#) { try h.method(D(), "get", L()) }
        check(#"{}.get()"#, #"TypeError: get expected at least 1 argument, got 0"#) { try h.method(D(), "get") }
        check(#"{'a': 1, 'b': 2}.keys()"#, #"dict_keys(['a', 'b'])"#) { try h.method(D(("a", 1), ("b", 2)), "keys") }
        check(#"{'a': 1, 'b': 2}.values()"#, #"dict_values([1, 2])"#) { try h.method(D(("a", 1), ("b", 2)), "values") }
        check(#"{'a': 1}.items()"#, #"dict_items([('a', 1)])"#) { try h.method(D(("a", 1)), "items") }
        check(#"list({'a': 1}.items())"#, #"[('a', 1)]"#) { try h.call("list", h.method(D(("a", 1)), "items")) }
        check(#"d = {'a': 1}; k = d.keys(); d['b'] = 2; k"#, #"dict_keys(['a', 'b'])"#) {
            let d = PyDict()
            try d.set("a", 1)
            let k = try h.method(.object(d), "keys")
            try d.set("b", 2)
            return k
        }
        check(#"'a' in {'a': 1}.keys()"#, #"True"#) { .bool(try Operators.contains(h.method(D(("a", 1)), "keys"), "a")) }
        check(#"bool({}.keys())"#, #"False"#) { try h.call("bool", h.method(D(), "keys")) }
        check(#"sorted({'b': 1, 'a': 2}.items())"#, #"[('a', 2), ('b', 1)]"#) { try h.call("sorted", h.method(D(("b", 1), ("a", 2)), "items")) }
        check(#"list(reversed({'a': 1, 'b': 2}.values()))"#, #"[2, 1]"#) { try h.call("list", h.call("reversed", h.method(D(("a", 1), ("b", 2)), "values"))) }
        check(#"d = {'a': 1, 'b': 2}; (d.pop('a'), d)"#, #"(1, {'b': 2})"#) {
            let d = D(("a", 1), ("b", 2))
            return T(try h.method(d, "pop", "a"), d)
        }
        check(#"{}.pop('x', 5)"#, #"5"#) { try h.method(D(), "pop", "x", 5) }
        check(#"{}.pop('x', None)"#, #"None"#) { try h.method(D(), "pop", "x", .none) }
        check(#"{}.pop(1)"#, #"KeyError: 1"#) { try h.method(D(), "pop", 1) }
        check(#"{}.pop(1, 2, 3)"#, #"TypeError: pop expected at most 2 arguments, got 3"#) { try h.method(D(), "pop", 1, 2, 3) }
        check(#"d = {'a': 1, 'b': 2}; (d.popitem(), d)"#, #"(('b', 2), {'a': 1})"#) {
            let d = D(("a", 1), ("b", 2))
            return T(try h.method(d, "popitem"), d)
        }
        check(#"{}.popitem()"#, #"KeyError: 'popitem(): dictionary is empty'"#) { try h.method(D(), "popitem") }
        check(#"d = {}; (d.setdefault('k', []), d)"#, #"([], {'k': []})"#) {
            let d = D()
            return T(try h.method(d, "setdefault", "k", L()), d)
        }
        check(#"d = {'k': 1}; (d.setdefault('k', 2), d)"#, #"(1, {'k': 1})"#) {
            let d = D(("k", 1))
            return T(try h.method(d, "setdefault", "k", 2), d)
        }
        check(#"d = {'a': 1}; d.update({'b': 2}, c=3); d"#, #"{'a': 1, 'b': 2, 'c': 3}"#) {
            try after(D(("a", 1))) { try h.method($0, "update", D(("b", 2)), kw: ["c": 3]) }
        }
        check(#"d = {}; d.update([('x', 1)]); d"#, #"{'x': 1}"#) { try after(D()) { try h.method($0, "update", L(T("x", 1))) } }
        check(#"{}.update([1])"#, #"TypeError: cannot convert dictionary update sequence element #0 to a sequence"#) { try h.method(D(), "update", L(1)) }
        check(#"{}.update(1)"#, #"TypeError: 'int' object is not iterable"#) { try h.method(D(), "update", 1) }
        check(#"d = {'a': [1]}; c = d.copy(); c['b'] = 2; (d, c)"#, #"({'a': [1]}, {'a': [1], 'b': 2})"#) {
            let d = D(("a", L(1)))
            let c = try h.method(d, "copy")
            if case .object(let cd as PyDict) = c { try cd.set("b", 2) }
            return T(d, c)
        }
        check(#"d = {'a': 1}; d.clear(); d"#, #"{}"#) { try after(D(("a", 1))) { try h.method($0, "clear") } }
    }

    func testSetMethods() {
        check(#"s = {1}; s.add(2); s"#, #"{1, 2}"#) { try after(S(1)) { try h.method($0, "add", 2) } }
        check(#"s = {1, 2}; s.remove(1); s"#, #"{2}"#) { try after(S(1, 2)) { try h.method($0, "remove", 1) } }
        check(#"set().remove(1)"#, #"KeyError: 1"#) { try h.method(S(), "remove", 1) }
        check(#"s = {1}; s.discard(5); s"#, #"{1}"#) { try after(S(1)) { try h.method($0, "discard", 5) } }
        check(#"{7}.pop()"#, #"7"#) { try h.method(S(7), "pop") }
        check(#"set().pop()"#, #"KeyError: 'pop from an empty set'"#) { try h.method(S(), "pop") }
        check(#"{1, 2}.union([3], (4,))"#, #"{1, 2, 3, 4}"#) { try h.method(S(1, 2), "union", L(3), T(4)) }
        check(#"{1, 2, 3}.intersection([2, 3, 4])"#, #"{2, 3}"#) { try h.method(S(1, 2, 3), "intersection", L(2, 3, 4)) }
        check(#"{1, 2, 3}.difference([2], [3])"#, #"{1}"#) { try h.method(S(1, 2, 3), "difference", L(2), L(3)) }
        check(#"{1, 2}.symmetric_difference([2, 3])"#, #"{1, 3}"#) { try h.method(S(1, 2), "symmetric_difference", L(2, 3)) }
        check(#"s = {1}; s.update([2], [3]); s"#, #"{1, 2, 3}"#) { try after(S(1)) { try h.method($0, "update", L(2), L(3)) } }
        check(#"{1, 2}.issubset([1, 2, 3])"#, #"True"#) { try h.method(S(1, 2), "issubset", L(1, 2, 3)) }
        check(#"{1, 4}.issubset([1, 2, 3])"#, #"False"#) { try h.method(S(1, 4), "issubset", L(1, 2, 3)) }
        check(#"{1, 2}.issuperset([2])"#, #"True"#) { try h.method(S(1, 2), "issuperset", L(2)) }
        check(#"{1}.isdisjoint([2])"#, #"True"#) { try h.method(S(1), "isdisjoint", L(2)) }
        check(#"s = {1}; c = s.copy(); c.add(2); (s, c)"#, #"({1}, {1, 2})"#) {
            let s = S(1)
            let c = try h.method(s, "copy")
            _ = try h.method(c, "add", 2)
            return T(s, c)
        }
        check(#"s = {1}; s.clear(); s"#, #"set()"#) { try after(S(1)) { try h.method($0, "clear") } }
        check(#"frozenset([1]).union([2])"#, #"frozenset({1, 2})"#) { try h.method(h.call("frozenset", L(1)), "union", L(2)) }
        check(#"frozenset().add(1)"#, #"AttributeError: 'frozenset' object has no attribute 'add'"#) { try h.method(h.call("frozenset"), "add", 1) }
        check(#"set().union(1)"#, #"TypeError: 'int' object is not iterable"#) { try h.method(S(), "union", 1) }
        check(#"set().add()"#, #"TypeError: set.add() takes exactly one argument (0 given)"#) { try h.method(S(), "add") }
        check(#"set().add([])"#, #"TypeError: unhashable type: 'list'"#) { try h.method(S(), "add", L()) }
    }
}
