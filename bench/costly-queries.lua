-- wrk script: the costliest search queries the 500 characters of q allow, each request a new
-- one (so that the kept answers of repeated searches, search/AnswerCache, never answer it).
-- Usage: wrk -t1 -c1 -d30s -s bench/costly-queries.lua http://localhost:PORT -- FAMILY [EXTRA]
--   FAMILY: letters  one-letter prefixes in shuffled order (a* k* c* ..., 166 words)
--           same     one letter repeated as a prefix (e* e* e* ..., 100-166 words)
--           pairs    two-letter prefixes (co* pr* in* ..., 125 words)
--           mixed    prefixes with phrases and exclusions ("a b" -c* d* ...)
--           digits   one-digit prefixes (1* 7* 3* ..., 166 words)
--   EXTRA: more parameters, e.g. "mode=keyword".
-- bench/costly-queries.sh prints one of each for curl.
local family, extra
local letters = "abcdefghijklmnopqrstuvwxyz"
local n = 0

local function encode(s)
  return (s:gsub("[^%w%-%._~]", function(c) return string.format("%%%02X", string.byte(c)) end))
end

local function letter(i)
  return letters:sub(i, i)
end

local function fill(next_word)
  local words = {}
  local length = 0
  while true do
    local w = next_word()
    if length + #w + (length > 0 and 1 or 0) > 500 then
      break
    end
    words[#words + 1] = w
    length = length + #w + (length > 0 and 1 or 0)
  end
  return table.concat(words, " ")
end

local function query()
  n = n + 1
  if family == "same" then
    local l = letter(math.random(26))
    local count = 100 + math.random(67) - 1
    local i = 0
    return fill(function()
      i = i + 1
      return i <= count and (l .. "*") or string.rep("x", 501)
    end)
  elseif family == "pairs" then
    return fill(function()
      return letter(math.random(26)) .. letter(math.random(26)) .. "*"
    end)
  elseif family == "mixed" then
    local i = 0
    return fill(function()
      i = i + 1
      local k = i % 4
      if k == 0 then
        return '"' .. letter(math.random(26)) .. " " .. letter(math.random(26)) .. '"'
      elseif k == 1 then
        return "-" .. letter(math.random(26)) .. "*"
      else
        return letter(math.random(26)) .. "*"
      end
    end)
  elseif family == "digits" then
    return fill(function()
      return tostring(math.random(10) - 1) .. "*"
    end)
  else
    return fill(function()
      return letter(math.random(26)) .. "*"
    end)
  end
end

local threads = 0
function setup(thread)
  threads = threads + 1
  thread:set("tid", threads)
end

function init(args)
  family = args[1] or "letters"
  extra = args[2]
  math.randomseed(os.time() * 100 + (tid or 0))
end

function request()
  local url = "/api/v1/standards?q=" .. encode(query())
  if extra and #extra > 0 then
    url = url .. "&" .. extra
  end
  return wrk.format("GET", url)
end

function done(summary, latency, requests)
  io.write(string.format("non-2xx or errors: %d (status %d, timeout %d)\n",
    summary.errors.status + summary.errors.connect + summary.errors.read
      + summary.errors.write + summary.errors.timeout, summary.errors.status,
      summary.errors.timeout))
end
