import CSV
import Foundation
let path = CommandLine.arguments[1]
let t0 = Date()
let stream = InputStream(fileAtPath: path)!
let csv = try CSVReader(stream: stream, hasHeaderRow: true)
var n = 0; var total = 0.0
while let row = csv.next() { n += 1; total += Double(row[3]) ?? 0 }
print(n, total, Date().timeIntervalSince(t0))
