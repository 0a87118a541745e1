-- wrk script: GET the policy of item-locations of the demo company as JSON, with a bearer token.
-- The paths come from the file in PATHS (one path per line), round robin per connection; the
-- token from TOKEN. Every response must be 200: others are counted and reported at the end.
local paths = {}
local token = os.getenv("TOKEN")
local index = 0
local bad = 0

for line in io.lines(os.getenv("PATHS")) do
  paths[#paths + 1] = line
end

request = function()
  index = index % #paths + 1
  return wrk.format("GET", paths[index], { ["Authorization"] = "Bearer " .. token, ["Accept"] = "application/json" })
end

response = function(status, headers, body)
  if status ~= 200 then bad = bad + 1 end
end

done = function(summary, latency, requests)
  io.write(string.format("requests %d, non-2xx (script) %d, errors connect %d read %d write %d timeout %d status %d\n",
    summary.requests, bad, summary.errors.connect, summary.errors.read, summary.errors.write, summary.errors.timeout,
    summary.errors.status))
  io.write(string.format("latency p50 %.2f ms, p90 %.2f ms, p99 %.2f ms, max %.2f ms\n",
    latency:percentile(50) / 1000, latency:percentile(90) / 1000, latency:percentile(99) / 1000, latency.max / 1000))
  io.write(string.format("throughput %.0f requests/s\n", summary.requests / (summary.duration / 1e6)))
end
