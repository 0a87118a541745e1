// gsm-bench: the guaranteed-service model on a seeded random tree (release build); see GSMBenchmark.
GSMBenchmark.run(Array(CommandLine.arguments.dropFirst()))
