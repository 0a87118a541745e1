/// The keys of one master-data file (items, locations or suppliers), interned to snapshot indexes.
///
/// When the file is absent (locations and suppliers are optional), the registry is *implicit*:
/// a key is added the first time another file names it. When the file is present but unusable
/// (missing column, malformed header), references to it are not checked, so that one broken file
/// does not bury its own errors under thousands of follow-on "unknown item" errors.
struct Registry: Sendable {
    /// The file the keys come from.
    let file: DataFolderFile
    /// How a reference is described in messages: `an item_id listed in items.csv`.
    let expected: String
    /// Interned keys; index = snapshot index.
    var keys = KeyTable()
    /// Keys are added on first use (the file is absent).
    var isImplicit = false
    /// References are not checked (the file could not be read).
    var isUnchecked = false

    init(file: DataFolderFile, expected: String) {
        self.file = file
        self.expected = expected
    }

    var count: Int { keys.count }
}
