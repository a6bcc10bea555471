# shellcheck shell=bash
# scripts/bench --cluster (docs/performance.md "Cluster"): many workshops of N participants at a
# realistic rate, first on one node with SQLite (the server scripts/bench started), then on one
# node and on three nodes behind HAProxy on a throwaway PostgreSQL (deploy/cluster/local
# nodes-by, which runs `cluster_nodes_bench` below with the nodes left to it). The same
# jb_loadgen run each time; per setup it prints operations per second (in all and per node),
# server CPU per operation (the nodes', PostgreSQL's, HAProxy's), fan-out and ack latency, and
# the commit latency the nodes saw (their /metrics). It prints figures only.
# Sourced by scripts/bench, whose variables it uses (work, port, server_pid, server_bin,
# server_args, loadgen_args, clients, rate, duration, workshops).
# shellcheck disable=SC2154

# CPU seconds (user + system) a process used so far; 0 if it is gone.
cpu_seconds() {
    awk -v tck="$(getconf CLK_TCK)" '{ printf "%.3f", ($14 + $15) / tck }' "/proc/$1/stat" 2>/dev/null || echo 0
}

# CPU seconds of PostgreSQL: the postmaster on `port` and every process it started that still
# runs (the nodes' backends live through the whole run, so none of their time is missed).
pg_cpu_seconds() {
    local port=$1 master pids total=0 pid
    master=$(ss -Hltnp "sport = :$port" 2>/dev/null | grep -o 'pid=[0-9]*' | head -n1 | cut -d= -f2)
    [[ -n $master ]] || { echo 0; return; }
    pids="$master $(pgrep -P "$master" | tr '\n' ' ')"
    for pid in $pids; do total=$(awk -v a="$total" -v b="$(cpu_seconds "$pid")" 'BEGIN { printf "%.3f", a + b }'); done
    echo "$total"
}

# Sums the nodes' /metrics into key value lines: operations accepted, commits (count, sum, and
# cumulative buckets) and acks (count and buckets).
scrape_metrics() {
    local node
    for node in "$@"; do curl -fsS "http://127.0.0.1:$node/metrics" || true; done | python3 -c '
import re, sys, collections
total = collections.Counter()
for line in sys.stdin:
    m = re.match(r"(journeyboard_(?:operations_accepted_total|commit_duration_seconds|ack_duration_seconds)\w*)(\{[^}]*\})? (\S+)$", line.strip())
    if not m: continue
    name, labels, value = m.group(1), m.group(2) or "", float(m.group(3))
    if name == "journeyboard_operations_accepted_total": name, labels = "ops_accepted", ""
    le = re.search(r"le=\"([^\"]+)\"", labels)
    total[name + ("@" + le.group(1) if le else "")] += value
for k, v in sorted(total.items()): print(k, v)'
}

# Prints "count mean_ms p50<=ms p99<=ms" of a histogram between two scrapes (bucket bounds: the
# percentile lies at or below the bound printed).
histogram_between() {
    local before=$1 after=$2 name=$3
    python3 - "$before" "$after" "$name" <<'PY'
import sys
def read(path):
    d = {}
    for line in open(path):
        k, v = line.split()
        d[k] = float(v)
    return d
b, a, name = read(sys.argv[1]), read(sys.argv[2]), sys.argv[3]
count = a.get(name + "_count", 0) - b.get(name + "_count", 0)
total = a.get(name + "_sum", 0) - b.get(name + "_sum", 0)
buckets = sorted((float(k.split("@")[1]), a[k] - b.get(k, 0)) for k in a if k.startswith(name + "_bucket@") and k.split("@")[1] != "+Inf")
def at(q):
    for bound, n in buckets:
        if n >= q * count: return "%g" % (bound * 1000)
    return "more"
print("%d %.2f %s %s" % (count, 1000 * total / count, at(0.5), at(0.99)) if count else "0 - - -")
PY
}

# bench_setup LABEL NODES TARGET_PORT "NODE_PIDS" "NODE_PORTS" [PG_PORT] [PROXY_PID]: one run of
# the load generator against TARGET_PORT and one line of figures appended to $work/cluster.txt.
bench_setup() {
    local label=$1 nodes=$2 target=$3 pids=$4 node_ports=$5 pg_port=${6:-} proxy_pid=${7:-}
    local before_cpu=0 after_cpu=0 pid pg_before=0 pg_after=0 proxy_before=0 proxy_after=0 summary=$work/$nodes-$RANDOM.sum
    # shellcheck disable=SC2086  # lists of ports and pids
    scrape_metrics $node_ports >"$work/metrics.before"
    for pid in $pids; do before_cpu=$(awk -v a="$before_cpu" -v b="$(cpu_seconds "$pid")" 'BEGIN { print a + b }'); done
    [[ -n $pg_port ]] && pg_before=$(pg_cpu_seconds "$pg_port")
    [[ -n $proxy_pid ]] && proxy_before=$(cpu_seconds "$proxy_pid")
    printf '\n== %s ==\n' "$label"
    timeout --signal=INT --kill-after=10 $((300 + ${duration%.*})) "$loadgen_bin" \
        --port "$target" --scenario fanout --workshops "$workshops" --clients "$clients" --rate "$rate" \
        --duration "$duration" --connect-parallel 4 --workshop-in-url --summary "$summary" "${loadgen_args[@]}" || return $?
    for pid in $pids; do after_cpu=$(awk -v a="$after_cpu" -v b="$(cpu_seconds "$pid")" 'BEGIN { print a + b }'); done
    [[ -n $pg_port ]] && pg_after=$(pg_cpu_seconds "$pg_port")
    [[ -n $proxy_pid ]] && proxy_after=$(cpu_seconds "$proxy_pid")
    # shellcheck disable=SC2086
    scrape_metrics $node_ports >"$work/metrics.after"
    local rss=0  # the largest node's peak resident memory, MiB
    for pid in $pids; do
        rss=$(awk -v m="$rss" '/^VmHWM/ { v = $2 / 1024; print (v > m ? v : m); found = 1 } END { if (!found) print m }' "/proc/$pid/status" 2>/dev/null || echo "$rss")
    done
    local acked p50 p99 commit ack
    acked=$(awk '$1 == "ops_acked" { print $2 }' "$summary")
    p50=$(awk '$1 == "fanout_p50" { print $2 }' "$summary")
    p99=$(awk '$1 == "fanout_p99" { print $2 }' "$summary")
    commit=$(histogram_between "$work/metrics.before" "$work/metrics.after" journeyboard_commit_duration_seconds)
    ack=$(histogram_between "$work/metrics.before" "$work/metrics.after" journeyboard_ack_duration_seconds)
    awk -v label="$label" -v nodes="$nodes" -v acked="$acked" -v d="$duration" -v p50="$p50" -v p99="$p99" \
        -v cpu="$(awk -v a="$after_cpu" -v b="$before_cpu" 'BEGIN { print a - b }')" \
        -v pg="$(awk -v a="$pg_after" -v b="$pg_before" 'BEGIN { print a - b }')" \
        -v proxy="$(awk -v a="$proxy_after" -v b="$proxy_before" 'BEGIN { print a - b }')" \
        -v commit="$commit" -v ack="$ack" -v rss="$rss" 'BEGIN {
            split(commit, c, " "); split(ack, k, " ")
            printf "%-22s %5d %8.1f %8.1f %9.3f %9.3f %9.3f %7.1f %7.1f %8s %6s %6s %7s %7.0f\n", label, nodes,
                acked / d, acked / d / nodes, acked ? 1000 * cpu / acked : 0, acked ? 1000 * pg / acked : 0,
                acked ? 1000 * proxy / acked : 0, p50, p99, c[2], c[4], c[1], k[4], rss
        }' >>"$work/cluster.txt"
}

print_cluster_table() {
    printf '\n== Cluster: %s workshops of %s participants, %s op/s each, %s s ==\n' "$workshops" "$clients" "$rate" "$duration"
    printf '%-22s %5s %8s %8s %9s %9s %9s %7s %7s %8s %6s %6s %7s %7s\n' setup nodes 'op/s' 'op/s/nd' \
        'node ms' 'pg ms' 'proxy ms' 'fo p50' 'fo p99' 'commit' 'c p99' commits 'ack p99' 'max RSS'
    printf '%-22s %5s %8s %8s %9s %9s %9s %7s %7s %8s %6s %6s %7s %7s\n' '' '' '' '' 'CPU/op' 'CPU/op' 'CPU/op' ms ms \
        'mean ms' '<= ms' '' '<= ms' 'MiB'
    cat "$work/cluster.txt"
}

# Inside deploy/cluster/local nodes-by: PostgreSQL and HAProxy run, the nodes are ours.
cluster_nodes_bench() {
    local ports pg_port node_pids=() i node_args
    read -r -a ports <<<"$JB_CLUSTER_NODE_PORTS"
    pg_port=$(sed -E 's|.*:([0-9]+)/.*|\1|' <<<"$JB_TEST_PG_URL")
    node_args=(--db "$JB_TEST_PG_URL" --bind 127.0.0.1 --static "$work/static" --client-ip-header X-Real-IP
        "${server_args[@]}")
    start_node() {
        "$server_bin" "${node_args[@]}" --port "${ports[$1]}" >"$work/node$1.log" 2>&1 &
        node_pids[$1]=$!
        for _ in $(seq 150); do
            curl -fs -o /dev/null "http://127.0.0.1:${ports[$1]}/readyz" && return 0
            sleep 0.1
        done
        tail -n 20 "$work/node$1.log" >&2
        die "node $(($1 + 1)) did not come up"
    }
    stop_nodes() {
        local pid
        for pid in "${node_pids[@]}"; do kill -TERM "$pid" 2>/dev/null || true; done
        for pid in "${node_pids[@]}"; do wait "$pid" 2>/dev/null || true; done
        node_pids=()
    }
    trap stop_nodes EXIT

    start_node 0
    bench_setup "PostgreSQL, 1 node" 1 "${ports[0]}" "${node_pids[0]}" "${ports[0]}" "$pg_port" || return $?
    stop_nodes
    for i in 0 1 2; do start_node "$i"; done
    local proxy_port proxy_pid
    proxy_port=$(sed -E 's|.*:([0-9]+)/?$|\1|' <<<"$JB_CLUSTER_URL")
    proxy_pid=$(ss -Hltnp "sport = :$proxy_port" | grep -o 'pid=[0-9]*' | head -n1 | cut -d= -f2)
    for _ in $(seq 100); do
        [[ $(curl -fsS "http://127.0.0.1:$proxy_port/haproxy/nodes-up" 2>/dev/null) == 3 ]] && break
        sleep 0.1
    done
    bench_setup "PostgreSQL, 3 nodes" 3 "$proxy_port" "${node_pids[*]}" "${ports[*]}" "$pg_port" "$proxy_pid" || return $?
    stop_nodes
}

run_cluster_bench() {
    : >"$work/cluster.txt"
    bench_setup "SQLite, 1 node" 1 "$port" "$server_pid" "$port" || die "jb_loadgen failed on SQLite"
    stop_server
    BENCH_ARRAYS=$(declare -p server_args loadgen_args)
    export work server_bin loadgen_bin workshops clients rate duration BENCH_ARRAYS
    local status=0
    # shellcheck disable=SC2016  # expanded by the inner shell
    JB_SERVER_BIN=$server_bin deploy/cluster/local nodes-by bash -c '
        source scripts/lib/common.sh
        source scripts/lib/bench_cluster.sh
        eval "$BENCH_ARRAYS"
        cluster_nodes_bench' || status=$?
    print_cluster_table
    ((status == 0)) || die "the PostgreSQL part failed (exit $status)"
}
