import DataImport
import Testing

@Suite("Data folder files")
struct DataFolderFileTests {
    @Test("items.csv and demand.csv are the required files")
    func required() {
        #expect(DataFolderFile.allCases.filter(\.isRequired) == [.items, .demand])
    }
}
