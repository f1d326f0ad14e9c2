/// The runs of a contiguous row-major layout along one dimension: the scans, sorts and
/// selections along `dim` each visit every run once.
struct RunsAlong {
    /// Elements per run (the size of the dimension; 1 for a 0-dim tensor).
    let length: Int
    /// The distance between neighbours of a run (the product of the later sizes).
    let stride: Int
    private let outer: Int

    init(shape: [Int], dim: Int) {
        length = shape.isEmpty ? 1 : shape[dim]
        stride = shape.isEmpty ? 1 : shape[(dim + 1)...].reduce(1, *)
        outer = length == 0 || stride == 0 ? 0 : Shape.count(shape) / (length * stride)
    }

    /// `body(start)` for each run, `start` being the offset of its first element.
    func forEach(_ body: (Int) -> Void) {
        for o in 0..<outer {
            for i in 0..<stride { body(o &* length &* stride &+ i) }
        }
    }
}
