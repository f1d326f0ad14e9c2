import XCTest
@testable import GradTensor

/// Results that no storage could hold are refused with PyTorch's allocation error before anything
/// is allocated: the allocator would otherwise abort the process (found by hand: x.expand(10**10,
/// 3, 4).sum() and a (100000, 1) + (1, 1000000) broadcast killed grad).
final class AbsurdSizeTests: XCTestCase {
    func testBroadcastingPastAnyStorageIsRefused() throws {
        // torch.ones(100000, 1) + torch.ones(1, 1000000) → RuntimeError: [enforce fail at alloc_cpu.cpp:127] ...
        // you tried to allocate 400000000000 bytes. ...   (a comparison: 100000000000 bytes, bool)
        let column = try Tensor.zeros([100_000, 1]), row = try Tensor.zeros([1, 1_000_000])
        XCTAssertThrowsError(try column.add(row)) {
            XCTAssertTrue(($0 as? TorchError)?.message.contains("you tried to allocate 400000000000 bytes") ?? false, "\($0)")
        }
        XCTAssertThrowsError(try column.lt(row)) {
            XCTAssertTrue(($0 as? TorchError)?.message.contains("you tried to allocate 100000000000 bytes") ?? false, "\($0)")
        }
        XCTAssertEqual(try column.add(try Tensor.zeros([1, 3])).shape, [100_000, 3])
    }

    /// PyTorch makes the view and fails at the first op that allocates it; grad refuses the view.
    func testExpandingPastAnyStorageIsRefused() throws {
        let x = try Tensor.zeros([3, 4])
        XCTAssertThrowsError(try x.expand([10_000_000_000, 3, 4])) {
            XCTAssertTrue(($0 as? TorchError)?.message.contains("you tried to allocate 480000000000 bytes") ?? false, "\($0)")
        }
        XCTAssertEqual(try x.expand([1000, 3, 4]).shape, [1000, 3, 4])
    }
}
