import XCTest
import GradTensor

/// MT19937 against its authors' reference outputs (mt19937ar.out) and C++'s `std::mt19937`
/// requirement (the 10000th output of the default seed 5489 is 4123659995).
final class MersenneTwisterTests: XCTestCase {
    func testInitGenrandDefaultSeed() {
        var mt = MersenneTwister(seed: 5489)
        XCTAssertEqual(mt.next(), 3_499_211_612)
        for _ in 0..<9998 { _ = mt.next() }
        XCTAssertEqual(mt.next(), 4_123_659_995)
    }

    func testInitByArrayReferenceOutputs() {
        var mt = MersenneTwister(key: [0x123, 0x234, 0x345, 0x456])
        XCTAssertEqual((0..<5).map { _ in mt.next() }, [1_067_595_299, 955_945_823, 477_289_528, 4_107_218_783, 4_228_976_476])
    }

    func testRestoredStateContinuesTheStream() throws {
        var mt = MersenneTwister(seed: 42)
        for _ in 0..<700 { _ = mt.next() }
        var copy = try XCTUnwrap(MersenneTwister(words: mt.words, index: mt.index))
        XCTAssertEqual((0..<1000).map { _ in mt.next() }, (0..<1000).map { _ in copy.next() })
        XCTAssertNil(MersenneTwister(words: mt.words, index: 625))
        XCTAssertNil(MersenneTwister(words: [1, 2], index: 0))
    }

    func testDoublesAreHalfOpenWith53Bits() {
        var mt = MersenneTwister(seed: 1)
        for _ in 0..<10_000 {
            let u = mt.nextDouble()
            XCTAssert(u >= 0 && u < 1)
            XCTAssertEqual(u * 9_007_199_254_740_992, (u * 9_007_199_254_740_992).rounded())
        }
    }
}
