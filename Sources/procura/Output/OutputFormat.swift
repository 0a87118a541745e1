import ArgumentParser

/// The output formats of the reporting commands.
enum OutputFormat: String, ExpressibleByArgument, CaseIterable {
    case table
    case csv
    case json
}
