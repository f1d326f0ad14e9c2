/// libstdc++'s `std::sort`, `std::nth_element` and `std::partial_sort` (GCC 13), step for step:
/// introsort and introselect with median-of-three pivots, insertion sort below 16 elements, heap
/// selection. PyTorch's CPU `topk` orders equal elements the way these algorithms leave them, so
/// matching its results on ties means running the same steps. `before` is the strict order.
struct StandardLibrarySort<Element> {
    var items: [Element]
    let before: (Element, Element) -> Bool

    /// `std::sort(begin, begin + end)`.
    mutating func sort(to end: Int) {
        guard end > 1 else { return }
        introsortLoop(0, end, depth: 2 * log2(end))
        finalInsertionSort(0, end)
    }

    /// `std::nth_element(begin, begin + nth, end)`.
    mutating func nthElement(_ nth: Int) {
        var (first, last) = (0, items.count)
        guard first != last, nth != last else { return }
        var depth = 2 * log2(last - first)
        while last - first > 3 {
            if depth == 0 {
                heapSelect(first, nth + 1, last)
                items.swapAt(first, nth)
                return
            }
            depth -= 1
            let cut = partitionAroundPivot(first, last)
            if cut <= nth { first = cut } else { last = cut }
        }
        insertionSort(first, last)
    }

    /// `std::partial_sort(begin, begin + middle, end)`.
    mutating func partialSort(_ middle: Int) {
        heapSelect(0, middle, items.count)
        var last = middle
        while last > 1 {
            last -= 1
            popHeap(0, last, last)
        }
    }

    private func log2(_ n: Int) -> Int { Int.bitWidth - 1 - n.leadingZeroBitCount }

    private mutating func introsortLoop(_ first: Int, _ end: Int, depth: Int) {
        var (last, depth) = (end, depth)
        while last - first > 16 {
            if depth == 0 {
                heapSelect(first, last, last)
                var heapEnd = last
                while heapEnd - first > 1 {
                    heapEnd -= 1
                    popHeap(first, heapEnd, heapEnd)
                }
                return
            }
            depth -= 1
            let cut = partitionAroundPivot(first, last)
            introsortLoop(cut, last, depth: depth)
            last = cut
        }
    }

    private mutating func partitionAroundPivot(_ first: Int, _ last: Int) -> Int {
        moveMedianToFirst(first, first + 1, first + (last - first) / 2, last - 1)
        var (low, high) = (first + 1, last)
        while true {
            while before(items[low], items[first]) { low += 1 }
            high -= 1
            while before(items[first], items[high]) { high -= 1 }
            if !(low < high) { return low }
            items.swapAt(low, high)
            low += 1
        }
    }

    private mutating func moveMedianToFirst(_ result: Int, _ a: Int, _ b: Int, _ c: Int) {
        let median: Int
        if before(items[a], items[b]) {
            median = before(items[b], items[c]) ? b : before(items[a], items[c]) ? c : a
        } else {
            median = before(items[a], items[c]) ? a : before(items[b], items[c]) ? c : b
        }
        items.swapAt(result, median)
    }

    private mutating func finalInsertionSort(_ first: Int, _ last: Int) {
        guard last - first > 16 else { return insertionSort(first, last) }
        insertionSort(first, first + 16)
        for i in (first + 16)..<last { linearInsert(i) }
    }

    private mutating func insertionSort(_ first: Int, _ last: Int) {
        guard first != last else { return }
        for i in (first + 1)..<last {
            if before(items[i], items[first]) {
                let value = items[i]
                for j in stride(from: i, to: first, by: -1) { items[j] = items[j - 1] }
                items[first] = value
            } else {
                linearInsert(i)
            }
        }
    }

    /// `__unguarded_linear_insert`: an element smaller than it stops the walk.
    private mutating func linearInsert(_ position: Int) {
        let value = items[position]
        var (hole, next) = (position, position - 1)
        while before(value, items[next]) {
            items[hole] = items[next]
            hole = next
            next -= 1
        }
        items[hole] = value
    }

    private mutating func heapSelect(_ first: Int, _ middle: Int, _ last: Int) {
        makeHeap(first, middle)
        for i in middle..<last where before(items[i], items[first]) { popHeap(first, middle, i) }
    }

    private mutating func makeHeap(_ first: Int, _ last: Int) {
        let length = last - first
        guard length >= 2 else { return }
        var parent = (length - 2) / 2
        while true {
            adjustHeap(first, parent, length, items[first + parent])
            if parent == 0 { return }
            parent -= 1
        }
    }

    private mutating func popHeap(_ first: Int, _ last: Int, _ result: Int) {
        let value = items[result]
        items[result] = items[first]
        adjustHeap(first, 0, last - first, value)
    }

    private mutating func adjustHeap(_ first: Int, _ start: Int, _ length: Int, _ value: Element) {
        var (hole, child) = (start, start)
        while child < (length - 1) / 2 {
            child = 2 * (child + 1)
            if before(items[first + child], items[first + child - 1]) { child -= 1 }
            items[first + hole] = items[first + child]
            hole = child
        }
        if length & 1 == 0 && child == (length - 2) / 2 {
            child = 2 * (child + 1)
            items[first + hole] = items[first + child - 1]
            hole = child - 1
        }
        // __push_heap back up to `start`.
        var parent = (hole - 1) / 2
        while hole > start && before(items[first + parent], value) {
            items[first + hole] = items[first + parent]
            hole = parent
            parent = (hole - 1) / 2
        }
        items[first + hole] = value
    }
}
