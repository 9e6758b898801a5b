-- wrk script for bench/dashboard-wrk.sh: every connection (one per thread) carries its own signed-in
-- session, given in the environment as DUMISAKE_COOKIES (one "SESSION=..." per client, separated by
-- spaces); at the end the latency percentiles the requirement asks for are printed in milliseconds.
local cookies = {}
for c in string.gmatch(os.getenv("DUMISAKE_COOKIES") or "", "%S+") do
    table.insert(cookies, c)
end
local counter = 0
local threads = {}

function setup(thread)
    counter = counter + 1
    thread:set("cookie", cookies[((counter - 1) % #cookies) + 1])
    table.insert(threads, thread)
end

function init(args)
    wrk.headers["Cookie"] = cookie
end

function response(status, headers, body)
    if status ~= 200 then
        error("HTTP " .. status)
    end
end

function done(summary, latency, requests)
    io.write(string.format("requests %d, errors %d, req/s %.1f\n", summary.requests,
        summary.errors.status + summary.errors.connect + summary.errors.read + summary.errors.write
        + summary.errors.timeout, summary.requests / (summary.duration / 1e6)))
    io.write(string.format("latency ms: p50 %.1f, p95 %.1f, p99 %.1f, max %.1f\n",
        latency:percentile(50) / 1000, latency:percentile(95) / 1000, latency:percentile(99) / 1000,
        latency.max / 1000))
end
