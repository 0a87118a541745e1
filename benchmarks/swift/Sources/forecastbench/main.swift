// forecastbench SERIES.f64 FORECASTS.f64 [--holdout H] [--horizon H] [--season-length M] [--chunk N]
//   tuning (defaults are AutoSelector's): [--selection-holdout H] [--selection-horizon H] [--metric NAME]
//   [--no-seasonal-adjustment] [--refit] [--nm-tolerance X] [--nm-max-iterations N] [--search-tolerance X]
//   [--smooth-candidates a,b] [--sporadic-candidates a,b]
//
// Reads a matrix of series (int64 rows, int64 columns, then rows×columns float64, little-endian),
// drops the last `holdout` columns, runs Procura's automatic selection on every row in parallel
// (BatchForecaster), writes the forecasts in the same format (rows × horizon) and prints one JSON
// line: wall seconds, peak resident memory, chosen-model counts.
import Forecasting
import Foundation
import InventoryCore

#if canImport(Glibc)
    import Glibc
#endif

func option(_ name: String, _ fallback: Int) -> Int {
    let args = CommandLine.arguments
    guard let i = args.firstIndex(of: name), i + 1 < args.count, let v = Int(args[i + 1]) else { return fallback }
    return v
}

func readMatrix(_ path: String) throws -> (rows: Int, columns: Int, values: [Double]) {
    let data = try Data(contentsOf: URL(fileURLWithPath: path))
    let rows = data.withUnsafeBytes { Int($0.loadUnaligned(fromByteOffset: 0, as: Int64.self)) }
    let columns = data.withUnsafeBytes { Int($0.loadUnaligned(fromByteOffset: 8, as: Int64.self)) }
    var values = [Double](repeating: 0, count: rows * columns)
    values.withUnsafeMutableBytes { target in
        data.withUnsafeBytes { source in
            target.copyMemory(from: UnsafeRawBufferPointer(rebasing: source[16..<(16 + rows * columns * 8)]))
        }
    }
    return (rows, columns, values)
}

func writeMatrix(_ path: String, rows: Int, columns: Int, values: [Double]) throws {
    var data = Data()
    withUnsafeBytes(of: Int64(rows).littleEndian) { data.append(contentsOf: $0) }
    withUnsafeBytes(of: Int64(columns).littleEndian) { data.append(contentsOf: $0) }
    values.withUnsafeBytes { data.append(contentsOf: $0) }
    try data.write(to: URL(fileURLWithPath: path))
}

func peakResidentMegabytes() -> Double {
    var usage = rusage()
    getrusage(RUSAGE_SELF.rawValue, &usage)
    return Double(usage.ru_maxrss) / 1024  // kilobytes on Linux
}

/// User + system CPU seconds of this process so far.
func cpuSeconds() -> Double {
    var usage = rusage()
    getrusage(RUSAGE_SELF.rawValue, &usage)
    func seconds(_ t: timeval) -> Double { Double(t.tv_sec) + Double(t.tv_usec) * 1e-6 }
    return seconds(usage.ru_utime) + seconds(usage.ru_stime)
}

/// The 1-minute load average (other processes competing for the cores).
func loadAverage() -> Double {
    var loads = [Double](repeating: 0, count: 3)
    return getloadavg(&loads, 3) > 0 ? loads[0] : .nan
}

let args = CommandLine.arguments
guard args.count >= 3 else {
    FileHandle.standardError.write(
        Data("usage: forecastbench SERIES.f64 FORECASTS.f64 [--holdout H] [--horizon H] [--season-length M]\n".utf8))
    exit(2)
}
let holdout = option("--holdout", 0)
let horizon = option("--horizon", 12)
let seasonLength = option("--season-length", 52)
let chunk = option("--chunk", 256)

let matrix = try readMatrix(args[1])
let columns = matrix.columns - holdout
var values = matrix.values
if holdout > 0 {
    values = [Double](repeating: 0, count: matrix.rows * columns)
    for r in 0..<matrix.rows {
        for c in 0..<columns { values[r * columns + c] = matrix.values[r * matrix.columns + c] }
    }
}
var configuration = AutoSelector.Configuration()
configuration.seasonLength = seasonLength
configuration.holdout = option("--selection-holdout", configuration.holdout)
configuration.horizon = option("--selection-horizon", configuration.horizon)
if CommandLine.arguments.contains("--no-seasonal-adjustment") { configuration.seasonalAdjustment = false }
if CommandLine.arguments.contains("--refit") { configuration.refitOnFullSeries = true }
if let i = CommandLine.arguments.firstIndex(of: "--nm-tolerance"), i + 1 < CommandLine.arguments.count,
    let v = Double(CommandLine.arguments[i + 1])
{
    configuration.nelderMead.tolerance = v
}
if let i = CommandLine.arguments.firstIndex(of: "--nm-max-iterations"), i + 1 < CommandLine.arguments.count,
    let v = Int(CommandLine.arguments[i + 1])
{
    configuration.nelderMead.maxIterations = v
}
if let i = CommandLine.arguments.firstIndex(of: "--search-tolerance"), i + 1 < CommandLine.arguments.count,
    let v = Double(CommandLine.arguments[i + 1])
{
    configuration.searchTolerance = v
}
for (flag, patterns) in [
    ("--smooth-candidates", [DemandPattern.smooth, .erratic]), ("--sporadic-candidates", [.intermittent, .lumpy]),
] {
    if let i = CommandLine.arguments.firstIndex(of: flag), i + 1 < CommandLine.arguments.count {
        let names = CommandLine.arguments[i + 1].split(separator: ",").compactMap { ModelName(rawValue: String($0)) }
        for p in patterns { configuration.candidates[p] = names }
    }
}
if let i = CommandLine.arguments.firstIndex(of: "--metric"), i + 1 < CommandLine.arguments.count,
    let metric = AccuracyMetric(rawValue: CommandLine.arguments[i + 1])
{
    configuration.metric = metric
}
let forecaster = BatchForecaster(selector: AutoSelector(configuration: configuration), horizon: horizon, chunkSize: chunk)

let clock = ContinuousClock()
let loadBefore = loadAverage()
let cpuStart = cpuSeconds()
let start = clock.now
let output = await forecaster.run(values: values, rows: matrix.rows, columns: columns)
let elapsed = clock.now - start
let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) * 1e-18
let cpu = cpuSeconds() - cpuStart

try writeMatrix(args[2], rows: matrix.rows, columns: horizon, values: output.forecasts)
var counts: [String: Int] = [:]
for (c, f) in zip(output.chosen, output.fallbacks) {
    counts[c?.rawValue ?? "fallback:\(f?.rawValue ?? "failed")", default: 0] += 1
}
let countsJSON = counts.sorted { $0.key < $1.key }.map { "\"\($0.key)\": \($0.value)" }.joined(separator: ", ")
print(
    "{\"rows\": \(matrix.rows), \"columns_used\": \(columns), \"horizon\": \(horizon), \"seconds\": \(seconds), "
        + "\"cpu_seconds\": \(cpu), \"load_average_before\": \(loadBefore), "
        + "\"peak_rss_mb\": \(peakResidentMegabytes()), \"failures\": \(output.failures.count), \"chosen\": {\(countsJSON)}}")
