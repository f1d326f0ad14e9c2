/// PyTorch's `quick_select_template` (ATen/native/Sorting.cpp, Sedgewick's partitioning with a
/// median of three), step for step: `kthvalue` picks among equal elements the one this leaves at
/// position k. `greater` is the strict order "x comes after y" (NaN after every number).
func quickSelect<Element>(_ items: inout [Element], _ k: Int, greater: (Element, Element) -> Bool) {
    var (left, right) = (0, items.count - 1)
    while true {
        if right <= left { return }
        if right == left + 1 {
            if greater(items[left], items[right]) { items.swapAt(left, right) }
            return
        }
        items.swapAt((left + right) >> 1, left + 1)
        if greater(items[left + 1], items[right]) { items.swapAt(left + 1, right) }
        if greater(items[left], items[right]) { items.swapAt(left, right) }
        if greater(items[left + 1], items[left]) { items.swapAt(left + 1, left) }
        var (i, j) = (left + 1, right)
        let pivot = items[left]
        while true {
            repeat { i += 1 } while greater(pivot, items[i])
            repeat { j -= 1 } while greater(items[j], pivot)
            if j < i { break }
            items.swapAt(i, j)
        }
        items.swapAt(left, j)
        if j <= k { left = i }
        if j >= k { right = j - 1 }
    }
}
