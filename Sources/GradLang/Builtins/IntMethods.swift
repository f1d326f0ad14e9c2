import BigInt

/// Methods of `int` (and of `bool`, its subclass): `bit_length`, `bit_count`.
enum IntMethods {
    static var all: [PyBuiltin] {
        [
            PyBuiltin("int.bit_length(self, /)") { args in
                .int(try receiver(args).magnitude.bitWidth)
            },
            PyBuiltin("int.bit_count(self, /)") { args in
                .int(try receiver(args).magnitude.words.reduce(0) { $0 + $1.nonzeroBitCount })
            },
        ]
    }

    static func receiver(_ args: BoundArguments) throws -> BigInt {
        switch args["self"] {
        case .int, .bigInt, .bool: return try Arg.integer(args["self"])
        default: throw PyError.type("descriptor '\(args.signature.name)' for 'int' objects doesn't apply to a '\(args["self"].typeName)' object")
        }
    }
}
