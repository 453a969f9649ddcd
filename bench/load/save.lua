-- Deadline day: school users saving the «Открытая школа» form as drafts, each request a new value.
-- wrk -s save.lua URL -- USERS_FILE FORM PERIOD ; USERS_FILE lines: cookie<TAB>antiforgery token<TAB>school code
local threads = {}
local next_id = 0

function setup(thread)
  thread:set("id", next_id)
  next_id = next_id + 1
  table.insert(threads, thread)
end

function init(args)
  users = {}
  for line in io.lines(args[1]) do
    local cookie, token, org = line:match("([^\t]*)\t([^\t]*)\t([^\t]*)")
    table.insert(users, { cookie = cookie, token = token, org = org })
  end
  form, period = args[2], args[3]
  counter, ok, failed, codes = 0, 0, 0, ""
end

function request()
  counter = counter + 1
  local u = users[(counter + id * 7) % #users + 1]
  -- Unique across threads and requests, so every accepted save is one change and can be counted afterwards.
  local value = 100000 + id * 10000000 + counter
  local body = "Values%5Bopenschool.students.registered%5D=" .. value ..
    "&Values%5Bopenschool.students.inactive%5D=5&Values%5Bopenschool.teachers.registered%5D=20" ..
    "&Values%5Bopenschool.teachers.inactive%5D=2&Comment=load&action=draft&__RequestVerificationToken=" .. u.token
  return wrk.format("POST", "/forms/" .. form .. "/" .. period .. "?org=" .. u.org,
    { ["Cookie"] = u.cookie, ["Content-Type"] = "application/x-www-form-urlencoded" }, body)
end

function response(status, headers, body)
  -- A saved draft answers with a redirect back to the form; anything else did not save.
  if status == 302 then ok = ok + 1 else failed = failed + 1; codes = codes .. status .. " " end
end

function done(summary, latency, requests)
  local saved, refused, all = 0, 0, ""
  for _, t in ipairs(threads) do
    saved = saved + t:get("ok")
    refused = refused + t:get("failed")
    all = all .. t:get("codes")
  end
  io.write(string.format("RESULT saved=%d refused=%d statuses=[%s] rps=%.1f p50=%.1f p99=%.1f\n", saved, refused, all,
    summary.requests / (summary.duration / 1e6), latency:percentile(50) / 1000, latency:percentile(99) / 1000))
end
