// procura-bench: release-build benchmarks that read the same input files as the Python peers.
// Usage: procura-bench <workload> [arguments]; each prints one JSON line per measurement.
import Foundation

let arguments = Array(CommandLine.arguments.dropFirst())
guard let workload = arguments.first else {
    FileHandle.standardError.write(Data("usage: procura-bench w1|w3|w4|plan|select [arguments]\n".utf8))
    exit(64)
}
switch workload {
case "w1":
    await W1Policy.run(Array(arguments.dropFirst()))
case "plan":
    await PlanBenchmark.run(Array(arguments.dropFirst()))
case "select":
    await SelectionBenchmark.run(Array(arguments.dropFirst()))
case "w3":
    await W3Simulation.run(Array(arguments.dropFirst()))
case "w4":
    await W4Classification.run(Array(arguments.dropFirst()))
default:
    FileHandle.standardError.write(Data("unknown workload '\(workload)'\n".utf8))
    exit(64)
}
