import XCTest
@testable import GradLang

/// The `math` module checked against CPython 3.11; the expected texts were printed by python3 for
/// the Python source beside each check.
final class MathModuleBuiltinsTests: XCTestCase {
    let h = PythonHarness()

    func testConstants() {
        let math = Value.object(h.interpreter.modules["math"] ?? PyModule(name: "math"))
        check(#"math.pi"#, #"3.141592653589793"#) { try h.interpreter.getAttribute(math, "pi") }
        check(#"math.e"#, #"2.718281828459045"#) { try h.interpreter.getAttribute(math, "e") }
        check(#"math.tau"#, #"6.283185307179586"#) { try h.interpreter.getAttribute(math, "tau") }
        check(#"math.inf"#, #"inf"#) { try h.interpreter.getAttribute(math, "inf") }
        check(#"math.nan"#, #"nan"#) { try h.interpreter.getAttribute(math, "nan") }
        check(#"math.foo"#, #"AttributeError: module 'math' has no attribute 'foo'"#) { try h.interpreter.getAttribute(math, "foo") }
        check(#"math.sqrt"#, #"<built-in function sqrt>"#) { try h.interpreter.getAttribute(math, "sqrt") }
    }

    func testRealFunctions() {
        check(#"math.sqrt(16)"#, #"4.0"#) { try h.math("sqrt", 16) }
        check(#"math.sqrt(2)"#, #"1.4142135623730951"#) { try h.math("sqrt", 2) }
        check(#"math.sqrt(-1)"#, #"ValueError: math domain error"#) { try h.math("sqrt", -1) }
        check(#"math.sqrt('a')"#, #"TypeError: must be real number, not str"#) { try h.math("sqrt", "a") }
        check(#"math.sqrt()"#, #"TypeError: math.sqrt() takes exactly one argument (0 given)"#) { try h.math("sqrt") }
        check(#"math.sqrt(10**400)"#, #"OverflowError: int too large to convert to float"#) { try h.math("sqrt", power(10, 400)) }
        check(#"math.exp(1)"#, #"2.718281828459045"#) { try h.math("exp", 1) }
        check(#"math.exp(1000)"#, #"OverflowError: math range error"#) { try h.math("exp", 1000) }
        check(#"math.exp(-1000)"#, #"0.0"#) { try h.math("exp", -1000) }
        check(#"math.log(math.e)"#, #"1.0"#) { try h.math("log", .float(M_E)) }
        check(#"math.log(8, 2)"#, #"3.0"#) { try h.math("log", 8, 2) }
        check(#"math.log(100, 10)"#, #"2.0"#) { try h.math("log", 100, 10) }
        check(#"math.log(0)"#, #"ValueError: math domain error"#) { try h.math("log", 0) }
        check(#"math.log(-1.5)"#, #"ValueError: math domain error"#) { try h.math("log", -1.5) }
        check(#"math.log(1, 1)"#, #"ZeroDivisionError: float division by zero"#) { try h.math("log", 1, 1) }
        check(#"math.log(10**400)"#, #"921.0340371976182"#) { try h.math("log", power(10, 400)) }
        check(#"math.log(float('inf'))"#, #"inf"#) { try h.math("log", .float(.infinity)) }
        check(#"math.log2(1024)"#, #"10.0"#) { try h.math("log2", 1024) }
        check(#"math.log2(2**1000)"#, #"1000.0"#) { try h.math("log2", power(2, 1000)) }
        check(#"math.log10(1000)"#, #"3.0"#) { try h.math("log10", 1000) }
        check(#"math.log10(0.001)"#, #"-3.0"#) { try h.math("log10", 0.001) }
        check(#"math.sin(0)"#, #"0.0"#) { try h.math("sin", 0) }
        check(#"math.cos(math.pi)"#, #"-1.0"#) { try h.math("cos", .float(.pi)) }
        check(#"math.tan(0.5)"#, #"0.5463024898437905"#) { try h.math("tan", 0.5) }
        check(#"math.asin(1)"#, #"1.5707963267948966"#) { try h.math("asin", 1) }
        check(#"math.asin(2)"#, #"ValueError: math domain error"#) { try h.math("asin", 2) }
        check(#"math.acos(0.5)"#, #"1.0471975511965979"#) { try h.math("acos", 0.5) }
        check(#"math.atan(1)"#, #"0.7853981633974483"#) { try h.math("atan", 1) }
        check(#"math.atan2(1, -1)"#, #"2.356194490192345"#) { try h.math("atan2", 1, -1) }
        check(#"math.atan2(1)"#, #"TypeError: atan2 expected 2 arguments, got 1"#) { try h.math("atan2", 1) }
        check(#"math.sinh(1)"#, #"1.1752011936438014"#) { try h.math("sinh", 1) }
        check(#"math.cosh(1000)"#, #"OverflowError: math range error"#) { try h.math("cosh", 1000) }
        check(#"math.tanh(0.5)"#, #"0.46211715726000974"#) { try h.math("tanh", 0.5) }
        check(#"math.fabs(-3)"#, #"3.0"#) { try h.math("fabs", -3) }
        check(#"math.fabs('a')"#, #"TypeError: must be real number, not str"#) { try h.math("fabs", "a") }
        check(#"math.pow(2, 10)"#, #"1024.0"#) { try h.math("pow", 2, 10) }
        check(#"math.pow(0, -1)"#, #"ValueError: math domain error"#) { try h.math("pow", 0, -1) }
        check(#"math.pow(-1, 0.5)"#, #"ValueError: math domain error"#) { try h.math("pow", -1, 0.5) }
        check(#"math.pow(10, 400)"#, #"OverflowError: math range error"#) { try h.math("pow", 10, 400) }
        check(#"math.pow(1, float('nan'))"#, #"1.0"#) { try h.math("pow", 1, .float(.nan)) }
        check(#"math.hypot(3, 4)"#, #"5.0"#) { try h.math("hypot", 3, 4) }
        check(#"math.hypot(3, 4, 12)"#, #"13.0"#) { try h.math("hypot", 3, 4, 12) }
        check(#"math.hypot()"#, #"0.0"#) { try h.math("hypot") }
        check(#"math.hypot(float('nan'), float('inf'))"#, #"inf"#) { try h.math("hypot", .float(.nan), .float(.infinity)) }
        check(#"math.copysign(3, -0.0)"#, #"-3.0"#) { try h.math("copysign", 3, -0.0) }
        check(#"math.degrees(math.pi)"#, #"180.0"#) { try h.math("degrees", .float(.pi)) }
        check(#"math.radians(180)"#, #"3.141592653589793"#) { try h.math("radians", 180) }
        check(#"math.fmod(-7, 3)"#, #"-1.0"#) { try h.math("fmod", -7, 3) }
        check(#"math.fmod(1, 0)"#, #"ValueError: math domain error"#) { try h.math("fmod", 1, 0) }
    }

    func testRoundingAndClassification() {
        check(#"math.floor(2.7)"#, #"2"#) { try h.math("floor", 2.7) }
        check(#"math.floor(-2.5)"#, #"-3"#) { try h.math("floor", -2.5) }
        check(#"math.floor(5)"#, #"5"#) { try h.math("floor", 5) }
        check(#"math.floor(True)"#, #"1"#) { try h.math("floor", true) }
        check(#"math.floor(1e20)"#, #"100000000000000000000"#) { try h.math("floor", 1e20) }
        check(#"math.floor(float('inf'))"#, #"OverflowError: cannot convert float infinity to integer"#) { try h.math("floor", .float(.infinity)) }
        check(#"math.floor(float('nan'))"#, #"ValueError: cannot convert float NaN to integer"#) { try h.math("floor", .float(.nan)) }
        check(#"math.ceil(2.1)"#, #"3"#) { try h.math("ceil", 2.1) }
        check(#"math.ceil(-2.1)"#, #"-2"#) { try h.math("ceil", -2.1) }
        check(#"math.ceil('a')"#, #"TypeError: must be real number, not str"#) { try h.math("ceil", "a") }
        check(#"math.trunc(-2.7)"#, #"-2"#) { try h.math("trunc", -2.7) }
        check(#"math.trunc('a')"#, #"TypeError: type str doesn't define __trunc__ method"#) { try h.math("trunc", "a") }
        check(#"math.isnan(float('nan'))"#, #"True"#) { try h.math("isnan", .float(.nan)) }
        check(#"math.isinf(-math.inf)"#, #"True"#) { try h.math("isinf", .float(-.infinity)) }
        check(#"math.isfinite(1e308)"#, #"True"#) { try h.math("isfinite", 1e308) }
        check(#"math.isfinite(float('nan'))"#, #"False"#) { try h.math("isfinite", .float(.nan)) }
        check(#"math.isclose(0.1 + 0.2, 0.3)"#, #"True"#) { try h.math("isclose", .float(0.1 + 0.2), 0.3) }
        check(#"math.isclose(1.0, 1.1)"#, #"False"#) { try h.math("isclose", 1.0, 1.1) }
        check(#"math.isclose(1.0, 1.1, rel_tol=0.1)"#, #"True"#) { try h.math("isclose", 1.0, 1.1, kw: ["rel_tol": 0.1]) }
        check(#"math.isclose(0, 1e-10)"#, #"False"#) { try h.math("isclose", 0, 1e-10) }
        check(#"math.isclose(0, 1e-10, abs_tol=1e-9)"#, #"True"#) { try h.math("isclose", 0, 1e-10, kw: ["abs_tol": 1e-9]) }
        check(#"math.isclose(math.inf, math.inf)"#, #"True"#) { try h.math("isclose", .float(.infinity), .float(.infinity)) }
        check(#"math.isclose(1, 1, rel_tol=-1)"#, #"ValueError: tolerances must be non-negative"#) { try h.math("isclose", 1, 1, kw: ["rel_tol": -1]) }
    }

    func testIntegerFunctionsAndSums() {
        check(#"math.factorial(0)"#, #"1"#) { try h.math("factorial", 0) }
        check(#"math.factorial(20)"#, #"2432902008176640000"#) { try h.math("factorial", 20) }
        check(#"math.factorial(30)"#, #"265252859812191058636308480000000"#) { try h.math("factorial", 30) }
        check(#"math.factorial(-1)"#, #"ValueError: factorial() not defined for negative values"#) { try h.math("factorial", -1) }
        check(#"math.factorial(1.5)"#, #"TypeError: 'float' object cannot be interpreted as an integer"#) { try h.math("factorial", 1.5) }
        check(#"math.gcd(12, 18)"#, #"6"#) { try h.math("gcd", 12, 18) }
        check(#"math.gcd(-12, 18, 8)"#, #"2"#) { try h.math("gcd", -12, 18, 8) }
        check(#"math.gcd()"#, #"0"#) { try h.math("gcd") }
        check(#"math.gcd(2**100, 6)"#, #"2"#) { try h.math("gcd", power(2, 100), 6) }
        check(#"math.gcd(1.5)"#, #"TypeError: 'float' object cannot be interpreted as an integer"#) { try h.math("gcd", 1.5) }
        check(#"math.lcm(4, 6)"#, #"12"#) { try h.math("lcm", 4, 6) }
        check(#"math.isqrt(17)"#, #"4"#) { try h.math("isqrt", 17) }
        check(#"math.comb(5, 2)"#, #"10"#) { try h.math("comb", 5, 2) }
        check(#"math.perm(5, 2)"#, #"20"#) { try h.math("perm", 5, 2) }
        check(#"math.prod([1, 2, 3, 4])"#, #"24"#) { try h.math("prod", L(1, 2, 3, 4)) }
        check(#"math.prod([1, 2, 3], start=2)"#, #"12"#) { try h.math("prod", L(1, 2, 3), kw: ["start": 2]) }
        check(#"math.prod([])"#, #"1"#) { try h.math("prod", L()) }
        check(#"math.prod([0.5, 4])"#, #"2.0"#) { try h.math("prod", L(0.5, 4)) }
        check(#"math.fsum([0.1] * 10)"#, #"1.0"#) { try h.math("fsum", L(0.1, 0.1, 0.1, 0.1, 0.1, 0.1, 0.1, 0.1, 0.1, 0.1)) }
        check(#"math.fsum([1e100, 1.0, -1e100])"#, #"1.0"#) { try h.math("fsum", L(1e100, 1.0, -1e100)) }
        check(#"math.fsum([1, 2, 3])"#, #"6.0"#) { try h.math("fsum", L(1, 2, 3)) }
        check(#"math.fsum([math.inf, 1])"#, #"inf"#) { try h.math("fsum", L(.float(.infinity), 1)) }
        check(#"math.fsum([math.inf, -math.inf])"#, #"ValueError: -inf + inf in fsum"#) { try h.math("fsum", L(.float(.infinity), .float(-.infinity))) }
        check(#"math.fsum([1e308, 1e308])"#, #"OverflowError: intermediate overflow in fsum"#) { try h.math("fsum", L(1e308, 1e308)) }
        check(#"math.fsum(['a'])"#, #"TypeError: must be real number, not str"#) { try h.math("fsum", L("a")) }
    }
}
