/// A zlib stream (RFC 1950) of one deflate block with the fixed Huffman codes (RFC 1951 §3.2.6):
/// greedy LZ77 matches against the last place the next three bytes were seen, the previous pixel
/// and the pixel above, which is what a plot's runs of background and straight lines need.
struct Deflate {
    /// Bytes between vertically adjacent pixels (a PNG row with its filter byte).
    let rowStride: Int

    func zlib(_ data: [UInt8]) -> [UInt8] {
        var bits = BitWriter()
        bits.bytes = [0x78, 0x01]
        bits.write(1, count: 1)  // the last block
        bits.write(1, count: 2)  // fixed Huffman codes
        var head = [Int](repeating: -1, count: 1 << 15)
        var position = 0
        while position < data.count {
            var best = (length: 0, distance: 0)
            if position + 2 < data.count {
                let hash = Deflate.hash(data, position)
                var candidates = [position - 3, position - rowStride]
                if head[hash] >= 0 { candidates.append(head[hash]) }
                for start in candidates where start >= 0 && position - start <= 32_768 && start < position {
                    var length = 0
                    while length < 258, position + length < data.count, data[start + length] == data[position + length] { length += 1 }
                    if length > best.length { best = (length, position - start) }
                }
                head[hash] = position
            }
            if best.length >= 3 {
                writeLength(best.length, &bits)
                writeDistance(best.distance, &bits)
                // Remember the positions a long match skipped, sparsely (every 16th), to stay fast.
                var skipped = position + 16
                while skipped < position + best.length && skipped + 2 < data.count {
                    head[Deflate.hash(data, skipped)] = skipped
                    skipped += 16
                }
                position += best.length
            } else {
                writeLiteral(Int(data[position]), &bits)
                position += 1
            }
        }
        writeLiteral(256, &bits)  // end of block
        bits.flush()
        let adler = Checksums.adler32(data)
        return bits.bytes + [UInt8(adler >> 24), UInt8(adler >> 16 & 0xff), UInt8(adler >> 8 & 0xff), UInt8(adler & 0xff)]
    }

    private static func hash(_ data: [UInt8], _ i: Int) -> Int {
        (Int(data[i]) << 10 ^ Int(data[i + 1]) << 5 ^ Int(data[i + 2])) & 0x7fff
    }

    /// The fixed code of a literal/length symbol, written most significant bit first.
    private func writeLiteral(_ symbol: Int, _ bits: inout BitWriter) {
        switch symbol {
        case 0...143: bits.writeCode(0x30 + symbol, count: 8)
        case 144...255: bits.writeCode(0x190 + symbol - 144, count: 9)
        case 256...279: bits.writeCode(symbol - 256, count: 7)
        default: bits.writeCode(0xC0 + symbol - 280, count: 8)
        }
    }

    private static let lengthBases = [3, 4, 5, 6, 7, 8, 9, 10, 11, 13, 15, 17, 19, 23, 27, 31, 35, 43, 51, 59,
                                      67, 83, 99, 115, 131, 163, 195, 227, 258]
    private static let lengthExtra = [0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2, 2, 3, 3, 3, 3, 4, 4, 4, 4, 5, 5, 5, 5, 0]
    private static let distanceBases = [1, 2, 3, 4, 5, 7, 9, 13, 17, 25, 33, 49, 65, 97, 129, 193, 257, 385, 513, 769,
                                        1025, 1537, 2049, 3073, 4097, 6145, 8193, 12289, 16385, 24577]
    private static let distanceExtra = [0, 0, 0, 0, 1, 1, 2, 2, 3, 3, 4, 4, 5, 5, 6, 6, 7, 7, 8, 8, 9, 9, 10, 10, 11, 11,
                                        12, 12, 13, 13]

    private func writeLength(_ length: Int, _ bits: inout BitWriter) {
        let code = (Deflate.lengthBases.lastIndex { $0 <= length }) ?? 0
        writeLiteral(257 + code, &bits)
        bits.write(length - Deflate.lengthBases[code], count: Deflate.lengthExtra[code])
    }

    private func writeDistance(_ distance: Int, _ bits: inout BitWriter) {
        let code = (Deflate.distanceBases.lastIndex { $0 <= distance }) ?? 0
        bits.writeCode(code, count: 5)
        bits.write(distance - Deflate.distanceBases[code], count: Deflate.distanceExtra[code])
    }
}

/// Bits packed into bytes least significant first, as deflate stores them.
private struct BitWriter {
    var bytes: [UInt8] = []
    private var buffer = 0
    private var used = 0

    /// `value`'s low `count` bits, least significant first (deflate's extra bits and headers).
    mutating func write(_ value: Int, count: Int) {
        buffer |= value << used
        used += count
        while used >= 8 {
            bytes.append(UInt8(buffer & 0xff))
            buffer >>= 8
            used -= 8
        }
    }

    /// A Huffman code, most significant bit first.
    mutating func writeCode(_ code: Int, count: Int) {
        var reversed = 0
        for i in 0..<count where code & (1 << i) != 0 { reversed |= 1 << (count - 1 - i) }
        write(reversed, count: count)
    }

    mutating func flush() {
        if used > 0 { bytes.append(UInt8(buffer & 0xff)) }
        buffer = 0
        used = 0
    }
}
