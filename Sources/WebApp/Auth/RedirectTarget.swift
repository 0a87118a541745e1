import Foundation

/// Where to send a browser after sign-in: only a path on this site.
///
/// Browsers remove every tab, line feed and carriage return from a URL and trim leading and
/// trailing spaces and control characters before they parse it (WHATWG URL Standard, "basic URL
/// parser"), so `/\t/evil.example` becomes the scheme-relative `//evil.example` — another site.
/// The target is therefore checked in the form the browser will see: after that clean-up it must
/// start with one `/` followed by neither `/` nor `\` (which browsers read as `/`), and contain
/// only printable ASCII without `\`; percent-decoded, it must neither start so (`/%2F/evil.example`)
/// nor hold a control character. Anything else sends the browser to `/`.
enum RedirectTarget {
    static func local(_ next: String?) -> String {
        guard let next, isLocal(next) else { return "/" }
        // Decoded, it must still be a path that starts with one slash and holds no control character.
        let decoded = next.removingPercentEncoding ?? ""
        guard !decoded.hasPrefix("//"), !decoded.hasPrefix("/\\"),
            !decoded.unicodeScalars.contains(where: { $0.value < 0x20 || $0.value == 0x7F })
        else { return "/" }
        return next
    }

    private static func isLocal(_ next: String) -> Bool {
        // What a browser would parse: no ASCII tab or newline anywhere, no C0 control or space at either end.
        var scalars = Array(next.unicodeScalars.filter { $0 != "\t" && $0 != "\n" && $0 != "\r" })
        while let first = scalars.first, first.value <= 0x20 { scalars.removeFirst() }
        while let last = scalars.last, last.value <= 0x20 { scalars.removeLast() }
        let cleaned = String(String.UnicodeScalarView(scalars))
        guard cleaned == next else { return false }  // anything the browser would rewrite is refused outright
        return next.hasPrefix("/") && !next.hasPrefix("//") && !next.hasPrefix("/\\")
            && next.unicodeScalars.allSatisfy { $0.value > 0x20 && $0.value < 0x7F && $0 != "\\" }
    }
}
