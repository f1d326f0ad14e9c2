/// A class's own `__getattribute__`, which every attribute read of its instances goes through
/// (attribute sites do not cache for such a class), with `__getattr__` for the AttributeErrors it
/// raises: CPython's `slot_tp_getattr_hook`.
extension ClassAttributes {
    static func getThrough(_ hook: Value, _ instance: PyInstance, _ name: String, _ interpreter: Interpreter) throws -> Value {
        do {
            return try interpreter.call(try bind(hook, to: .object(instance), interpreter), Arguments([.str(name)]))
        } catch let error as PyError where error.type.isSubclass(of: PyExc.attributeError) {
            guard let getattr = instance.cls.lookup("__getattr__") else { throw error }
            return try interpreter.call(try bind(getattr, to: .object(instance), interpreter), Arguments([.str(name)]))
        }
    }
}
