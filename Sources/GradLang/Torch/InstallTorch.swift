import Foundation
import GradTensor

/// Registers the `torch` module (with `torch.autograd`, `torch.nn` and its `functional` and `init`, `torch.cuda`,
/// `torch.random`, and the modules written in Python: `torch.optim`, `torch.utils.data`),
/// tensor methods and properties, and the names bound at top level: `torch` itself (scripts need
/// no import), and grad's short forms `tensor` and `no_grad`.
extension Interpreter {
    func installTorch() {
        let torch = PyModule(name: "torch")
        let ops = TorchMathBindings.ops + TorchReductionBindings.ops + TorchViewBindings.ops + TorchMatmulBindings.ops
            + TorchComparisonBindings.ops + TorchLinalgBindings.ops + TorchRearrangeBindings.ops + TorchOrderingBindings.ops
            + TorchSelectionBindings.ops + TorchSplitBindings.ops + TorchLogicalBindings.ops
            + TorchElementwiseExtrasBindings.ops + TorchTensorPredicateBindings.ops
            + TorchStatisticsBindings.ops + TorchDistanceBindings.ops + TorchHistogramBindings.ops
            + TorchShapeBindings.ops + TorchIndexedPutBindings.ops + TorchScaledProductBindings.ops
        torch.add(ops.map(\.function))
        torch.add(TorchCreationBindings.functions + TorchRandomBindings.functions + TorchDropoutBindings.functions
                  + TorchMathBindings.functions + TorchGradModeBindings.functions + TorchAnomalyBindings.functions
                  + TorchIndexingBindings.functions + TorchViewBindings.functions + TorchPrintOptions.functions
                  + TorchDTypeBindings.functions + TorchSelectionBindings.functions
                  + TorchMatmulBindings.functions + TorchOrderingBindings.functions + TorchLinalgLUBindings.functions
                  + TorchNumpyBindings.functions
                  + TorchCreationExtrasBindings.functions + TorchShrinkageBindings.functions
                  + TorchElementwiseExtrasBindings.functions + TorchTensorPredicateBindings.functions
                  + TorchStatisticsBindings.functions + TorchDistanceBindings.functions + TorchIntegrationBindings.functions
                  + TorchHistogramBindings.functions + [TorchCdistBinding.function]
                  + TorchShapeBindings.functions + TorchIndexedPutBindings.functions + TorchMultiDotBindings.functions)
        // Print options are process-wide; each interpreter starts from PyTorch's defaults.
        PrintOptions.current = PrintOptions()
        TorchAnomalyBindings.set(enabled: false, checkNaN: true, self)
        TorchBridge.observeRefusals()
        torch.add([
            PyBuiltin("is_tensor(obj)", style: .torch) { args in
                if case .tensor = args["obj"] { return .bool(true) }
                return .bool(false)
            },
            PyBuiltin("get_default_dtype()", style: .torch) { _ in TorchDTypes.object(.defaultFloat) },
        ])
        for type in TorchGradModeBindings.typeObjects { torch.attributes[type.name] = .object(type) }
        for (name, dtype) in TorchDTypes.names { torch.attributes[name] = TorchDTypes.object(dtype) }
        for type in [TorchTypeObjects.tensor, TorchTypeObjects.size, TorchTypeObjects.device, TorchTypeObjects.dtype,
                     TorchGenerator.type, TorchTypeInfo.finfo, TorchTypeInfo.iinfo] + TorchDTypeBindings.legacyTypes {
            torch.attributes[type.name] = .object(type)
        }
        torch.attributes["default_generator"] = .object(PyGenerator.shared)
        for (name, format) in PyMemoryFormat.attributes { torch.attributes[name] = format }
        let constants: [(String, Double)] = [("pi", Double.pi), ("e", M_E), ("inf", .infinity), ("nan", .nan)]
        for (name, value) in constants { torch.attributes[name] = .float(value) }

        let autograd = PyModule(name: "torch.autograd")
        autograd.add(TorchAutogradBindings.moduleFunctions + TorchFunctionBindings.moduleFunctions
                     + TorchSavedTensorHooksBindings.moduleFunctions)
        autograd.attributes["Variable"] = .object(TorchVariable.type)
        let functional = PyModule(name: "torch.nn.functional")
        functional.add(TorchFunctionalBindings.functions + TorchDropoutBindings.functional + TorchNNFunctionalBindings.functional
                       + TorchPaddingBindings.functional + TorchSlidingBlockBindings.functional
                       + TorchActivationBindings.functions + TorchShrinkageBindings.functional
                       + TorchConvolutionBindings.functional)
        let nn = installNN(functional: functional)
        let cuda = PyModule(name: "torch.cuda")
        cuda.add([
            PyBuiltin("is_available()", style: .torch) { _ in .bool(false) },
            PyBuiltin("device_count()", style: .torch) { _ in .int(0) },
        ] + TorchGenerator.cudaFunctions)
        let random = PyModule(name: "torch.random")
        random.add(TorchGenerator.functions)
        let linalg = PyModule(name: "torch.linalg", attributes: ["LinAlgError": .object(TorchLinalgBindings.linAlgError)])
        linalg.add(TorchLinalgBindings.functions + TorchLinalgExBindings.functions + TorchLinalgLUBindings.linalgFunctions
                   + TorchMultiDotBindings.linalgFunctions)
        let special = PyModule(name: "torch.special")
        special.attributes.merge(TorchSpecialBindings.functions(torchOps: ops, polygamma: torch.attributes["polygamma"])) { _, new in new }
        for sub in [autograd, nn, cuda, random, linalg, special] {
            torch.attributes[String(sub.name.dropFirst("torch.".count))] = .object(sub)
        }
        for module in [torch, autograd, nn, functional, cuda, random, linalg, special] { moduleTable[module.name] = module }
        installTorchPythonModules(in: torch)

        attributeTable.addMethods(.tensor, ops.map(\.method))
        attributeTable.addMethods(.tensor, TorchMathBindings.methods + TorchViewBindings.methods
                              + TorchConversionBindings.methods + TorchAutogradBindings.methods + TorchHookBindings.tensorMethods
                              + TorchInPlaceBindings.methods + TorchRandomMethods.methods + TorchGradModeBindings.methods
                              + TorchDTypeBindings.methods + TorchSelectionBindings.methods
                              + TorchRearrangeBindings.methods + TorchLikeBindings.methods + TorchLinalgLUBindings.methods
                              + TorchNumpyBindings.methods + TorchLogicalBindings.methods
                              + TorchElementwiseExtrasBindings.methods + TorchElementCallbackBindings.methods
                              + TorchShrinkageBindings.methods
                              + TorchDistanceBindings.methods
                              + TorchShapeBindings.methods + TorchIndexedPutBindings.methods
                              + TorchScaledProductBindings.methods + TorchPinnedMemoryBindings.methods
                              + TorchSharedMemoryBindings.methods)
        installTensorProperties()
        for (name, get) in TorchDTypeBindings.getters {
            attributeTable.addGetter(.tensor, name) { v in
                guard case .tensor(let t) = v else { throw PyError.attribute("'\(v.typeName)' object has no attribute '\(name)'") }
                return get(t)
            }
        }
        TorchGradNodeBindings.install(&attributeTable)
        attributeTable.addGetter(.dtype, "is_floating_point") { v in
            guard case .object(let d as PyDType) = v else { return .none }
            return .bool(d.dtype.isFloatingPoint)
        }
        attributeTable.addGetter(.dtype, "itemsize") { v in
            guard case .object(let d as PyDType) = v else { return .none }
            return .int(d.dtype.itemSize)
        }
        attributeTable.addGetter(.dtype, "is_signed") { v in
            guard case .object(let d as PyDType) = v else { return .none }
            return .bool(d.dtype != .bool && d.dtype != .uint8)
        }

        builtinTable["torch"] = .object(torch)
        builtinTable["tensor"] = torch.attributes["tensor"]
        builtinTable["no_grad"] = torch.attributes["no_grad"]
    }
}

extension Interpreter {
    /// The tensor library every interpreter is made with: torch (see `TensorLibrary`).
    static var installedTensorLibrary: any TensorLibrary { TorchLibrary() }
}

extension PyModule {
    /// Adds functions under their own names.
    func add(_ functions: [PyBuiltin]) {
        for f in functions { attributes[f.name] = .object(f) }
    }
}
