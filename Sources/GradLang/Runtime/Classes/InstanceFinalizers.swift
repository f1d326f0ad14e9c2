/// `__del__`: called once per object (CPython 3.4+, PEP 442), when an instance's last reference
/// goes or when the cycle collector finds it unreachable.
///
/// Freed by reference counting: Swift cannot run Python code inside a deinit, nor keep the dying
/// object, so PyInstance's deinit hands its class, attributes and contents to the finalizer queue
/// (GeneratorFinalizers), which at the next safe point makes them an instance again, marked as
/// finalized, and calls `__del__` on it. `self` there has every attribute the object had, but
/// not its identity: an `id()` taken before differs. If `__del__` stores `self` somewhere, that
/// instance lives on, and is not finalized again when it goes.
///
/// Found by the cycle collector: `__del__` runs on the object itself, before the garbage is
/// cleared; the collector then looks again, so an object `__del__` made reachable survives.
///
/// An exception `__del__` raises is printed to stderr as CPython's "Exception ignored in" report
/// (GeneratorFinalizers.reportingErrors).
/// Exception objects (instances of classes deriving from BaseException) are not finalized.
enum InstanceFinalizers {
    /// What a freed instance left: enough to make it again.
    struct Freed {
        let cls: PyClass
        let slots: [Value?]
        let native: PyObject?
    }

    /// Instances whose `__del__` has run (or is about to), by identity; each leaves the set when
    /// it is freed. grad runs Python on one thread at a time (see Interpreter).
    nonisolated(unsafe) private static var finalized: Set<ObjectIdentifier> = []

    /// From PyInstance's deinit, for an instance whose class defines `__del__`: queues its
    /// finalizer, unless it already ran.
    static func instanceFreed(_ instance: PyInstance) {
        if finalized.remove(ObjectIdentifier(instance)) != nil { return }
        guard type(of: instance) == PyInstance.self, instance.cls.interpreter != nil else { return }
        GeneratorFinalizers.defer(.instance(Freed(cls: instance.cls, slots: instance.slots, native: instance.native)))
    }

    /// Whether the collector must call `__del__` on this garbage object before clearing it.
    static func needsFinalizing(_ instance: PyInstance) -> Bool {
        guard type(of: instance) == PyInstance.self else { return false }
        return instance.cls.definesDel && !finalized.contains(ObjectIdentifier(instance))
    }

    /// Calls `__del__` on a freed instance made again.
    static func finalize(_ freed: Freed) {
        let instance = freed.native.map { PyInstance(cls: freed.cls, contents: $0) } ?? PyInstance(cls: freed.cls)
        instance.slots = freed.slots
        finalize(instance)
    }

    /// Calls `__del__` on `instance`, once; an exception it raises is reported, not raised.
    static func finalize(_ instance: PyInstance) {
        guard finalized.insert(ObjectIdentifier(instance)).inserted, let interpreter = instance.cls.interpreter,
              let method = instance.cls.lookup("__del__"), !method.isNone else { return }
        GeneratorFinalizers.reportingErrors(of: method, interpreter) {
            _ = try interpreter.call(try ClassAttributes.bind(method, to: .object(instance), interpreter), Arguments())
        }
    }
}
