public import Planning

/// The exposure report's page as a standalone document and as PDF — `procura exposure --pdf` and
/// `/excess/exposure.pdf` print the same page the web application shows (``PDFPrinter``).
public enum ExposurePrint {
    /// The page as one HTML document with its styles inline (no links to follow).
    public static func html(_ report: ExposureReport) throws -> String {
        try PageRenderer().html("excess_exposure", values: ExposureView.values(report, print: true, query: ""))
    }

    /// Prints the page to `path`.
    ///
    /// - Throws: ``PDFPrinter/Failure`` when no browser is installed or it printed nothing.
    public static func pdf(_ report: ExposureReport, to path: String) async throws {
        try await PDFPrinter.print(html: try html(report), to: path)
    }
}
