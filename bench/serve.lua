-- wrk script of bench/serve.sh: prints one line of figures when a run ends, and walks a list of pages once.
--   wrk -s bench/serve.lua URL          the URL's page, again and again (headers from wrk -H)
--   SERVE_PATHS=list SERVE_THREADS=n    each of the n threads walks its share of the list's paths (one a line) once,
--   SERVE_DONE=dir wrk -s …             then stops and leaves a file in dir, so that the script can end wrk early
-- The line: "serve: requests=… seconds=… rps=… p50_ms=… p99_ms=… bytes=… errors=… non2xx3xx=…"
local ffi = require("ffi")
ffi.cdef [[
typedef struct { long tv_sec; long tv_nsec; } serve_timespec;
int clock_gettime(int clock, serve_timespec *ts);
]]
local timespec = ffi.new("serve_timespec")
local function now()
  ffi.C.clock_gettime(1, timespec) -- CLOCK_MONOTONIC
  return tonumber(timespec.tv_sec) + tonumber(timespec.tv_nsec) * 1e-9
end

local threads = {}
function setup(thread)
  thread:set("id", #threads)
  table.insert(threads, thread)
end

local list = os.getenv("SERVE_PATHS")
if list and list ~= "" then
  -- Globals, not locals: done() reads them back from each thread.
  walked, first_sent, last_received = 0, 0, 0
  local share, scheduled, sent = {}, 0, 0

  local function finish()
    local done = io.open(os.getenv("SERVE_DONE") .. "/" .. id, "w")
    done:close()
    wrk.thread:stop()
  end

  function init(args)
    local count, i = tonumber(os.getenv("SERVE_THREADS")), 0
    for line in io.lines(list) do
      if i % count == id then table.insert(share, wrk.format(nil, line)) end
      i = i + 1
    end
    if #share == 0 then finish() end
  end

  -- wrk asks delay() before each request: a connection waits out the run once the share is all sent, so that every
  -- page is asked for exactly once and none again.
  function delay()
    if scheduled == #share then return 3600000 end
    scheduled = scheduled + 1
    return 0
  end

  function request()
    if sent == scheduled then return share[1] end -- wrk's own look at the script, before the run: not a request
    if sent == 0 then first_sent = now() end
    sent = sent + 1
    return share[sent]
  end

  function response(status, headers, body)
    walked = walked + 1
    last_received = now()
    if walked == #share then finish() end
  end
end

function done(summary, latency, requests)
  local errors = summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout
  local count, seconds = summary.requests, summary.duration / 1e6
  if list and list ~= "" then
    -- The walk's own time, from its first request to its last answer: wrk's duration is only an upper bound.
    local first, last, walked_all = math.huge, 0, 0
    for _, thread in ipairs(threads) do
      local sent_at, received_at = thread:get("first_sent"), thread:get("last_received")
      if sent_at > 0 then first = math.min(first, sent_at) end
      last = math.max(last, received_at)
      walked_all = walked_all + thread:get("walked")
    end
    count, seconds = walked_all, last - first
  end
  io.write(string.format("serve: requests=%d seconds=%.3f rps=%.1f p50_ms=%.3f p99_ms=%.3f bytes=%.0f errors=%d non2xx3xx=%d\n",
    count, seconds, seconds > 0 and count / seconds or 0, latency:percentile(50) / 1000, latency:percentile(99) / 1000,
    summary.requests > 0 and summary.bytes / summary.requests or 0, errors, summary.errors.status))
end
