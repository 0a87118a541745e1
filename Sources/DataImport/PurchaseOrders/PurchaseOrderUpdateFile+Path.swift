import Foundation

extension PurchaseOrderUpdateFile {
    /// Reads the update file at `path` (`/dev/stdin` works) in `format` (`nil`: by the name's
    /// extension, ``format(ofName:)``); messages name the file by `path`.
    ///
    /// - Throws: ``CSVDocument/Failure`` when the file cannot be read or holds errors (all of them).
    public static func read(path: String, format: Format? = nil) throws(CSVDocument.Failure) -> [PurchaseOrderUpdate] {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw CSVDocument.Failure(message: "\(path): cannot read the file — check the path")
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw CSVDocument.Failure(message: "\(path): invalid UTF-8 — expected UTF-8 text")
        }
        return try read(text: text, name: path, format: format ?? self.format(ofName: path))
    }
}
