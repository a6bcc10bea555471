# shellcheck shell=bash
# shellcheck disable=SC2154  # work, sched, server_bin, server_args, loadgen_args, duration, crowd, repeat, cards, joins: from scripts/bench
# scripts/bench --peers: the same scenarios against Journeyboard and a stateless JSON relay on
# `ws` (bench/relay/relay.js), alternating server by server within each scenario so that both
# see the same neighbours on a shared machine, then one table with the ratios
# (scripts/lib/peers_table.py). Sourced by scripts/bench after the Release build; uses its
# variables (work, sched, server_bin, server_args, loadgen_args (also for the relay: e.g. an older
# build's --protocol-version, which the relay ignores), duration, repeat, crowd, cards, joins).

declare -A peer_pid=() peer_port=()

# start_peer NAME COMMAND...: starts a server that prints "listening on http://HOST:PORT/".
start_peer() {
    local name=$1
    shift
    "${sched[@]}" "$@" >"$work/$name.log" 2>&1 &
    peer_pid[$name]=$!
    local port=
    for _ in $(seq 150); do
        port=$(sed -n 's|.*listening on http://[^ ]*:\([0-9][0-9]*\)/.*|\1|p' "$work/$name.log" | head -n1)
        [[ -n $port ]] && break
        kill -0 "${peer_pid[$name]}" 2>/dev/null || break
        sleep 0.1
    done
    [[ -n $port ]] || { cat "$work/$name.log" >&2; die "$name did not say where it listens"; }
    peer_port[$name]=$port
}

stop_peers() {
    local name
    for name in "${!peer_pid[@]}"; do
        kill -TERM "${peer_pid[$name]}" 2>/dev/null || true
        wait "${peer_pid[$name]}" 2>/dev/null || true
    done
    peer_pid=()
}

run_peers() {
    ensure_npm bench/relay
    trap 'stop_peers; cleanup' EXIT
    mkdir -p "$work/peers"
    start_peer journeyboard "$server_bin" --port 0 --bind 127.0.0.1 \
        --db "$work/peers.db" --static "$work/static" "${server_args[@]}"
    start_peer relay node bench/relay/relay.js 0

    # name | jb_loadgen arguments. Short runs: the machine is shared, so each figure is only
    # compared with the other server's in the same run.
    local long
    long=$(awk -v d="$duration" 'BEGIN { print 2 * d }')
    local scenarios=(
        "50x1|--scenario fanout -n 50 -r 1 -d $duration"
        "200x1|--scenario fanout -n 200 -r 1 -d $duration"
        "500x0.1|--scenario fanout -n 500 -r 0.1 -d $long"
        "500x1|--scenario fanout -n 500 -r 1 -d $duration"
        "burst|--scenario fanout -n 200 --burst 1000"
        "ack|--scenario fanout -n 2 -r 2 -d $duration"
        "join|--scenario join --cards $cards --joins $joins"
    )
    ((crowd >= 2)) && scenarios+=("crowd|--scenario fanout -n $crowd -r 0.01 -d 1 --connect-parallel 32")
    # Many workshops at once, a national training day: 30 clients each at 0.2 op/s.
    scenarios+=(
        "many150|--scenario fanout --workshops 150 -n 30 -r 0.2 -d $long --connect-parallel 4"
        "many300|--scenario fanout --workshops 300 -n 30 -r 0.2 -d $long --connect-parallel 4"
    )

    local entry name args target k
    for ((k = 1; k <= repeat; k++)); do
        for entry in "${scenarios[@]}"; do
            name=${entry%%|*} args=${entry#*|}
            for target in journeyboard relay; do
                printf '\n== %s, %s (run %d of %d) ==\n' "$name" "$target" "$k" "$repeat"
                # shellcheck disable=SC2086  # args is a list of options
                timeout --signal=INT --kill-after=10 900 "${sched[@]}" "${loadgen_bin:-build/release/bench/jb_loadgen}" \
                    --port "${peer_port[$target]}" --server-pid "${peer_pid[$target]}" $args \
                    --summary "$work/peers/$name.$target.$k" "${loadgen_args[@]}" ||
                    printf 'jb_loadgen exited with %s\n' "$?"
            done
        done
    done
    stop_peers
    # The ack row's target is the disk's fsync time + 1 ms: measured here, on the same disk, at
    # the same pace (one lone op every 250 ms, when an idle virtual disk costs the most).
    "${sched[@]}" build/release/bench/jb_store_bench --db "$work/peers-ack.db" --groups 1 --commits 40 \
        --idle 250 >"$work/peers-disk.txt" 2>&1 ||
        printf 'jb_store_bench exited with %s\n' "$?" >>"$work/peers-disk.txt"
    printf '\n== Side by side (%s; median of %d run(s) each) ==\n\n' \
        "$(cut -d' ' -f1-3 /proc/loadavg | sed 's/^/load average now /')" "$repeat"
    python3 scripts/lib/peers_table.py "$work/peers"
    printf '\nThe ack target is the disk'"'"'s fsync time + 1 ms; at the ack row'"'"'s pace (jb_store_bench --idle 250):\n'
    cat "$work/peers-disk.txt"
}
