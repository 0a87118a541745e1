import Foundation
import InventoryCore

/// A CSV file written row by row through a 1 MiB buffer (a struct, so access to the buffer is
/// checked at compile time, not at run time): RFC 4180 quoting where a field needs it
/// (comma, double quote, CR or LF inside), `\n` line ends, numbers in a fixed format (`.` as
/// decimal separator, no grouping, no exponent, trailing zeros dropped) whatever the locale.
struct DemoCSVFile {
    let name: String
    private let handle: FileHandle
    private let path: String
    private var buffer: [UInt8] = []
    private var atRowStart = true
    /// Data rows written (the header not counted).
    private(set) var rows = 0

    /// Creates (or truncates) `directory/name` and writes the header.
    init(directory: URL, name: String, header: [String]) throws(DemoDataError) {
        self.name = name
        let url = directory.appendingPathComponent(name)
        self.path = url.path
        guard FileManager.default.createFile(atPath: url.path, contents: nil) else {
            throw DemoDataError(code: .writeFailed, message: "cannot create \(url.path): check that the folder is writable")
        }
        do {
            handle = try FileHandle(forWritingTo: url)
        } catch {
            throw DemoDataError(code: .writeFailed, message: "cannot open \(url.path) for writing: \(error.localizedDescription)")
        }
        buffer.reserveCapacity(1 << 20)
        for column in header { field(column) }
        atRowStart = true
        buffer.append(UInt8(ascii: "\n"))
    }

    private mutating func separate() {
        if atRowStart { atRowStart = false } else { buffer.append(UInt8(ascii: ",")) }
    }

    /// A text field, quoted when it holds a comma, a double quote, CR or LF.
    mutating func field(_ text: String) {
        separate()
        let utf8 = text.utf8
        let needsQuotes = utf8.contains { $0 == 0x2C || $0 == 0x22 || $0 == 0x0A || $0 == 0x0D }
        if !needsQuotes {
            buffer.append(contentsOf: utf8)
            return
        }
        buffer.append(0x22)
        for byte in utf8 {
            if byte == 0x22 { buffer.append(0x22) }
            buffer.append(byte)
        }
        buffer.append(0x22)
    }

    /// A field from bytes known not to need quoting (keys).
    mutating func field(bytes: [UInt8]) {
        separate()
        buffer.append(contentsOf: bytes)
    }

    /// An empty field.
    mutating func empty() { separate() }

    /// An integer.
    mutating func field(_ value: Int64) {
        separate()
        appendInteger(value)
    }

    /// A quantity in ticks (`value / 10^decimals`), trailing zeros dropped.
    mutating func field(ticks value: Int64, decimals: Int) {
        separate()
        appendScaled(value, decimals: decimals)
    }

    /// A number rounded to at most `decimals` decimals, trailing zeros dropped.
    mutating func field(_ value: Double, decimals: Int) {
        separate()
        var scale = 1.0
        for _ in 0..<decimals { scale *= 10 }
        appendScaled(Int64((value * scale).rounded()), decimals: decimals)
    }

    /// A date `YYYY-MM-DD`.
    mutating func field(_ day: Day) {
        separate()
        let (year, month, dayOfMonth) = day.components
        appendDigits(year, width: 4)
        buffer.append(UInt8(ascii: "-"))
        appendDigits(month, width: 2)
        buffer.append(UInt8(ascii: "-"))
        appendDigits(dayOfMonth, width: 2)
    }

    /// Ends the row; flushes the buffer when it is full.
    mutating func endRow() throws(DemoDataError) {
        buffer.append(UInt8(ascii: "\n"))
        atRowStart = true
        rows += 1
        if buffer.count >= 1 << 20 { try flush() }
    }

    /// Writes what is buffered.
    mutating func flush() throws(DemoDataError) {
        guard !buffer.isEmpty else { return }
        do {
            try handle.write(contentsOf: buffer)
        } catch {
            throw DemoDataError(code: .writeFailed, message: "cannot write \(path): \(error.localizedDescription)")
        }
        buffer.removeAll(keepingCapacity: true)
    }

    /// Flushes and closes the file.
    mutating func close() throws(DemoDataError) {
        try flush()
        do {
            try handle.close()
        } catch {
            throw DemoDataError(code: .writeFailed, message: "cannot close \(path): \(error.localizedDescription)")
        }
    }

    private mutating func appendScaled(_ value: Int64, decimals: Int) {
        var power: Int64 = 1
        for _ in 0..<decimals { power *= 10 }
        let magnitude = value.magnitude
        if value < 0 { buffer.append(UInt8(ascii: "-")) }
        appendInteger(Int64(magnitude / UInt64(power)))
        var fraction = Int64(magnitude % UInt64(power))
        guard fraction > 0 else { return }
        var digits = decimals
        while fraction % 10 == 0 {
            fraction /= 10
            digits -= 1
        }
        buffer.append(UInt8(ascii: "."))
        appendDigits(Int(fraction), width: digits)
    }

    private mutating func appendInteger(_ value: Int64) {
        if value < 0 { buffer.append(UInt8(ascii: "-")) }
        var magnitude = value.magnitude
        let start = buffer.count
        repeat {
            buffer.append(UInt8(ascii: "0") + UInt8(magnitude % 10))
            magnitude /= 10
        } while magnitude > 0
        buffer[start...].reverse()
    }

    private mutating func appendDigits(_ value: Int, width: Int) {
        var divisor = 1
        for _ in 1..<max(1, width) { divisor *= 10 }
        var rest = value
        while divisor > 0 {
            buffer.append(UInt8(ascii: "0") + UInt8((rest / divisor) % 10))
            rest %= divisor
            divisor /= 10
        }
    }
}
