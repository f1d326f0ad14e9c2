/// CPython 3.11's list sort (Objects/listobject.c: count_run, binarysort, gallop_left/right,
/// merge_lo/hi, and powersort's merge order, found_new_run), step for step, so that everything a user can observe is the
/// same: the order of comparisons (which pair a TypeError names), the result when `<` is not a
/// total order (lists with NaNs), and the permutation left behind when a comparison raises.
///
/// It permutes `order`, the positions of the elements; `less(x, y)` compares the elements at
/// positions x and y.
struct TimSort {
    private(set) var order: [Int]
    private let less: (Int, Int) throws -> Bool
    private var minGallop = TimSort.initialMinGallop
    /// Runs waiting to be merged: (start in `order`, length, depth in powersort's merge tree).
    private var pending: [(base: Int, count: Int, power: Int)] = []
    private static let initialMinGallop = 7

    init(count: Int, less: @escaping (Int, Int) throws -> Bool) {
        order = Array(0..<count)
        self.less = less
    }

    /// Sorts `order`; `reverse` sorts the reversed list and reverses the result (keeping equal
    /// elements in their original order). When a comparison throws, `order` is left as CPython
    /// leaves the list: a permutation, reversed back for `reverse`.
    mutating func run(reverse: Bool) throws {
        let n = order.count
        guard n > 1 else { return }
        if reverse { order.reverse() }
        defer { if reverse { order.reverse() } }
        let minRun = TimSort.minimumRun(n)
        var low = 0, remaining = n
        repeat {
            var (length, descending) = try countRun(low, low + remaining)
            if descending { order[low..<(low + length)].reverse() }
            if length < minRun {
                let forced = Swift.min(remaining, minRun)
                try binarySort(low, low + forced, start: low + length)
                length = forced
            }
            try foundNewRun(length)
            pending.append((low, length, 0))
            low += length
            remaining -= length
        } while remaining > 0
        try mergeForceCollapse()
    }

    /// merge_compute_minrun.
    private static func minimumRun(_ count: Int) -> Int {
        var n = count, r = 0
        while n >= 64 {
            r |= n & 1
            n >>= 1
        }
        return n + r
    }

    /// binarysort: [low, high) sorted by binary insertion, [low, start) being sorted already.
    private mutating func binarySort(_ low: Int, _ high: Int, start first: Int) throws {
        var start = first == low ? first + 1 : first
        while start < high {
            var l = low, r = start
            let pivot = order[r]
            repeat {
                let p = l + ((r - l) >> 1)
                if try less(pivot, order[p]) { r = p } else { l = p + 1 }
            } while l < r
            var p = start
            while p > l {
                order[p] = order[p - 1]
                p -= 1
            }
            order[l] = pivot
            start += 1
        }
    }

    /// count_run: the length of the run at `low` (ascending, or strictly descending).
    private func countRun(_ low: Int, _ high: Int) throws -> (Int, descending: Bool) {
        var i = low + 1
        if i == high { return (1, false) }
        var n = 2
        if try less(order[i], order[i - 1]) {
            i += 1
            while i < high, try less(order[i], order[i - 1]) {
                i += 1
                n += 1
            }
            return (n, true)
        }
        i += 1
        while i < high, !(try less(order[i], order[i - 1])) {
            i += 1
            n += 1
        }
        return (n, false)
    }

    /// gallop_left: where `key` goes in the sorted `run[base..<base+n]`, left of equal elements.
    private func gallopLeft(_ key: Int, _ run: [Int], _ base: Int, _ n: Int, hint: Int) throws -> Int {
        var lastOffset = 0, offset = 1
        if try less(run[base + hint], key) {
            let maxOffset = n - hint
            while offset < maxOffset, try less(run[base + hint + offset], key) {
                lastOffset = offset
                offset = (offset << 1) + 1
            }
            offset = Swift.min(offset, maxOffset)
            lastOffset += hint
            offset += hint
        } else {
            let maxOffset = hint + 1
            while offset < maxOffset, !(try less(run[base + hint - offset], key)) {
                lastOffset = offset
                offset = (offset << 1) + 1
            }
            offset = Swift.min(offset, maxOffset)
            (lastOffset, offset) = (hint - offset, hint - lastOffset)
        }
        lastOffset += 1
        while lastOffset < offset {
            let m = lastOffset + ((offset - lastOffset) >> 1)
            if try less(run[base + m], key) { lastOffset = m + 1 } else { offset = m }
        }
        return offset
    }

    /// gallop_right: as gallopLeft, right of equal elements.
    private func gallopRight(_ key: Int, _ run: [Int], _ base: Int, _ n: Int, hint: Int) throws -> Int {
        var lastOffset = 0, offset = 1
        if try less(key, run[base + hint]) {
            let maxOffset = hint + 1
            while offset < maxOffset, try less(key, run[base + hint - offset]) {
                lastOffset = offset
                offset = (offset << 1) + 1
            }
            offset = Swift.min(offset, maxOffset)
            (lastOffset, offset) = (hint - offset, hint - lastOffset)
        } else {
            let maxOffset = n - hint
            while offset < maxOffset, !(try less(key, run[base + hint + offset])) {
                lastOffset = offset
                offset = (offset << 1) + 1
            }
            offset = Swift.min(offset, maxOffset)
            lastOffset += hint
            offset += hint
        }
        lastOffset += 1
        while lastOffset < offset {
            let m = lastOffset + ((offset - lastOffset) >> 1)
            if try less(key, run[base + m]) { offset = m } else { lastOffset = m + 1 }
        }
        return offset
    }

    /// found_new_run: before a run of `newCount` is pushed, gives the topmost run its power and
    /// merges the runs below it of greater power.
    private mutating func foundNewRun(_ newCount: Int) throws {
        guard let top = pending.last else { return }
        let power = TimSort.power(start: top.base, top.count, newCount, total: order.count)
        while pending.count > 1 && pending[pending.count - 2].power > power {
            try merge(at: pending.count - 2)
        }
        pending[pending.count - 1].power = power
    }

    /// powerloop: the depth at which the runs [s1, s1+n1) and [s1+n1, s1+n1+n2) part in the
    /// binary tree over [0, total), from the bits of their midpoints (doubled) over total.
    private static func power(start s1: Int, _ n1: Int, _ n2: Int, total n: Int) -> Int {
        var result = 0
        var a = 2 * s1 + n1, b = a + n1 + n2
        while true {
            result += 1
            if a >= n {
                a -= n
                b -= n
            } else if b >= n {
                break
            }
            a <<= 1
            b <<= 1
        }
        return result
    }

    /// merge_force_collapse: merges all pending runs.
    private mutating func mergeForceCollapse() throws {
        while pending.count > 1 {
            var n = pending.count - 2
            if n > 0 && pending[n - 1].count < pending[n + 1].count { n -= 1 }
            try merge(at: n)
        }
    }

    /// merge_at: merges pending runs i and i + 1.
    private mutating func merge(at i: Int) throws {
        let (a, countA) = (pending[i].base, pending[i].count), (b, countB) = (pending[i + 1].base, pending[i + 1].count)
        pending[i].count = countA + countB
        if i == pending.count - 3 { pending[i + 1] = pending[i + 2] }
        pending.removeLast()
        // Elements of a before where b starts, and of b after where a ends, are in place.
        let skipped = try gallopRight(order[b], order, a, countA, hint: 0)
        let start = a + skipped, na = countA - skipped
        if na == 0 { return }
        let nb = try gallopLeft(order[start + na - 1], order, b, countB, hint: countB - 1)
        if nb <= 0 { return }
        if na <= nb { try mergeLow(start, na, b, nb) } else { try mergeHigh(start, na, b, nb) }
    }

    /// merge_lo: merges order[a..<a+na] with the following order[b..<b+nb], na <= nb, from the
    /// left, with run a copied aside.
    private mutating func mergeLow(_ a: Int, _ countA: Int, _ b: Int, _ countB: Int) throws {
        let temp = Array(order[a..<(a + countA)])
        var dest = a, ia = 0, ib = b, na = countA, nb = countB
        var copyB = false
        do {
            merging: do {
                order[dest] = order[ib]; dest += 1; ib += 1; nb -= 1
                if nb == 0 { break merging }
                if na == 1 { copyB = true; break merging }
                var minGallop = self.minGallop
                while true {
                    var winsA = 0, winsB = 0
                    while true {
                        if try less(order[ib], temp[ia]) {
                            order[dest] = order[ib]; dest += 1; ib += 1
                            winsB += 1; winsA = 0; nb -= 1
                            if nb == 0 { break merging }
                            if winsB >= minGallop { break }
                        } else {
                            order[dest] = temp[ia]; dest += 1; ia += 1
                            winsA += 1; winsB = 0; na -= 1
                            if na == 1 { copyB = true; break merging }
                            if winsA >= minGallop { break }
                        }
                    }
                    minGallop += 1
                    repeat {
                        minGallop -= minGallop > 1 ? 1 : 0
                        self.minGallop = minGallop
                        var k = try gallopRight(order[ib], temp, ia, na, hint: 0)
                        winsA = k
                        if k > 0 {
                            order.replaceSubrange(dest..<(dest + k), with: temp[ia..<(ia + k)])
                            dest += k; ia += k; na -= k
                            if na == 1 { copyB = true; break merging }
                            if na == 0 { break merging }
                        }
                        order[dest] = order[ib]; dest += 1; ib += 1; nb -= 1
                        if nb == 0 { break merging }
                        k = try gallopLeft(temp[ia], order, ib, nb, hint: 0)
                        winsB = k
                        if k > 0 {
                            for j in 0..<k { order[dest + j] = order[ib + j] }
                            dest += k; ib += k; nb -= k
                            if nb == 0 { break merging }
                        }
                        order[dest] = temp[ia]; dest += 1; ia += 1; na -= 1
                        if na == 1 { copyB = true; break merging }
                    } while winsA >= TimSort.initialMinGallop || winsB >= TimSort.initialMinGallop
                    minGallop += 1
                    self.minGallop = minGallop
                }
            }
        } catch {
            order.replaceSubrange(dest..<(dest + na), with: temp[ia..<(ia + na)])
            throw error
        }
        if copyB {
            // The last element of run a belongs at the end of the merge.
            for j in 0..<nb { order[dest + j] = order[ib + j] }
            order[dest + nb] = temp[ia]
        } else if na > 0 {
            order.replaceSubrange(dest..<(dest + na), with: temp[ia..<(ia + na)])
        }
    }

    /// merge_hi: as mergeLow from the right, na >= nb, with run b copied aside.
    private mutating func mergeHigh(_ a: Int, _ countA: Int, _ b: Int, _ countB: Int) throws {
        let temp = Array(order[b..<(b + countB)])
        var dest = b + countB - 1, ia = a + countA - 1, ib = countB - 1, na = countA, nb = countB
        var copyA = false
        do {
            merging: do {
                order[dest] = order[ia]; dest -= 1; ia -= 1; na -= 1
                if na == 0 { break merging }
                if nb == 1 { copyA = true; break merging }
                var minGallop = self.minGallop
                while true {
                    var winsA = 0, winsB = 0
                    while true {
                        if try less(temp[ib], order[ia]) {
                            order[dest] = order[ia]; dest -= 1; ia -= 1
                            winsA += 1; winsB = 0; na -= 1
                            if na == 0 { break merging }
                            if winsA >= minGallop { break }
                        } else {
                            order[dest] = temp[ib]; dest -= 1; ib -= 1
                            winsB += 1; winsA = 0; nb -= 1
                            if nb == 1 { copyA = true; break merging }
                            if winsB >= minGallop { break }
                        }
                    }
                    minGallop += 1
                    repeat {
                        minGallop -= minGallop > 1 ? 1 : 0
                        self.minGallop = minGallop
                        var k = na - (try gallopRight(temp[ib], order, a, na, hint: na - 1))
                        winsA = k
                        if k > 0 {
                            dest -= k; ia -= k
                            for j in stride(from: k, through: 1, by: -1) { order[dest + j] = order[ia + j] }
                            na -= k
                            if na == 0 { break merging }
                        }
                        order[dest] = temp[ib]; dest -= 1; ib -= 1; nb -= 1
                        if nb == 1 { copyA = true; break merging }
                        k = nb - (try gallopLeft(order[ia], temp, 0, nb, hint: nb - 1))
                        winsB = k
                        if k > 0 {
                            dest -= k; ib -= k
                            for j in 1...k { order[dest + j] = temp[ib + j] }
                            nb -= k
                            if nb == 1 { copyA = true; break merging }
                            if nb == 0 { break merging }
                        }
                        order[dest] = order[ia]; dest -= 1; ia -= 1; na -= 1
                        if na == 0 { break merging }
                    } while winsA >= TimSort.initialMinGallop || winsB >= TimSort.initialMinGallop
                    minGallop += 1
                    self.minGallop = minGallop
                }
            }
        } catch {
            if nb > 0 { order.replaceSubrange((dest - nb + 1)...dest, with: temp[0..<nb]) }
            throw error
        }
        if copyA {
            // The first element of run b belongs at the front of the merge.
            for j in stride(from: 0, to: -na, by: -1) { order[dest + j] = order[ia + j] }
            dest -= na
            order[dest] = temp[ib]
        } else if nb > 0 {
            order.replaceSubrange((dest - nb + 1)...dest, with: temp[0..<nb])
        }
    }
}
