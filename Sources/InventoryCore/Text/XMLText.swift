/// Text inside XML or HTML (element content and double-quoted attribute values): `&`, `<`, `>` and
/// `"` as entities — one home for the SVG drawings of the pages and of the process maps.
public enum XMLText {
    /// `text` with `&`, `<`, `>` and `"` escaped.
    public static func escaped(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for c in text {
            switch c {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            default: out.append(c)
            }
        }
        return out
    }
}
