import CMemoryReserve
import Foundation
import XCTest

#if canImport(Glibc)
import Glibc
#endif

/// The `grad` executable's malloc family (CMemoryReserve), which this target links into the test
/// binary: every test of every target runs over it, and these check its small blocks directly,
/// through the standard functions only (a block of up to 512 bytes reports its 16-byte size
/// class as its usable size, which glibc's does not).
final class SmallBlocksTests: XCTestCase {
    override func setUpWithError() throws {
        try XCTSkipUnless(grad_allocation_functions_defined(), "a sanitizer's allocation functions serve every block")
    }

    /// What a block of `size` bytes holds: bytes that differ from block to block.
    private func fill(_ block: UnsafeMutableRawPointer, _ size: Int, seed: Int) {
        for i in 0..<size { block.storeBytes(of: UInt8(truncatingIfNeeded: seed &* 31 &+ i), toByteOffset: i, as: UInt8.self) }
    }

    private func holds(_ block: UnsafeRawPointer, _ size: Int, seed: Int) -> Bool {
        (0..<size).allSatisfy { block.load(fromByteOffset: $0, as: UInt8.self) == UInt8(truncatingIfNeeded: seed &* 31 &+ $0) }
    }

    func testSizesAlignmentAndContents() throws {
        var blocks: [(UnsafeMutableRawPointer, Int)] = []
        for round in 0..<3 {
            for size in 0...600 {
                let block = try XCTUnwrap(malloc(size))
                XCTAssertEqual(Int(bitPattern: block) % 16, 0, "size \(size)")
                let usable = malloc_usable_size(block)
                if size <= 512 {
                    XCTAssertEqual(usable, max(16, (size + 15) / 16 * 16), "size \(size)")
                } else {
                    XCTAssertGreaterThanOrEqual(usable, size)
                }
                fill(block, usable, seed: size + round)
                blocks.append((block, size + round))
            }
            // Freed in an order unlike the allocation's, half of them, then refilled.
            var generator = SystemRandomNumberGenerator()
            blocks.shuffle(using: &generator)
            for (block, seed) in blocks.suffix(blocks.count / 2) {
                XCTAssertTrue(holds(block, malloc_usable_size(block), seed: seed))
                free(block)
            }
            blocks.removeLast(blocks.count / 2)
        }
        for (block, seed) in blocks {
            XCTAssertTrue(holds(block, malloc_usable_size(block), seed: seed))
            free(block)
        }
    }

    func testReallocKeepsContentsAcrossTheLimit() throws {
        var block = try XCTUnwrap(malloc(1))
        block.storeBytes(of: 7, as: UInt8.self)
        var size = 1
        for next in [8, 17, 100, 512, 513, 4000, 300, 40, 2] {
            let grown = try XCTUnwrap(realloc(block, next))
            let kept = min(size, next)
            for i in 1..<kept { XCTAssertEqual(grown.load(fromByteOffset: i, as: UInt8.self), UInt8(truncatingIfNeeded: i), "\(size) to \(next)") }
            XCTAssertEqual(grown.load(as: UInt8.self), 7)
            for i in 1..<next { grown.storeBytes(of: UInt8(truncatingIfNeeded: i), toByteOffset: i, as: UInt8.self) }
            (block, size) = (grown, next)
        }
        XCTAssertNil(realloc(block, 0), "realloc(p, 0) frees p")
    }

    func testCallocZeroesReusedBlocks() throws {
        let dirty = try XCTUnwrap(malloc(64))
        memset(dirty, 0xFF, 64)
        free(dirty)
        let clean = try XCTUnwrap(calloc(4, 16))
        XCTAssertTrue((0..<64).allSatisfy { clean.load(fromByteOffset: $0, as: UInt8.self) == 0 })
        free(clean)
        XCTAssertNil(calloc(Int.max / 2, 4), "a count times size that overflows")
    }

    /// Blocks made on one thread and freed on others, concurrently, while those threads make and
    /// free their own; then threads that end with blocks still out, freed after they are gone.
    func testBlocksFreedOnOtherThreads() throws {
        let threads = 4, perThread = 20_000
        let handOff = HandOff(count: threads)
        @Sendable func size(_ i: Int, madeBy t: Int) -> Int { (i * 7 + t * 13) % 500 + 1 }
        runThreads((0..<threads).map { t in
            {
                var mine: [UInt] = []
                for i in 0..<perThread {
                    guard let block = malloc(size(i, madeBy: t)) else { return handOff.corrupt() }
                    memset(block, Int32(t + 1), size(i, madeBy: t))
                    mine.append(UInt(bitPattern: block))
                    if i % 3 == 0, let own = malloc(size(i, madeBy: t)) { free(own) }
                }
                handOff.put(mine, from: t)
                // The next thread's blocks, checked and freed here while it frees another's.
                let next = (t + 1) % threads
                for (i, address) in handOff.take(from: next).enumerated() {
                    let block = UnsafeMutableRawPointer(bitPattern: address)!
                    let last = block.load(fromByteOffset: size(i, madeBy: next) - 1, as: UInt8.self)
                    if last != UInt8(next + 1) { handOff.corrupt() }
                    free(block)
                }
            }
        })
        XCTAssertFalse(handOff.sawCorruption)
        // Threads that end with their blocks out: freed here, after each thread is gone.
        let leftOver = Locked<[UInt]>([])
        for _ in 0..<20 {
            runThreads([{
                var blocks: [UInt] = []
                for size in 1...300 { if let block = malloc(size) { blocks.append(UInt(bitPattern: block)) } }
                leftOver.append(contentsOf: blocks)
            }])
        }
        XCTAssertEqual(leftOver.value.count, 20 * 300)
        for address in leftOver.value { free(UnsafeMutableRawPointer(bitPattern: address)) }
        // And this thread still allocates as before.
        let block = try XCTUnwrap(malloc(48))
        XCTAssertEqual(malloc_usable_size(block), 48)
        free(block)
    }

    /// Arenas whose blocks are all freed are unmapped but for the 16 a thread keeps for reuse, and
    /// those when asked (as the allocation functions ask before they fail): the address space comes
    /// back. The blocks' addresses are kept in a mapping of the test's own, not a Swift array: glibc
    /// serves an array that large from its heap once earlier tests have raised its mmap threshold,
    /// and keeps that heap mapped after the array is freed, which is glibc's doing, not the arenas'.
    func testFreedArenasGiveBackAddressSpace() throws {
        let count = 1_000_000, listBytes = count * MemoryLayout<UnsafeMutableRawPointer>.stride
        let mapped = mmap(nil, listBytes, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0)
        guard let mapped, mapped != MAP_FAILED else { throw XCTSkip("no address space for the list of blocks") }
        defer { munmap(mapped, listBytes) }
        let blocks = mapped.bindMemory(to: UnsafeMutableRawPointer.self, capacity: count)
        _ = grad_release_spare_arenas()
        let before = try virtualSize()
        for i in 0..<count { blocks[i] = try XCTUnwrap(malloc(64)) }
        let filled = try virtualSize()
        XCTAssertGreaterThan(filled - before, 60_000_000, "a million 64-byte blocks")
        for i in 0..<count { free(blocks[i]) }
        let kept = try virtualSize()
        XCTAssertLessThan(kept - before, 20_000_000, "left mapped after freeing them, beyond the spares")
        // The next million reuse the spares before mapping more.
        for i in 0..<count { blocks[i] = try XCTUnwrap(malloc(64)) }
        XCTAssertEqual(try virtualSize() - before, filled - before, accuracy: 4_000_000)
        for i in 0..<count { free(blocks[i]) }
        XCTAssertTrue(grad_release_spare_arenas())
        XCTAssertLessThan(try virtualSize() - before, 4_000_000, "left mapped after the spares were released")
        XCTAssertFalse(grad_release_spare_arenas(), "none left")
    }

    private func virtualSize() throws -> Int {
        let status = try String(contentsOfFile: "/proc/self/status", encoding: .utf8)
        let line = try XCTUnwrap(status.split(separator: "\n").first { $0.hasPrefix("VmSize:") })
        return try XCTUnwrap(Int(line.split(separator: " ", omittingEmptySubsequences: true)[1])) * 1024
    }
}

/// A value shared by threads, behind a lock.
private final class Locked<Value>: @unchecked Sendable {
    private let lock = NSLock()
    private var stored: Value
    init(_ value: Value) { stored = value }
    var value: Value { lock.withLock { stored } }
    func append<Element>(contentsOf more: [Element]) where Value == [Element] { lock.withLock { stored += more } }
}

/// Runs each body on a thread of its own, all at once, and returns when every one has ended.
private func runThreads(_ bodies: [@Sendable () -> Void]) {
    let threads = bodies.map { body -> pthread_t in
        var thread = pthread_t()
        let context = Unmanaged.passRetained(Body(body)).toOpaque()
        let status = pthread_create(&thread, nil, { context in
            Unmanaged<Body>.fromOpaque(context!).takeRetainedValue().run()
            return nil
        }, context)
        precondition(status == 0, "pthread_create failed: \(status)")
        return thread
    }
    for thread in threads { pthread_join(thread, nil) }
}

private final class Body: @unchecked Sendable {
    let run: @Sendable () -> Void
    init(_ run: @escaping @Sendable () -> Void) { self.run = run }
}

/// Per thread, the addresses of the blocks it made, for another thread to take once they are there.
private final class HandOff: @unchecked Sendable {
    private let condition = NSCondition()
    private var lists: [[UInt]?]
    private(set) var sawCorruption = false

    init(count: Int) { lists = Array(repeating: nil, count: count) }

    func put(_ list: [UInt], from thread: Int) {
        condition.withLock {
            lists[thread] = list
            condition.broadcast()
        }
    }

    func take(from thread: Int) -> [UInt] {
        condition.withLock {
            while lists[thread] == nil { condition.wait() }
            return lists[thread]!
        }
    }

    func corrupt() { condition.withLock { sawCorruption = true } }
}
