// TODO(lead): replace with DataImport's CSV reader once the importer is on main; this small
// RFC 4180 reader only serves `procura post --file` and `procura reconcile consignment`.

/// A CSV file read whole: header names (lower-cased) and rows with their line numbers.
struct SimpleCSV {
    var header: [String]
    var rows: [(line: Int, fields: [String])]

    /// Parses RFC 4180 text: quoted fields with doubled quotes and line breaks, CRLF or LF, a BOM.
    init(text: String) {
        var records: [(Int, [String])] = []
        var field = ""
        var fields: [String] = []
        var inQuotes = false
        var line = 1
        var recordLine = 1
        var iterator = text.unicodeScalars.makeIterator()
        var pending: Unicode.Scalar? = nil
        func next() -> Unicode.Scalar? {
            if let p = pending {
                pending = nil
                return p
            }
            return iterator.next()
        }
        var sawAny = false
        while let c = next() {
            sawAny = true
            if inQuotes {
                if c == "\"" {
                    if let n = next() {
                        if n == "\"" {
                            field.unicodeScalars.append("\"")
                        } else {
                            inQuotes = false
                            pending = n
                        }
                    } else {
                        inQuotes = false
                    }
                } else {
                    if c == "\n" { line += 1 }
                    field.unicodeScalars.append(c)
                }
                continue
            }
            switch c {
            case "\"": inQuotes = true
            case ",":
                fields.append(field)
                field = ""
            case "\r": continue
            case "\n":
                fields.append(field)
                field = ""
                records.append((recordLine, fields))
                fields = []
                line += 1
                recordLine = line
            case "\u{FEFF}" where records.isEmpty && fields.isEmpty && field.isEmpty: continue
            default: field.unicodeScalars.append(c)
            }
        }
        if sawAny, !(fields.isEmpty && field.isEmpty) {
            fields.append(field)
            records.append((recordLine, fields))
        }
        records.removeAll { $0.1.count == 1 && $0.1[0].isEmpty }
        self.header = records.first?.1.map { $0.trimmingCharacters().lowercased() } ?? []
        self.rows = records.dropFirst().map { (line: $0.0, fields: $0.1) }
    }

    /// Index of a column by name.
    func column(_ name: String) -> Int? { header.firstIndex(of: name) }
}

extension String {
    func trimmingCharacters() -> String {
        var s = Substring(self)
        while let f = s.first, f == " " || f == "\t" { s.removeFirst() }
        while let l = s.last, l == " " || l == "\t" { s.removeLast() }
        return String(s)
    }
}
