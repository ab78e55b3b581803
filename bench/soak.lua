-- wrk script of bench/soak.sh: rotates over valid and invalid routes (GET, POST, DELETE, PUT; some with
-- Accept-Encoding: gzip or many ranges) and counts the answers by status code over every thread. No HEAD:
-- wrk would wait for the body its Content-Length announces.
local requests = {
  {"GET", "/"}, {"GET", "/models/llama-3-8b"}, {"GET", "/models/qwen3-next-80b-a3b?context=32k&batch=4"},
  {"GET", "/diff/llama-3-8b/qwen3-8b"}, {"GET", "/api/models", {["Accept-Encoding"] = "gzip"}},
  {"GET", "/api/models/llama-3-8b"}, {"GET", "/api/diff/llama-3-8b/qwen3-8b"}, {"GET", "/timeline?y=active"},
  {"GET", "/tree"}, {"GET", "/feed.xml", {["Accept-Encoding"] = "gzip"}}, {"GET", "/diagrams/llama-3-8b.svg"},
  {"GET", "/assets/style.css"}, {"GET", "/inspect"},
  {"GET", "/", {["Range"] = "bytes=0-,0-,0-,0-,0-,0-,0-,0-,0-,0-"}},
  -- invalid: 404, 400, 405, 413, junk bytes
  {"GET", "/api/models/%ff"}, {"GET", "/api/diff/%ff/qwen3-8b"}, {"GET", "/models/%ff"}, {"GET", "/nope"},
  {"GET", "/models/"}, {"GET", "/%ff%fe"}, {"GET", "/?sort=bogus"}, {"GET", "/?q=%ff"}, {"GET", "/?from=2025-13-45"},
  {"GET", "/timeline?y=z"}, {"GET", "/models/llama-3-8b?context=abc"}, {"GET", "/assets/../CMakeLists.txt"},
  {"GET", "/diff?a=llama-3-8b&b=nope"}, {"DELETE", "/models/llama-3-8b"}, {"PUT", "/nope"},
  {"POST", "/inspect", {["Content-Type"] = "application/x-www-form-urlencoded"}, "config=%7B%22hidden_size%22%3A-8%7D"},
  {"POST", "/inspect", {["Content-Type"] = "application/x-www-form-urlencoded"}, "config="},
}

local threads = {}
function setup(thread)
  table.insert(threads, thread)
end

function init(args)
  codes = {}
  index = math.random(#requests)
end

function request()
  index = index % #requests + 1
  local r = requests[index]
  return wrk.format(r[1], r[2], r[3], r[4])
end

function response(status, headers, body)
  codes[status] = (codes[status] or 0) + 1
end

function done(summary, latency, requests)
  local total = {}
  for _, thread in ipairs(threads) do
    for code, count in pairs(thread:get("codes")) do
      total[code] = (total[code] or 0) + count
    end
  end
  local sorted = {}
  for code in pairs(total) do table.insert(sorted, code) end
  table.sort(sorted)
  for _, code in ipairs(sorted) do
    io.write(string.format("status %d %d\n", code, total[code]))
  end
end
