/// Text helpers for CSV byte slices.
enum ByteText {
    /// The bytes as a `String` if they are valid UTF-8.
    static func string(_ bytes: UnsafeBufferPointer<UInt8>) -> String? {
        var ascii = true
        for byte in bytes where byte >= 0x80 {
            ascii = false
            break
        }
        if ascii { return String(decoding: bytes, as: UTF8.self) }
        return String(validating: bytes, as: UTF8.self)
    }

    /// The bytes as text for a message (invalid UTF-8 shown as U+FFFD), line breaks escaped, long
    /// values shortened.
    static func display(_ bytes: UnsafeBufferPointer<UInt8>) -> String {
        ImportIssue.display(String(decoding: bytes, as: UTF8.self))
    }

    /// Whether the bytes equal `text` ignoring ASCII case.
    static func equalsIgnoringCase(_ bytes: UnsafeBufferPointer<UInt8>, _ text: StaticString) -> Bool {
        guard bytes.count == text.utf8CodeUnitCount else { return false }
        let other = text.utf8Start
        for i in 0..<bytes.count where lowered(bytes[i]) != lowered(other[i]) { return false }
        return true
    }

    /// Whether the bytes equal `text` ignoring ASCII case.
    static func equalsIgnoringCase(_ bytes: UnsafeBufferPointer<UInt8>, _ text: String) -> Bool {
        var copy = text
        return copy.withUTF8 { other in
            guard bytes.count == other.count else { return false }
            for i in 0..<bytes.count where lowered(bytes[i]) != lowered(other[i]) { return false }
            return true
        }
    }

    @inline(__always)
    static func lowered(_ byte: UInt8) -> UInt8 {
        byte >= 0x41 && byte <= 0x5A ? byte | 0x20 : byte
    }

    /// Whether the bytes are empty or only spaces and tabs.
    static func isBlank(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        ByteNumber.trimmed(bytes).isEmpty
    }
}
