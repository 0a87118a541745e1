extension ImportIssue {
    /// The stable kind of an issue, for programs that react to it (the message is for people).
    /// Codes are only ever added, never renamed.
    public struct Code: Hashable, Sendable, CustomStringConvertible {
        private enum Kind: String {
            case folderNotFound = "folder_not_found"
            case missingFile = "missing_file"
            case unreadableFile = "unreadable_file"
            case emptyFile = "empty_file"
            case noRows = "no_rows"
            case missingColumn = "missing_column"
            case unknownColumn = "unknown_column"
            case duplicateColumn = "duplicate_column"
            case malformedCSV = "malformed_csv"
            case fieldCount = "field_count"
            case invalidUTF8 = "invalid_utf8"
            case invalidValue = "invalid_value"
            case duplicateKey = "duplicate_key"
            case unknownReference = "unknown_reference"
            case successorCycle = "successor_cycle"
            case shareSum = "share_sum"
            case unknownUOM = "unknown_uom"
            case snapshotDate = "snapshot_date"
            case ignoredRow = "ignored_row"
            case invalidYAML = "invalid_yaml"
            case invalidSetting = "invalid_setting"
            case unknownSetting = "unknown_setting"
        }

        private let kind: Kind

        private init(_ kind: Kind) { self.kind = kind }

        /// The code as text, e.g. `invalid_value`.
        public var rawValue: String { kind.rawValue }
        public var description: String { kind.rawValue }

        /// The data folder does not exist or is not a folder.
        public static let folderNotFound = Code(.folderNotFound)
        /// A required file (`items.csv`, `demand.csv`) is missing.
        public static let missingFile = Code(.missingFile)
        /// A file exists but cannot be read.
        public static let unreadableFile = Code(.unreadableFile)
        /// A file has no header line.
        public static let emptyFile = Code(.emptyFile)
        /// A file that must have rows has only its header.
        public static let noRows = Code(.noRows)
        /// A required column is not in the header.
        public static let missingColumn = Code(.missingColumn)
        /// A header column the import does not know (warning; the column is ignored).
        public static let unknownColumn = Code(.unknownColumn)
        /// The same column twice in one header.
        public static let duplicateColumn = Code(.duplicateColumn)
        /// RFC 4180 broken: a quote left open, a stray quote, text after a closing quote, a record too long.
        public static let malformedCSV = Code(.malformedCSV)
        /// A row with more or fewer fields than the header.
        public static let fieldCount = Code(.fieldCount)
        /// A text field that is not valid UTF-8.
        public static let invalidUTF8 = Code(.invalidUTF8)
        /// A value of the wrong form or out of range.
        public static let invalidValue = Code(.invalidValue)
        /// A key that must be unique appears twice.
        public static let duplicateKey = Code(.duplicateKey)
        /// An item, location or supplier that the master data does not have.
        public static let unknownReference = Code(.unknownReference)
        /// Successor items that lead back to themselves.
        public static let successorCycle = Code(.successorCycle)
        /// Sourcing shares of an item-location that do not sum to 1.
        public static let shareSum = Code(.shareSum)
        /// A unit of measure that does not convert to the item's base unit.
        public static let unknownUOM = Code(.unknownUOM)
        /// The snapshot date is missing, ambiguous, or demand lies on or after it.
        public static let snapshotDate = Code(.snapshotDate)
        /// A row that was read but not used (warning).
        public static let ignoredRow = Code(.ignoredRow)
        /// `settings.yaml` is not valid YAML.
        public static let invalidYAML = Code(.invalidYAML)
        /// A settings value of the wrong type or range.
        public static let invalidSetting = Code(.invalidSetting)
        /// A settings key the import does not know (warning; ignored).
        public static let unknownSetting = Code(.unknownSetting)
    }
}
