import Foundation
import ProcuraTestSupport
import Testing

@Suite("Reference fixtures")
struct ReferenceCopyTests {
    @Test("the committed copy equals ../shared/reference (the same files, byte for byte) when that folder exists")
    func copyIsCurrent() throws {
        let shared = Fixtures.packageRoot.deletingLastPathComponent().appendingPathComponent("shared/reference")
        let names = try FileManager.default.contentsOfDirectory(atPath: Fixtures.url("reference").path)
            .filter { $0.hasSuffix(".json") }
        #expect(names.count >= 16)
        guard FileManager.default.fileExists(atPath: shared.path) else { return }
        let theirNames = try FileManager.default.contentsOfDirectory(atPath: shared.path).filter { $0.hasSuffix(".json") }
        #expect(Set(names) == Set(theirNames), "../shared/reference has other files than the copy: copy them again")
        for name in names {
            let ours = try Data(contentsOf: Fixtures.url("reference/\(name)"))
            let theirs = try Data(contentsOf: shared.appendingPathComponent(name))
            #expect(ours == theirs, "\(name) differs from ../shared/reference: copy it again")
        }
    }
}
