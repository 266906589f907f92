-- A mix of what readers, crawlers and scripts ask for: pages, searches, API calls, and queries that miss every cache.
local ids = {}
for id in string.gmatch(os.getenv("QA_IDS") or "", "%S+") do ids[#ids + 1] = id end

local fixed = {
  "/", "/wiki/Love", "/wiki/Friedrich_Nietzsche", "/wiki/Warmness", "/authors", "/categories",
  "/search?q=love", "/search?q=war+peace&page=2", "/search?q=%22the+world%22", "/search?q=lo*",
  "/api/topics", "/api/topics/Love", "/api/search?q=truth", "/api/suggest?q=nie", "/api/today",
  "/api/random", "/random", "/api/authors", "/healthz", "/readyz",
}
local words = { "love", "war", "truth", "time", "life", "man", "world", "death", "god", "peace", "power", "art" }

request = function()
  local r = math.random(100)
  local path
  if r <= 55 then
    path = fixed[math.random(#fixed)]
  elseif r <= 70 and #ids > 0 then
    path = "/q/" .. ids[math.random(#ids)]
  elseif r <= 85 then
    -- Cache-busting: a query string never seen before, so the output cache misses and the database answers.
    path = "/search?q=" .. words[math.random(#words)] .. "&n=" .. math.random(1000000000)
  else
    path = "/api/search?q=" .. words[math.random(#words)] .. "+" .. words[math.random(#words)] .. "&page=" .. math.random(3) .. "&n=" .. math.random(1000000000)
  end
  return wrk.format("GET", path)
end
