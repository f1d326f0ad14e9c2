import Foundation
import GradTensor

/// The `numpy` module: grad's own arrays (see NDArray) with numpy's printing, promotion and
/// summation order, the common creation functions, ufuncs and reductions, and `numpy.random`'s
/// legacy functions. Any other name is an AttributeError, so a learner sees grad's limit.
enum NumpyModule {
    nonisolated(unsafe) static let ndarrayType = PyTypeObject(
        name: "ndarray", qualifiedName: "numpy.ndarray", constructor: nil,
        matches: { if case .object(let o) = $0 { return o is NDArray } else { return false } })

    static func make(_ interpreter: Interpreter) -> PyModule {
        let numpy = PyModule(name: "numpy")
        numpy.add(NumpyCreation.functions + NumpyMath.functions + NumpyArrayMethods.functions + NumpyJoining.functions
                  + NumpyScalarTypes.functions + NumpyCloseness.functions)
        let constants: [(String, Double)] = [("pi", Double.pi), ("e", M_E), ("inf", .infinity), ("nan", .nan)]
        for (name, value) in constants { numpy.attributes[name] = .float(value) }
        numpy.attributes["newaxis"] = Value.none
        numpy.attributes["ndarray"] = .object(ndarrayType)
        numpy.attributes["__version__"] = .str("2.4.6")
        numpy.add([PyBuiltin("dtype(dtype)") { args in .object(NumpyDType(try NumpyDTypes.parse(args["dtype"]))) }])
        let random = NumpyRandom.make()
        numpy.attributes["random"] = .object(random)
        interpreter.moduleTable["numpy.random"] = random
        interpreter.addSource(NumpyScalarSource.text, filename: "numpy/_scalars.py", to: numpy)
        return numpy
    }
}
