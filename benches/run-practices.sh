#!/usr/bin/env bash
# Load test of the practices catalogue on this machine: builds the release binaries, seeds a
# private PostgreSQL in a data dir that is kept between runs (so the seed is made once),
# starts the server on it and measures
#
#   search  GET /api/v1/practices?q=...&filters at a fixed rate (loadgen http: open loop,
#           latency from each request's scheduled time), target p99 <= 15 ms at 2,000 req/s
#   get     GET /api/v1/practices/{id} throughput with wrk on random published ids,
#           target >= 30,000 req/s
#   pages   the web pages with wrk: the catalogue page /practices?q=... (common queries)
#           and a practice's page, target >= 5,000 req/s each with p99 <= 20 ms; and the
#           bytes a first visit to the catalogue transfers (page + its CSS and scripts),
#           target <= 150 KB
#
#   benches/run-practices.sh [search|get|pages|all]
#
# Environment (defaults in brackets):
#   N [100000] practices to seed, ORGS [500] organizations, SEED [42]
#   DATA [/tmp/livinglab-practices-bench] data dir (PostgreSQL, logs, URL files); FRESH=1
#     deletes it first. A data dir seeded with another N is refused.
#   RATE [2000] search req/s, DURATION [30] s, WARMUP [10] s, CONNECTIONS [64] (loadgen)
#   SEARCH_URLS [2000] distinct search URLs, IDS [10000] ids for the GET test
#   WRK_THREADS [2], WRK_CONNECTIONS [128], WRK_DURATION [30] s (after a 5 s warm-up)
#   SLOW_MS [100] PostgreSQL logs statements slower than this (counted in the summary)
#   COLD_RATE [40] req/s of the cold pass (each search URL once, all cache misses), which
#     runs before the rate test
#   The server sees the rest of the environment, e.g. LIVINGLAB_PRACTICE_CACHE_SECONDS.
#
# Exit status: 0 all good, 1 requests failed or something broke, 2 a target was missed.
set -euo pipefail
cd "$(dirname "$0")/.."

part="${1:-all}"
case "$part" in
search | get | pages | all) ;;
*)
    echo "usage: $0 [search|get|pages|all]" >&2
    exit 2
    ;;
esac
n="${N:-100000}"
orgs="${ORGS:-500}"
seed="${SEED:-42}"
data="${DATA:-/tmp/livinglab-practices-bench}"
rate="${RATE:-2000}"
duration="${DURATION:-30}"
warmup="${WARMUP:-10}"
connections="${CONNECTIONS:-64}"
search_urls="${SEARCH_URLS:-2000}"
n_ids="${IDS:-10000}"
wrk_threads="${WRK_THREADS:-2}"
wrk_connections="${WRK_CONNECTIONS:-128}"
wrk_duration="${WRK_DURATION:-30}"
slow_ms="${SLOW_MS:-100}"
cold_rate="${COLD_RATE:-40}"

for tool in curl psql python3; do
    command -v "$tool" >/dev/null || {
        echo "$tool is needed (apt-get install -y $tool)" >&2
        exit 1
    }
done
if [ "$part" != search ] && ! command -v wrk >/dev/null; then
    echo "wrk is needed for the GET test: apt-get install -y wrk" >&2
    exit 1
fi
ulimit -n "$(ulimit -Hn)" 2>/dev/null || true

cargo build --release --workspace
bin="$PWD/target/release/livinglab"
lg="$PWD/target/release/loadgen"
seeder="$PWD/target/release/livinglab-seed"

[ "${FRESH:-0}" = 1 ] && rm -rf "$data"
mkdir -p "$data"
# The private PostgreSQL runs as `postgres` when we are root: it must reach the dir.
chmod 755 "$data"
data="$(cd "$data" && pwd)"

# ---- seed (once per data dir and schema) ----
marker="$data/seeded"
# An edited migration is not applied again to a database that has it: re-seed then.
schema="$(cat migrations/*/up.sql | sha256sum | cut -c1-16)"
if [ -f "$marker" ] && [ "$(cut -d' ' -f4 "$marker")" != "$schema" ]; then
    echo "the migrations changed since $data was seeded: seeding it again" >&2
    rm -rf "$data"
    mkdir -p "$data"
    chmod 755 "$data"
fi
if [ -f "$marker" ]; then
    if [ "$(cut -d' ' -f1-3 "$marker")" != "$n $orgs $seed" ]; then
        echo "$data was seeded with N ORGS SEED = $(cut -d' ' -f1-3 "$marker"), not" \
            "$n $orgs $seed; use FRESH=1 or another DATA" >&2
        exit 1
    fi
    echo "already seeded: $n practices, $orgs organizations, seed $seed ($data)" >&2
else
    echo "+ livinglab-seed --practices $n --organizations $orgs --seed $seed" >&2
    LIVINGLAB_DATA_DIR="$data" LIVINGLAB_LOG=info \
        "$seeder" --practices "$n" --organizations "$orgs" --seed "$seed" | tee "$data/seed.txt"
    echo "$n $orgs $seed $schema" >"$marker"
fi

# ---- server ----
port="$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')"
url="http://127.0.0.1:$port"
server_pid=""
cleanup() {
    if [ -n "$server_pid" ] && kill -0 "$server_pid" 2>/dev/null; then
        kill -TERM "$server_pid"
        for _ in $(seq 1 300); do
            kill -0 "$server_pid" 2>/dev/null || break
            sleep 0.1
        done
        if kill -0 "$server_pid" 2>/dev/null; then
            echo "server did not stop within 30 s; killing it" >&2
            kill -KILL "$server_pid" 2>/dev/null || true
        fi
        wait "$server_pid" 2>/dev/null || true
    fi
    if [ -s "$data/server.log" ]; then
        echo "--- server log (last 20 lines of $(wc -l <"$data/server.log"), $data/server.log) ---" >&2
        tail -n 20 "$data/server.log" >&2
    fi
}
trap cleanup EXIT
trap 'exit 130' INT TERM

LIVINGLAB_BIND="127.0.0.1:$port" \
    LIVINGLAB_DATA_DIR="$data" \
    LIVINGLAB_LOG=warn \
    "$bin" >"$data/server.log" 2>&1 &
server_pid=$!
echo "waiting for $url/readyz (pid $server_pid, data $data)" >&2
for i in $(seq 1 600); do
    if curl -fsS -o /dev/null "$url/readyz" 2>/dev/null; then break; fi
    if ! kill -0 "$server_pid" 2>/dev/null; then
        echo "server exited during start-up" >&2
        exit 1
    fi
    if [ "$i" = 600 ]; then
        echo "server not ready after 120 s" >&2
        exit 1
    fi
    sleep 0.2
done

# The server's cluster listens on a unix socket in its folder, or in /tmp when that path is
# too long for a socket (server/db/embedded.rs).
cluster="$(readlink -f "$data/postgres")"
if [ "${#cluster}" -le 80 ]; then
    sock="$cluster"
else
    sock="/tmp/livinglab-pg-$(printf %s "$cluster" | sha256sum | cut -c1-12)"
fi
sql() { psql -h "$sock" -U postgres -d livinglab -XAtq -v ON_ERROR_STOP=1 "$@"; }
sql -c "ALTER SYSTEM SET log_min_duration_statement = '${slow_ms}ms'" -c "SELECT pg_reload_conf()" >/dev/null
pg_log="$data/postgres.log"
slow_before="$(grep -c 'duration: ' "$pg_log" 2>/dev/null || true)"

# ---- URL files ----
sql -c "SELECT id FROM practices WHERE status = 'published' AND hidden_at IS NULL
        ORDER BY md5(id::text) LIMIT $n_ids" >"$data/ids.txt"
sql -F $'\t' -c "SELECT language, title FROM practices
                 WHERE status = 'published' AND hidden_at IS NULL
                 ORDER BY md5(id::text || 'titles') LIMIT 4000" >"$data/titles.tsv"
sql -c "SELECT slug FROM themes ORDER BY slug" >"$data/themes.txt"
sql -c "SELECT DISTINCT country FROM organizations ORDER BY 1" >"$data/countries.txt"
python3 - "$data" "$search_urls" <<'PY'
import random, sys, urllib.parse
data, want = sys.argv[1], int(sys.argv[2])
rng = random.Random(42)
lines = lambda f: [l.strip() for l in open(f"{data}/{f}") if l.strip()]
themes, countries = lines("themes.txt"), lines("countries.txt")
titles = [l.split("\t", 1) for l in lines("titles.tsv")]
# Articles and the words of the seed's title templates ("Piloting ... with local partners"):
# nobody searches for those.
stop = set("""the and for with from into their every local city lessons pilot piloting scaling
 co-designing policy how made work citywide programme partners residents neighbourhood
 para los las del con una por proyecto piloto experiencia ciudadanía barrios todos
 des les dans tous avec une projet pilote l'expérience habitants quartiers
 die der und mit für alle aus von pilotprojekt erfahrungen gemeinsam bürgerschaft quartiere
 gli dei nei tutti della progetto pilota l'esperienza insieme cittadini quartieri
 com dos das uma todos projeto-piloto experiência cidadãos bairros
 het een van met voor alle wijken samen pilotproject ervaring bewoners
 oraz dla miasta razem projekt pilotażowy doświadczenia mieszkańcami dzielnicach wszystkich""".split())
def words(title):
    out = []
    for w in title.replace(":", " ").replace("–", " ").replace("«", " ").replace("»", " ").split():
        w = w.strip(".,;!?()\"'“”„").lower()
        if len(w) >= 4 and w not in stop and not any(c.isdigit() for c in w):
            out.append(w)
    return out
curated = """mobility|bike|bike lanes|bike sharing|cycling|circular|circular economy|energy renovation|
solar|solar panels|heat pumps|energy community|renewables|district heating|participatory budgeting|
citizen assembly|open data|digital twin|urban greening|heatwaves|water reuse|flood|drainage|tourism|
repair cafés|school streets|low-emission zones|community gardens|food waste|air quality|hydrogen|
SMEs|living lab|electric buses|cargo bike|energy poverty|biodiversity|skills|telecare|
movilidad|bicicleta|economía circular|energía solar|rehabilitación energética|presupuestos participativos|
mobilité|vélo|rénovation énergétique|économie circulaire|budget participatif|îlots de fraîcheur|
Radverkehr|Mobilität|Kreislaufwirtschaft|Bürgerbeteiligung|Wärmepumpen|Schwammstadt|Energiegemeinschaften|
mobilità|fotovoltaico|economia circolare|comunità energetiche|bilancio partecipativo|
mobilidade|ciclovias|economia circular|orçamento participativo|
fietspaden|deelfietsen|zonnepanelen|circulaire economie|burgerbegroting|
rower|fotowoltaika|budżet obywatelski|termomodernizacja|mobilność""".replace("\n", "").split("|")
def typo(w):
    if len(w) < 5:
        return w
    i = rng.randrange(1, len(w) - 2)
    k = rng.randrange(3)
    if k == 0:
        return w[:i] + w[i + 1] + w[i] + w[i + 2:]   # swap
    if k == 1:
        return w[:i] + w[i + 1:]                      # drop
    return w[:i] + w[i] + w[i:]                        # double
def query():
    r = rng.random()
    if r < 0.30:
        return rng.choice(curated)
    lang, title = rng.choice(titles)
    ws = words(title) or ["mobility"]
    if r < 0.55:
        return rng.choice(ws)
    if r < 0.70:
        i = rng.randrange(len(ws))
        return " ".join(ws[i:i + 2])
    if r < 0.80:
        w = max(ws, key=len)
        return w[:rng.randint(4, min(6, len(w)))]
    if r < 0.90:
        return typo(max(ws, key=len))
    return None
urls, seen = [], set()
for _ in range(want * 50):
    if len(urls) >= want:
        break
    p = []
    q = query()
    if q:
        p.append(("q", q))
    if rng.random() < 0.2 or not q:
        p.append(("theme", rng.choice(themes)))
    if rng.random() < 0.2:
        p.append(("country", rng.choice(countries)))
    if rng.random() < 0.15:
        p.append(("language", rng.choice(["en", "en", "es", "fr", "de", "it", "pt", "nl", "pl"])))
    if rng.random() < 0.15:
        p.append(("implementation_status", rng.choice(["planned", "ongoing", "completed"])))
    if rng.random() < 0.1:
        p.append(("min_population", rng.choice([20000, 50000, 100000, 250000, 500000])))
    if rng.random() < 0.1:
        p.append(("year", rng.randint(2014, 2025)))
    if rng.random() < 0.05:
        p.append(("organization_kind", rng.choice(["city", "region", "ngo"])))
    if rng.random() < 0.2:
        # relevance (the default with q) needs a q
        p.append(("sort", rng.choice(["newest", "endorsements"] + (["relevance"] if q else []))))
    if rng.random() < 0.3:
        p.append(("limit", 20))
    path = "/api/v1/practices?" + urllib.parse.urlencode(p, quote_via=urllib.parse.quote)
    if path not in seen:
        seen.add(path)
        urls.append(path)
open(f"{data}/search.txt", "w").write("\n".join(urls) + "\n")
PY
echo "$(wc -l <"$data/search.txt") search URLs ($data/search.txt), $(wc -l <"$data/ids.txt") ids ($data/ids.txt)" >&2

# How many hits a few typical queries get (also checks that search answers at all).
for q in mobility bike circular "energy renovation" solar mobil circluar Radverkehr; do
    enc="$(python3 -c 'import sys, urllib.parse; print(urllib.parse.quote(sys.argv[1]))' "$q")"
    if ! body="$(curl -fsS "$url/api/v1/practices?q=$enc")"; then
        echo "searching for '$q' failed: see $data/server.log" >&2
        exit 1
    fi
    total="$(python3 -c 'import json, sys; print(json.load(sys.stdin)["total"])' <<<"$body")"
    printf '  %-20s %8s hits\n' "q=$q" "$total" >&2
done

failed=0
missed=0
search_json=""
get_out=""

if [ "$part" = search ] || [ "$part" = all ]; then
    # Cold: every URL once, in order, at a rate the database can take uncached. Each one is
    # a cache miss, so these are the figures of the full-text search itself; the pass also
    # fills the cache for the rate test that follows.
    cold_duration=$(python3 -c "print($search_urls / $cold_rate)")
    echo "+ loadgen http --rate $cold_rate --duration $cold_duration --warmup 0 (cold: each URL once)" >&2
    if ! cold_json="$("$lg" http --url "$url" --paths "$data/search.txt" --rate "$cold_rate" \
        --duration "$cold_duration" --warmup 0 --connections 8 \
        --server-pid "$server_pid" --json)"; then
        failed=1
    fi
    echo "$cold_json" >"$data/search-cold-result.json"
    python3 -m json.tool <<<"$cold_json" || true
    echo "+ loadgen http --rate $rate --duration $duration --warmup $warmup --connections $connections" >&2
    if ! search_json="$("$lg" http --url "$url" --paths "$data/search.txt" --rate "$rate" \
        --duration "$duration" --warmup "$warmup" --connections "$connections" \
        --server-pid "$server_pid" --json)"; then
        failed=1
    fi
    echo "$search_json" >"$data/search-result.json"
    python3 -m json.tool <<<"$search_json" || true
fi

if [ "$part" = get ] || [ "$part" = all ]; then
    cat >"$data/get.lua" <<'LUA'
-- Random ids from the file named after `--`, a different sequence per thread.
local ids = {}
local threads = 0
function setup(thread)
  threads = threads + 1
  thread:set("tid", threads)
end
function init(args)
  for line in io.lines(args[1]) do
    if #line > 0 then ids[#ids + 1] = line end
  end
  math.randomseed(tid * 7919 + os.time())
end
function request()
  return wrk.format("GET", "/api/v1/practices/" .. ids[math.random(#ids)])
end
LUA
    wrk_args=(-t"$wrk_threads" -c"$wrk_connections" --timeout 10s --latency -s "$data/get.lua" "$url")
    echo "+ wrk ${wrk_args[*]} -d5s -- ids.txt (warm-up)" >&2
    wrk "${wrk_args[@]}" -d5s -- "$data/ids.txt" >/dev/null
    echo "+ wrk ${wrk_args[*]} -d${wrk_duration}s -- ids.txt" >&2
    get_out="$(wrk "${wrk_args[@]}" -d"${wrk_duration}s" -- "$data/ids.txt")"
    echo "$get_out" | tee "$data/get-result.txt"
    if grep -qE 'Non-2xx|Socket errors' <<<"$get_out"; then
        echo "the GET run had failed requests (see above)" >&2
        failed=1
    fi
fi

pages_out=""
if [ "$part" = pages ] || [ "$part" = all ]; then
    # Common catalogue queries as people type them on the page (the API's search URLs
    # turned into page URLs), and the canonical page address of published practices.
    grep -v 'limit=' "$data/search.txt" | sed -n '1,500{s|^/api/v1/practices|/practices|;p}' >"$data/page-search.txt"
    head -n 1000 "$data/ids.txt" | while read -r id; do
        curl -s -o /dev/null -w '%{redirect_url}\n' "$url/practices/$id"
    done | sed "s|^$url||" | grep '^/practices/' >"$data/page-practice.txt"
    if [ ! -s "$data/page-practice.txt" ]; then
        echo "/practices/{id} did not redirect to a canonical page address" >&2
        exit 1
    fi
    cat >"$data/paths.lua" <<'LUA'
-- Paths from the file named after `--`, a different sequence per thread.
local paths = {}
local threads = 0
function setup(thread)
  threads = threads + 1
  thread:set("tid", threads)
end
function init(args)
  for line in io.lines(args[1]) do
    if #line > 0 then paths[#paths + 1] = line end
  end
  math.randomseed(tid * 7919 + os.time())
end
function request()
  return wrk.format("GET", paths[math.random(#paths)], {["Accept-Language"] = "en"})
end
LUA
    for what in search practice; do
        wrk_args=(-t"$wrk_threads" -c"$wrk_connections" --timeout 10s --latency -s "$data/paths.lua" "$url")
        echo "+ wrk ${wrk_args[*]} -d5s -- page-$what.txt (warm-up)" >&2
        wrk "${wrk_args[@]}" -d5s -- "$data/page-$what.txt" >/dev/null
        echo "+ wrk ${wrk_args[*]} -d${wrk_duration}s -- page-$what.txt" >&2
        out="$(wrk "${wrk_args[@]}" -d"${wrk_duration}s" -- "$data/page-$what.txt")"
        echo "$out" | tee "$data/page-$what-result.txt"
        if grep -qE 'Non-2xx|Socket errors' <<<"$out"; then
            echo "the $what page run had failed requests (see above)" >&2
            failed=1
        fi
        pages_out+="== $what"$'\n'"$out"$'\n'
    done
    # A first visit: the catalogue page for a common query and every stylesheet, script and
    # icon it links (as a browser with an empty cache fetches them).
    first="/practices?q=mobility"
    page_bytes="$(curl -s -o "$data/first.html" -w '%{size_download}' "$url$first")"
    total="$page_bytes"
    for asset in $(grep -oE '(href|src)="/static/[^"]+"' "$data/first.html" | sed -E 's/^(href|src)="//; s/"$//' | sort -u); do
        b="$(curl -s -o /dev/null -w '%{size_download}' "$url${asset//&amp;/&}")"
        echo "  $asset: $b bytes" >&2
        total=$((total + b))
    done
    echo "  $first: $page_bytes bytes; first visit in all: $total bytes" >&2
    pages_out+="== first $total"$'\n'
fi

if ! kill -0 "$server_pid" 2>/dev/null; then
    echo "THE SERVER DIED during the run" >&2
    exit 1
fi
slow_after="$(grep -c 'duration: ' "$pg_log" 2>/dev/null || true)"
slow=$((${slow_after:-0} - ${slow_before:-0}))

# ---- summary ----
summary="$(COLD_JSON="${cold_json:-}" SEARCH_JSON="$search_json" GET_OUT="$get_out" PAGES_OUT="$pages_out" python3 - "$rate" "$duration" "$wrk_threads" "$wrk_connections" "$wrk_duration" "$n" <<'PY'
import json, os, re, sys
rate, duration, wt, wc, wd, n = sys.argv[1:]
rows, missed = [], False
c = os.environ.get("COLD_JSON", "").strip()
if c:
    r = json.loads(c)
    l = r["latency_ms"]
    bad = sum(r["non_2xx"].values()) + sum(r["errors"].values())
    rows.append((f"search, cold: each URL once at {r['achieved_rate_per_s']:.0f} req/s", "(uncached)",
                 f"p50 {l['p50']} / p90 {l['p90']} / p99 {l['p99']} / max {l['max']} ms; "
                 f"{r['ok_2xx']} ok, {bad} failed; postgres {r['cpu']['postgres_pct']:.0f} % CPU",
                 "-"))
s = os.environ.get("SEARCH_JSON", "").strip()
if s:
    r = json.loads(s)
    lat = r["latency_ms"]
    bad = sum(r["non_2xx"].values()) + sum(r["errors"].values())
    unsent = r.get("unsent_behind_schedule", 0)
    ok = lat["p99"] <= 15 and bad == 0 and unsent == 0
    missed |= not ok
    pct = lambda l: f"p50 {l['p50']} / p90 {l['p90']} / p99 {l['p99']} / p99.9 {l['p999']} / max {l['max']} ms"
    if r["sent"] > 0:
        result = (f"{pct(lat)}; {r['achieved_rate_per_s']:.0f} req/s, {r['ok_2xx']} ok, {bad} failed"
                  + (f"; GAVE UP after {r.get('gave_up_after_s')} s, {unsent} not sent" if unsent else ""))
    else:
        w = r["warmup"]
        result = (f"GAVE UP in the warm-up after {r.get('gave_up_after_s')} s (requests 10 s behind "
                  f"schedule): {w['ok_2xx']} answered, {pct(w['latency_ms'])}")
    rows.append((f"search {rate} req/s x {duration} s", "p99 <= 15 ms", result,
                 "PASS" if ok else "FAIL"))
g = os.environ.get("GET_OUT", "")
if g:
    m = re.search(r"Requests/sec:\s+([\d.]+)", g)
    rps = float(m.group(1)) if m else 0.0
    pct = dict(re.findall(r"^\s+(50|75|90|99)%\s+(\S+)", g, re.M))
    bad = bool(re.search(r"Non-2xx|Socket errors", g))
    ok = rps >= 30000 and not bad
    missed |= not ok
    rows.append((f"GET /practices/{{id}}, wrk {wt}x{wc}, {wd} s", ">= 30000 req/s",
                 f"{rps:.0f} req/s; p50 {pct.get('50', '?')} / p99 {pct.get('99', '?')}"
                 + ("; FAILED REQUESTS" if bad else ""),
                 "PASS" if ok else "FAIL"))
po = os.environ.get("PAGES_OUT", "")
for part in re.split(r"^== ", po, flags=re.M):
    if part.startswith("first "):
        b = int(part.split()[1])
        ok = b <= 150_000
        missed |= not ok
        rows.append(("first visit of the catalogue (page + assets)", "<= 150 KB", f"{b / 1000:.1f} KB",
                     "PASS" if ok else "FAIL"))
    elif part.startswith(("search", "practice")):
        what = part.split()[0]
        m = re.search(r"Requests/sec:\s+([\d.]+)", part)
        rps = float(m.group(1)) if m else 0.0
        pct = dict(re.findall(r"^\s+(50|75|90|99)%\s+(\S+)", part, re.M))
        p99 = pct.get("99", "?")
        ms = float(p99[:-2]) if p99.endswith("ms") else (float(p99[:-2]) / 1000 if p99.endswith("us") else
             (float(p99[:-1]) * 1000 if p99.endswith("s") else 1e9))
        bad = bool(re.search(r"Non-2xx|Socket errors", part))
        ok = rps >= 5000 and ms <= 20 and not bad
        missed |= not ok
        name = "catalogue page /practices?q=..." if what == "search" else "practice page"
        rows.append((f"{name}, wrk {wt}x{wc}, {wd} s", ">= 5000 req/s, p99 <= 20 ms",
                     f"{rps:.0f} req/s; p50 {pct.get('50', '?')} / p99 {p99}" + ("; FAILED REQUESTS" if bad else ""),
                     "PASS" if ok else "FAIL"))
print(f"== practices benchmark: {n} practices, {os.cpu_count()} cores ==")
w = [max(len(r[i]) for r in rows + [("test", "target", "result", "verdict")]) for i in range(4)]
for r in [("test", "target", "result", "verdict")] + rows:
    print("  ".join(c.ljust(w[i]) for i, c in enumerate(r)))
sys.exit(2 if missed else 0)
PY
)" || missed=1
echo
echo "$summary"
echo "PostgreSQL statements slower than $slow_ms ms during the run: $slow (in $pg_log)"
[ "$failed" = 1 ] && exit 1
[ "$missed" = 1 ] && exit 2
exit 0
