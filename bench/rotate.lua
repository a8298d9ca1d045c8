-- wrk script: rotates the 30 queries of bench/queries.txt (the first 30 judged queries of
-- src/test/resources/eval/queries.json) over one path, one query per request, in turn per thread.
-- Usage: wrk -t2 -c8 -d20s -s bench/rotate.lua http://localhost:PORT -- PATH [EXTRA]
--   PATH: /api/v1/standards or /search; EXTRA: more parameters, e.g. "mode=keyword".
local queries = {}
for line in io.lines("bench/queries.txt") do
  if #line > 0 then
    queries[#queries + 1] = line
  end
end

local function encode(s)
  return (s:gsub("[^%w%-%._~]", function(c) return string.format("%%%02X", string.byte(c)) end))
end

local path, extra
local i = 0

function init(args)
  path = args[1] or "/api/v1/standards"
  extra = args[2]
  i = math.random(#queries) - 1
end

function request()
  i = (i % #queries) + 1
  local url = path .. "?q=" .. encode(queries[i])
  if extra and #extra > 0 then
    url = url .. "&" .. extra
  end
  return wrk.format("GET", url)
end

function done(summary, latency, requests)
  io.write(string.format("non-2xx or errors: %d\n",
    summary.errors.status + summary.errors.connect + summary.errors.read
      + summary.errors.write + summary.errors.timeout))
end
