public import Foundation

/// Prints an HTML page to PDF with a headless Chromium (`chromium --headless --print-to-pdf`):
/// there is no PDF library for Swift on Linux that lays out a page, and the browser prints the very
/// page the web application shows. The one place Procura runs the browser.
///
/// The browser is `$PROCURA_CHROMIUM` when set, else the first of `chromium`, `chromium-browser`,
/// `google-chrome` on `$PATH`; without one, ``print(html:to:)`` fails with a message naming the
/// package to install.
public enum PDFPrinter {
    /// Why a PDF could not be printed.
    public struct Failure: Error, CustomStringConvertible, Sendable {
        /// What went wrong and how to fix it.
        public var message: String
        public var description: String { message }
    }

    /// The browser to print with (`nil`: none installed).
    public static func browser(environment: [String: String] = ProcessInfo.processInfo.environment) -> String? {
        if let chosen = environment["PROCURA_CHROMIUM"], !chosen.isEmpty { return chosen }
        let path = (environment["PATH"] ?? "/usr/local/bin:/usr/bin:/bin").split(separator: ":")
        for name in ["chromium", "chromium-browser", "google-chrome"] {
            for directory in path {
                let candidate = "\(directory)/\(name)"
                if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
            }
        }
        return nil
    }

    /// Writes `html` to a temporary file and prints it to `path` (A4, the page's own print styles);
    /// the file is replaced only when the browser produced a PDF.
    public static func print(html: String, to path: String) async throws(Failure) {
        guard let browser = browser() else {
            throw Failure(
                message:
                    "PDF export needs chromium: apt-get install chromium (or set PROCURA_CHROMIUM to a Chromium or Chrome binary)"
            )
        }
        let fm = FileManager.default
        let work = fm.temporaryDirectory.appendingPathComponent("procura-pdf-\(UUID().uuidString)")
        defer { try? fm.removeItem(at: work) }
        let page = work.appendingPathComponent("page.html")
        let output = work.appendingPathComponent("page.pdf")
        do {
            try fm.createDirectory(at: work, withIntermediateDirectories: true)
            try Data(html.utf8).write(to: page)
        } catch {
            throw Failure(message: "cannot write the page to print in \(work.path): \(error.localizedDescription)")
        }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: browser)
        process.arguments = [
            "--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--no-pdf-header-footer",
            "--user-data-dir=\(work.appendingPathComponent("profile").path)", "--print-to-pdf=\(output.path)",
            page.absoluteString,
        ]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        let status: Int32
        do {
            status = try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<Int32, any Error>) in
                process.terminationHandler = { continuation.resume(returning: $0.terminationStatus) }
                do {
                    try process.run()
                } catch {
                    process.terminationHandler = nil
                    continuation.resume(throwing: error)
                }
            }
        } catch {
            throw Failure(message: "cannot start \(browser) to print the PDF: \(error.localizedDescription)")
        }
        guard status == 0, let bytes = fm.contents(atPath: output.path), bytes.starts(with: Array("%PDF".utf8)) else {
            throw Failure(
                message:
                    "\(browser) did not print a PDF (exit status \(status)) — run it by hand to see why: \(browser) --headless --no-sandbox --print-to-pdf=out.pdf \(page.absoluteString)"
            )
        }
        do {
            try bytes.write(to: URL(fileURLWithPath: path), options: .atomic)
        } catch {
            throw Failure(message: "cannot write the PDF to \(path): \(error.localizedDescription)")
        }
    }
}
