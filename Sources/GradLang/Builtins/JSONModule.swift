/// The `json` module: its API in Python (`JSONModuleSource`), over two Swift functions that walk
/// the values and the text (`JSONEncoding`, `JSONDecoding`).
enum JSONModule {
    static func make(_ interpreter: Interpreter) -> PyModule {
        let module = PyModule(name: "json", attributes: [
            "_encode": .object(encode()),
            "_scan": .object(scan()),
        ])
        interpreter.addSource(JSONModuleSource.text, filename: "json.py", to: module)
        return module
    }

    /// `JSONEncoder.encode`'s work: the text of `obj`, `indent` already a string or None. When it
    /// fails, the text written before the failing value is appended to the list `partial`.
    private static func encode() -> PyBuiltin {
        let signature = "_encode(obj, indent, item_separator, key_separator, sort_keys, skipkeys, ensure_ascii, "
            + "allow_nan, check_circular, default, partial=None, /)"
        return PyBuiltin(signature) { args in
            func text(_ name: String) throws -> String {
                try Arg.string(args[name], "\(name) must be a string, not \(args[name].typeName)")
            }
            func flag(_ name: String) throws -> Bool { try Operators.truthy(args[name]) }
            let options = JSONEncoding.Options(
                indent: args["indent"].isNone ? nil : try text("indent"),
                itemSeparator: try text("item_separator"), keySeparator: try text("key_separator"),
                sortKeys: try flag("sort_keys"), skipKeys: try flag("skipkeys"), ensureASCII: try flag("ensure_ascii"),
                allowNaN: try flag("allow_nan"), checkCircular: try flag("check_circular"), fallback: args["default"])
            return .str(try JSONEncoding.text(of: args["obj"], options, args.interpreter) { text in
                if case .object(let list as PyList) = args["partial"], !text.isEmpty { list.changeItems { $0.append(.str(text)) } }
            })
        }
    }

    /// `JSONDecoder`'s work: (value, end) of the text `s` from `idx`; all of it when `whole`.
    private static func scan() -> PyBuiltin {
        let signature = "_scan(s, idx, whole, error, object_hook, object_pairs_hook, parse_float, parse_int, "
            + "parse_constant, strict, /)"
        return PyBuiltin(signature) { args in
            guard case .str(let document) = args["s"] else {
                throw PyError.type("first argument must be a string, not \(args["s"].typeName)")
            }
            let options = JSONDecoding.Options(
                errorType: args["error"], objectHook: args["object_hook"], pairsHook: args["object_pairs_hook"],
                parseFloat: args["parse_float"], parseInt: args["parse_int"], parseConstant: args["parse_constant"],
                strict: try Operators.truthy(args["strict"]))
            let start = try Arg.size(args["idx"])
            if start < 0 { throw PyError.value("idx cannot be negative") }
            let (value, end) = try JSONDecoding.value(in: document, from: start,
                                                      whole: try Operators.truthy(args["whole"]), options, args.interpreter)
            return .object(PyTuple([value, .int(end)]))
        }
    }
}
