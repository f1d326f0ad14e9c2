import XCTest
@testable import GradREPL

final class HistoryFileTests: XCTestCase {
    /// A fresh temporary directory (mkdtemp) holding `directory`, which does not exist yet.
    var parent = ""
    var directory = ""

    override func setUpWithError() throws {
        var template = Array("/tmp/grad-history-test-XXXXXX".utf8CString)
        parent = try XCTUnwrap(template.withUnsafeMutableBufferPointer { mkdtemp($0.baseAddress!) }.map { String(cString: $0) })
        directory = parent + "/home"
    }

    override func tearDown() {
        _ = system("rm -rf '\(parent)'")
    }

    func testEntriesRoundTripThroughTheFile() {
        let file = HistoryFile(path: directory + "/state/grad/history")
        XCTAssertEqual(file.load(), [], "a missing file is an empty history")
        let entries = ["x = 1", "for i in y:\n    print(i)", "s = 'a\\nb'", "t = '\tü✓'"]
        for entry in entries { XCTAssertTrue(file.append(entry)) }
        XCTAssertEqual(file.load(), entries)
    }

    func testCorruptFileIsReadAsFarAsItMakesSense() throws {
        mkdir(directory, 0o700)
        let path = directory + "/history"
        try "good = 1\n\u{0}\u{1}binary\u{7F}junk\nalso_good\\n    = 2\n\\\n\n".write(toFile: path)
        var bytes: [UInt8] = [0xFF, 0xFE, 0x0A]
        let descriptor = open(path, O_WRONLY | O_APPEND)
        _ = write(descriptor, &bytes, bytes.count)
        close(descriptor)
        XCTAssertEqual(HistoryFile(path: path).load(), ["good = 1", "also_good\n    = 2", "\\"])
    }

    func testUnreadableOrUnwritablePathIsNoHistory() {
        mkdir(directory, 0o700)
        let file = HistoryFile(path: directory)  // a directory: neither readable nor writable as a file
        XCTAssertEqual(file.load(), [])
        XCTAssertFalse(file.append("x = 1"))
    }

    func testFileIsTrimmedWhenItGrowsTooLong() {
        let file = HistoryFile(path: directory + "/history", limit: 3)
        for i in 0..<7 { file.append("e\(i)") }
        XCTAssertEqual(file.load(), ["e4", "e5", "e6"])
        XCTAssertEqual(HistoryFile(path: file.path, limit: 100).load(), ["e4", "e5", "e6"], "rewritten on disk")
    }

    func testOnlyTheTailOfAHugeFileIsRead() throws {
        mkdir(directory, 0o700)
        let path = directory + "/history"
        // A sparse 35 GB file (NUL bytes, which read as junk lines) with two entries at its end.
        let descriptor = open(path, O_WRONLY | O_CREAT, 0o600)
        XCTAssertEqual(ftruncate(descriptor, 35_000_000_000), 0)
        XCTAssertEqual(lseek(descriptor, 0, SEEK_END), 35_000_000_000)
        var tail = Array("\nfirst = 1\nsecond = 2\n".utf8)
        XCTAssertEqual(write(descriptor, &tail, tail.count), tail.count)
        close(descriptor)
        XCTAssertEqual(HistoryFile(path: path).load(), ["first = 1", "second = 2"])
        XCTAssertEqual(HistoryFile(path: path).load(), ["first = 1", "second = 2"], "rewritten small")
        var info = stat()
        XCTAssertEqual(stat(path, &info), 0)
        XCTAssertEqual(info.st_size, 21)
    }

    func testEndlessOrUnwritableDevicesAreNoHistory() {
        XCTAssertEqual(HistoryFile(path: "/dev/zero").load(), [])
        XCTAssertEqual(HistoryFile(path: "/dev/full").load(), [])
        XCTAssertFalse(HistoryFile(path: "/dev/full").append("x = 1"), "no space left on device")
    }

    func testDefaultPath() {
        func path(_ variables: [String: String]) -> String? { HistoryFile.defaultPath { variables[$0] } }
        XCTAssertEqual(path(["GRAD_HISTORY": "/h/file", "HOME": "/home/u"]), "/h/file")
        XCTAssertNil(path(["GRAD_HISTORY": "", "HOME": "/home/u"]), "empty GRAD_HISTORY turns history off")
        XCTAssertEqual(path(["XDG_STATE_HOME": "/state", "HOME": "/home/u"]), "/state/grad/history")
        XCTAssertEqual(path(["XDG_STATE_HOME": "relative", "HOME": "/home/u"]), "/home/u/.local/state/grad/history")
        XCTAssertEqual(path(["HOME": "/home/u"]), "/home/u/.local/state/grad/history")
        XCTAssertNil(path([:]))
    }
}
