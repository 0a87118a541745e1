import Foundation

/// Reads raw little-endian files written by numpy's `ndarray.tofile` (float64, int32, …).
enum BinaryFile {
    static func doubles(_ path: String, count: Int) throws -> [Double] {
        try values(path, count: count, as: Double.self)
    }

    static func values<T: BitwiseCopyable>(_ path: String, count: Int, as type: T.Type) throws -> [T] {
        let handle = try FileHandle(forReadingFrom: URL(fileURLWithPath: path))
        defer { try? handle.close() }
        let bytes = count * MemoryLayout<T>.stride
        var read = 0
        let result = try [T](unsafeUninitializedCapacity: count) { buffer, initialized in
            let raw = UnsafeMutableRawBufferPointer(buffer)
            while read < bytes {
                guard let chunk = try handle.read(upToCount: min(64 << 20, bytes - read)), !chunk.isEmpty else { break }
                chunk.copyBytes(to: UnsafeMutableRawBufferPointer(rebasing: raw[read..<(read + chunk.count)]))
                read += chunk.count
            }
            initialized = read == bytes ? count : 0
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

    /// User + system CPU seconds of this process so far (all threads).
    static func cpuSeconds() -> Double {
        var usage = rusage()
        getrusage(RUSAGE_SELF.rawValue, &usage)
        func seconds(_ t: timeval) -> Double { Double(t.tv_sec) + Double(t.tv_usec) * 1e-6 }
        return seconds(usage.ru_utime) + seconds(usage.ru_stime)
    }

    /// The 1-minute load average (other processes competing for the cores).
    static func loadAverage() -> Double {
        var loads = [Double](repeating: 0, count: 3)
        return getloadavg(&loads, 3) > 0 ? loads[0] : .nan
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
