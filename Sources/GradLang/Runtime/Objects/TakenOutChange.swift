/// Changes an array kept in a stored property of a class as a local, then stores it back.
/// Changed in place (`object.array[i] = x`, `append`), it would be an access that spans the
/// array's copy-on-write call, which may free anything and so run any deinit; the optimizer then
/// checks every access to that property at run time, some 60 instructions each
/// (`bench/exclusivity-checks --why NAME` lists such accesses). Taken out, the array has one
/// holder, so the change is still made in place. The property is empty while `change` runs.
@inline(__always)
func changeTakenOut<Element, Result>(_ read: () -> [Element], _ write: ([Element]) -> Void,
                                     _ change: (inout [Element]) throws -> Result) rethrows -> Result {
    var array = read()
    write([])
    defer { write(array) }
    return try change(&array)
}
