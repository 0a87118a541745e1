/// Finds an object key that a JSON text has twice — which Foundation's `JSONDecoder` accepts,
/// silently keeping the last (RFC 8259 §4 only says names "SHOULD be unique"; a program upstream
/// may have read the first). Keys are compared as the decoder will see them: unescaped (`"re\u0061son"`
/// is `reason`) and converted from snake case (`item_id` and `itemId` are one field).
///
/// A scan, not a parser: it walks the text once with an explicit stack (no recursion, so any depth
/// is safe) and leaves every other error to the decoder.
enum DuplicateKeyCheck {
    private enum Container {
        case object(keys: [String: String], expectingKey: Bool)
        case array
    }

    /// The first duplicate, as `(key as sent, the earlier spelling)`, or `nil`.
    static func firstDuplicate(in bytes: some Collection<UInt8>) -> (key: String, earlier: String)? {
        let text = Array(bytes)
        var stack: [Container] = []
        var i = 0
        while i < text.count {
            let byte = text[i]
            switch byte {
            case UInt8(ascii: "{"):
                stack.append(.object(keys: [:], expectingKey: true))
            case UInt8(ascii: "["):
                stack.append(.array)
            case UInt8(ascii: "}"), UInt8(ascii: "]"):
                _ = stack.popLast()
            case UInt8(ascii: ","):
                if case .object(let keys, _) = stack.last { stack[stack.count - 1] = .object(keys: keys, expectingKey: true) }
            case UInt8(ascii: "\""):
                guard let (string, end) = readString(text, from: i) else { return nil }
                i = end
                if case .object(var keys, true) = stack.last {
                    let field = snakeToCamel(string)
                    if let earlier = keys[field] { return (string, earlier) }
                    keys[field] = string
                    stack[stack.count - 1] = .object(keys: keys, expectingKey: false)
                }
                continue
            default:
                break
            }
            i += 1
        }
        return nil
    }

    /// The string starting at the quote at `start`, unescaped, and the index after its closing quote.
    private static func readString(_ text: [UInt8], from start: Int) -> (String, Int)? {
        var scalars = String.UnicodeScalarView()
        var bytes: [UInt8] = []
        func flush() {
            scalars.append(contentsOf: String(decoding: bytes, as: UTF8.self).unicodeScalars)
            bytes.removeAll()
        }
        var i = start + 1
        var pendingHigh: UInt32? = nil
        while i < text.count {
            let byte = text[i]
            if byte == UInt8(ascii: "\"") {
                flush()
                return (String(scalars), i + 1)
            }
            guard byte == UInt8(ascii: "\\") else {
                bytes.append(byte)
                i += 1
                continue
            }
            guard i + 1 < text.count else { return nil }
            flush()
            let escape = text[i + 1]
            i += 2
            switch escape {
            case UInt8(ascii: "b"): scalars.append("\u{8}")
            case UInt8(ascii: "f"): scalars.append("\u{C}")
            case UInt8(ascii: "n"): scalars.append("\n")
            case UInt8(ascii: "r"): scalars.append("\r")
            case UInt8(ascii: "t"): scalars.append("\t")
            case UInt8(ascii: "u"):
                guard i + 4 <= text.count, let unit = UInt32(String(decoding: text[i..<(i + 4)], as: UTF8.self), radix: 16) else {
                    return nil
                }
                i += 4
                if (0xD800...0xDBFF).contains(unit) {
                    pendingHigh = unit
                    continue
                }
                if (0xDC00...0xDFFF).contains(unit), let high = pendingHigh {
                    let value = 0x10000 + ((high - 0xD800) << 10) + (unit - 0xDC00)
                    scalars.append(Unicode.Scalar(value) ?? "\u{FFFD}")
                } else {
                    scalars.append(Unicode.Scalar(unit) ?? "\u{FFFD}")
                }
            default: scalars.append(Unicode.Scalar(escape))
            }
            pendingHigh = nil
        }
        return nil
    }

    /// Foundation's `convertFromSnakeCase`: `item_id` → `itemId`, leading and trailing underscores kept.
    static func snakeToCamel(_ key: String) -> String {
        guard let first = key.firstIndex(where: { $0 != "_" }) else { return key }
        var last = key.index(before: key.endIndex)
        while last > first && key[last] == "_" { last = key.index(before: last) }
        let core = key[first...last]
        let components = core.split(separator: "_")
        guard components.count > 1 else { return key }
        let joined =
            ([components[0].lowercased()] + components.dropFirst().map { $0.prefix(1).uppercased() + $0.dropFirst().lowercased() })
            .joined()
        return String(key[..<first]) + joined + String(key[key.index(after: last)...])
    }
}
