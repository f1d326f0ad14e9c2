/// A class: one made by a `class` statement, or a built-in exception class (`ValueError`), which
/// user classes may derive from. Attribute look-up goes through the method resolution order, which
/// is computed as CPython computes it (C3 linearization); `object` ends every order implicitly.
///
/// Instances of a class keep their attributes in slots numbered by the class's `layout`, which only
/// grows: every instance of a class sets mostly the same attributes, and a slot number, once given,
/// stays right for the class's life (call sites may keep it).
public final class PyClass: CollectableObject, @unchecked Sendable {
    public let name: String
    /// `__qualname__`: `Outer.Inner`, `f.<locals>.C`.
    public var qualifiedName: String
    /// `__module__`: `builtins` for built-in classes, `__main__` for those of the program run.
    let moduleName: String
    public private(set) var bases: [PyClass]
    /// The bases as the class statement named them, built-in types included (see DeclaredBases).
    var declaredBases: [PyObject] = []
    /// The built-in type (`list`, `dict`) this class extends, directly or through a base: each
    /// instance then holds one of those as its contents (see PyInstance.native).
    let nativeBase: PyTypeObject?
    /// The classes after this one in its method resolution order (its bases' classes, C3). Not
    /// this class itself: a class holding itself would be a reference cycle no count could free.
    private(set) var ancestors: [PyClass] = []
    /// This class, then its ancestors: the method resolution order.
    public var mro: [PyClass] { [self] + ancestors }
    private(set) var namespace: Namespace
    /// Runs the class's methods; nil for built-in classes, which have none. Weak: the library's
    /// own classes (`collections.Counter`) live in the interpreter's module table.
    private(set) weak var interpreter: Interpreter?
    /// Slot numbers of instance attributes by name (see the type's comment).
    private(set) var layout: [String: Int] = [:]
    private(set) var layoutNames: [String] = []
    /// Changes whenever the namespace of this class or of a base changes, or its layout grows:
    /// attribute sites keep what they looked up while it stays the same.
    private(set) var version = 0
    /// What `lookup` found (or did not: nil) per name since the version last changed, and per
    /// special method (nil: not looked up yet). Emptied before the collector counts references:
    /// they hold what they found, which must not count as held from outside.
    private var lookups: [String: Value?] = [:]
    private var specialLookups: [Value??] = []
    /// `ClassCreation.plainConstruction`'s answer, from the lookups of `__new__` and `__init__`,
    /// and forgotten with them: making an instance then looks nothing up.
    var knownPlainConstruction: ClassCreation.KnownPlainConstruction?
    /// What `hashesByIdentity` found, and the version it found it at.
    private var identityHashing = (version: -1, found: false)
    /// A number no other class of the process has (attribute sites know a class by it).
    let serial = PyClass.nextSerial()
    nonisolated(unsafe) private static var serials = 0
    private static func nextSerial() -> Int {
        serials += 1
        return serials
    }
    /// The class of this class when it is not `type`: a metaclass (see Metaclasses). Held as
    /// the bases are, uncounted by the collector.
    var metaclass: PyClass?
    /// Set when ABCMeta's rules leave the class abstract methods: instantiating it then fails
    /// (see AbstractClasses); a flag, so that making instances of other classes looks up nothing.
    var hasAbstractMethods = false
    /// The only attribute names instances may have, when every class in the order declares
    /// `__slots__`; nil when they have a `__dict__`. Fixed when the class is made, as in CPython.
    var allowedAttributes: Set<String>?
    /// Whether the class or a base defines `__getattribute__`, known until the namespaces change:
    /// the generic attribute read asks on every call.
    private var getattributeKnown: Bool?
    var definesGetattribute: Bool {
        if let known = getattributeKnown { return known }
        let defined = lookup("__getattribute__") != nil
        getattributeKnown = defined
        return defined
    }
    /// Whether the class or a base defines `__del__`, known until the namespaces change: asked
    /// whenever an instance is freed.
    private var delKnown: Bool?
    var definesDel: Bool {
        if let known = delKnown { return known }
        let defined = lookup("__del__") != nil
        delKnown = defined
        return defined
    }
    /// Classes that name this one as a base (weakly), told when it changes.
    private var subclasses: [WeakClass] = []

    /// A built-in exception class, or a library's (`torch._C._LinAlgError`). It lives for the
    /// process, so the cycle collector lets it go at once.
    init(builtin name: String, module: String = "builtins", base: PyClass?) {
        self.name = name
        qualifiedName = name
        moduleName = module
        bases = base.map { [$0] } ?? []
        nativeBase = nil
        namespace = Namespace()
        interpreter = nil
        super.init()
        untrack()
        ancestors = base?.mro ?? []
    }

    /// A built-in class with several bases (`ExceptionGroup`), ordered as CPython's C3 orders them.
    convenience init(builtin name: String, bases: [PyClass]) {
        self.init(builtin: name, base: bases.first)
        self.bases = bases
        ancestors = (try? PyClass.linearize(bases)) ?? ancestors
    }

    /// A class made by a `class` statement (the bases are already checked to be classes).
    init(name: String, qualifiedName: String, moduleName: String, bases: [PyClass], nativeBase: PyTypeObject?,
         namespace: Namespace, interpreter: Interpreter) throws {
        self.name = name
        self.qualifiedName = qualifiedName
        self.moduleName = moduleName
        self.bases = bases
        self.nativeBase = nativeBase
        self.namespace = namespace
        self.interpreter = interpreter
        super.init()
        ancestors = try PyClass.linearize(bases)
        for base in bases { base.subclasses.append(WeakClass(base: self)) }
    }

    public override var typeName: String { "type" }

    /// The attribute `name` as the class or an instance finds it: the first class in the order that
    /// defines it.
    func lookup(_ name: String) -> Value? {
        if let known = lookups[name] { return known }
        var found = namespace[name]
        if found == nil {
            for cls in ancestors {
                if let v = cls.namespace[name] {
                    found = v
                    break
                }
            }
        }
        lookups[name] = .some(found)
        return found
    }

    /// `lookup` of a special method, kept per method in `specialLookups`.
    func lookup(_ special: SpecialName) -> Value? {
        let i = special.rawValue
        if i < specialLookups.count, let known = specialLookups[i] { return known }
        let found = lookup(special.name)
        // Changed as a local array, so that no access to the property spans a call.
        var table = specialLookups
        specialLookups = []
        if table.isEmpty { table = Array(repeating: nil, count: SpecialName.allCases.count) }
        table[i] = .some(found)
        specialLookups = table
        return found
    }

    /// Whether instances hash by identity, as `object.__hash__` does: no class in the order
    /// defines `__hash__` (nor sets it to None) and instances hold no built-in contents. Dicts and
    /// sets ask it for every instance key, so it is kept until the class or a base changes. The
    /// kept answer is read inline, without a call (a hash of an instance is otherwise a few
    /// instructions).
    var hashesByIdentity: Bool {
        @inline(__always) get {
            if identityHashing.version == version { return identityHashing.found }
            return findHashesByIdentity()
        }
    }

    @inline(never)
    private func findHashesByIdentity() -> Bool {
        let found = nativeBase == nil && lookup(.hash) == nil
        identityHashing = (version, found)
        return found
    }

    public func isSubclass(of other: PyClass) -> Bool {
        self === other || ancestors.contains { $0 === other }
    }

    /// Whether instances are exceptions (the class derives from BaseException).
    var isExceptionClass: Bool { (ancestors.last ?? self) === PyExc.baseException }

    /// Sets or deletes a class attribute, invalidating what call sites cached.
    func setAttribute(_ name: String, _ value: Value?) {
        namespace[name] = value
        invalidate()
    }

    private func invalidate() {
        version &+= 1
        forgetLookups()
        getattributeKnown = nil
        delKnown = nil
        subclasses.removeAll { $0.base == nil }
        for s in subclasses { s.base?.invalidate() }
    }

    /// Gives the storage of the namespace, the bases and the order no other holder (see
    /// CycleTraversal).
    override func makeStorageUnique() {
        forgetLookups()
        makeUniqueStorage({ self.namespace }, { self.namespace = $0 })
        makeUniqueStorage({ self.bases }, { self.bases = $0 })
        makeUniqueStorage({ self.ancestors }, { self.ancestors = $0 })
        makeUniqueStorage({ self.declaredBases }, { self.declaredBases = $0 })
    }

    /// Its namespace's values, and the classes it holds: its bases (as the `bases` and the
    /// declared ones), its order and its metaclass, so that classes referring to each other
    /// (`M.me = M` in a base) are garbage together.
    override func forEachReference(_ visit: (Value) -> Void) {
        namespace.values.values.forEach(visit)
        for cls in bases { visit(.object(cls)) }
        for cls in ancestors { visit(.object(cls)) }
        for base in declaredBases { visit(.object(base)) }
        if let metaclass { visit(.object(metaclass)) }
    }

    /// What CPython frees with a class that grad does not make: its `__dict__`, the `__mro__`
    /// and `__bases__` tuples, and the `__dict__` and `__weakref__` descriptors a class adds
    /// when no base gives its instances those (one member descriptor per slot instead, for a
    /// class with `__slots__`).
    override var uncountedCompanions: Int {
        if allowedAttributes != nil { return 3 + Slots.ownNames(self).count }
        let baseHasDict = ancestors.contains { $0.interpreter != nil && $0.allowedAttributes == nil }
        let dictDescriptor = baseHasDict || isExceptionClass ? 0 : 1
        let weakrefDescriptor = baseHasDict ? 0 : 1
        return 3 + dictDescriptor + weakrefDescriptor
    }

    /// Empties the namespace of a garbage class (see CycleTraversal).
    override func giveUpReferences(into released: inout [Value]) {
        released += namespace.values.values
        namespace = Namespace()
        forgetLookups()
    }

    private func forgetLookups() {
        lookups = [:]
        specialLookups = []
        knownPlainConstruction = nil
    }

    /// The slot of instance attribute `name`, given one if it has none yet.
    func slot(for name: String) -> Int {
        if let i = layout[name] { return i }
        let i = layoutNames.count
        layout[name] = i
        // Appended as a local array (see changeTakenOut): an access spanning the append would
        // make every read of the names, one per instance made, checked at run time.
        changeTakenOut({ layoutNames }, { layoutNames = $0 }) { $0.append(name) }
        version &+= 1
        return i
    }

    func existingSlot(_ name: String) -> Int? { layout[name] }

    /// C3 over the user classes among the bases (see DeclaredBases.merge).
    private static func linearize(_ bases: [PyClass]) throws -> [PyClass] {
        try DeclaredBases.merge(bases.map(\.mro) + [bases], bases: bases, name: \.name)
    }

    private struct WeakClass {
        weak var base: PyClass?
    }
}
