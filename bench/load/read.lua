-- Officials reading: GET with a session cookie. wrk -s read.lua URL/PATH -- COOKIE
function init(args)
  cookie = args[1]
end

function request()
  return wrk.format("GET", nil, { ["Cookie"] = cookie })
end

function done(summary, latency, requests)
  local errors = summary.errors.status + summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout
  io.write(string.format("RESULT errors=%d rps=%.1f p50=%.1f p99=%.1f\n", errors,
    summary.requests / (summary.duration / 1e6), latency:percentile(50) / 1000, latency:percentile(99) / 1000))
end
