import Foundation

/// Reads raw little-endian float64 files written by numpy's `ndarray.tofile`.
enum BinaryFile {
    static func doubles(_ path: String, count: Int) throws -> [Double] {
        let handle = try FileHandle(forReadingFrom: URL(fileURLWithPath: path))
        defer { try? handle.close() }
        var result = [Double](repeating: 0, count: count)
        let bytes = count * MemoryLayout<Double>.stride
        let read = try result.withUnsafeMutableBytes { buffer -> Int in
            var offset = 0
            while offset < bytes {
                guard let chunk = try handle.read(upToCount: min(64 << 20, bytes - offset)), !chunk.isEmpty else { break }
                chunk.copyBytes(to: UnsafeMutableRawBufferPointer(rebasing: buffer[offset..<(offset + chunk.count)]))
                offset += chunk.count
            }
            return offset
        }
        guard read == bytes else { throw CocoaError(.fileReadCorruptFile) }
        return result
    }
}

/// Wall-clock timing and the median of repeats.
enum Timing {
    static func seconds(_ body: () async -> Void) async -> Double {
        let clock = ContinuousClock()
        let elapsed = await clock.measure { await body() }
        return Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) * 1e-18
    }

    static func median(_ values: [Double]) -> Double {
        let sorted = values.sorted()
        return sorted.count % 2 == 1 ? sorted[sorted.count / 2] : (sorted[sorted.count / 2 - 1] + sorted[sorted.count / 2]) / 2
    }

    static func json(_ fields: [(String, Any)]) -> String {
        let parts = fields.map { key, value -> String in
            switch value {
            case let s as String: return "\"\(key)\": \"\(s)\""
            case let a as [Int]: return "\"\(key)\": [\(a.map(String.init).joined(separator: ", "))]"
            case let a as [Double]: return "\"\(key)\": [\(a.map { String(format: "%.6f", $0) }.joined(separator: ", "))]"
            case let d as Double: return "\"\(key)\": \(String(format: "%.6f", d))"
            default: return "\"\(key)\": \(value)"
            }
        }
        return "{" + parts.joined(separator: ", ") + "}"
    }
}
