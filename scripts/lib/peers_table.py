"""Prints the side-by-side table of scripts/bench --peers from jb_loadgen's --summary files.

Each file is DIR/<scenario>.<server>.<run> with `key value` lines; a figure is the median over
the runs of one scenario and server. The ratio is Journeyboard / relay (below 1: we are faster
or smaller).
"""

import pathlib
import statistics
import sys

# How late the load generator's own 5 ms timer fired: its backlog, inside every latency it
# measures (docs/performance.md, "Where the 300 x 30 tail goes").
LOADGEN_LAG = ("loadgen_lag_p99", "load generator's own lag p99", "ms")

# The figures of the many-workshops rows (--workshops W of 30 clients).
MANY_WORKSHOPS = [
    ("fanout_p50", "delivery p50", "ms"), ("fanout_p99", "delivery p99", "ms"),
    ("cpu_us_per_event", "server CPU per delivered event (joins included)", "us"),
    LOADGEN_LAG,
    ("ops_lost", "operations lost", ""), ("errors", "errors", "")]

# scenario → (label, [(key, what it is, unit)])
FIGURES = {
    "50x1": ("50 clients x 1 op/s", [
        ("fanout_p50", "delivery p50", "ms"), ("fanout_p99", "delivery p99", "ms"),
        ("ack_p50", "send -> ack p50", "ms"), ("ack_p99", "send -> ack p99", "ms"),
        ("cpu_us_per_event", "server CPU per delivered event", "us"),
        ("event_bytes", "bytes per event", "B"), LOADGEN_LAG,
        ("ops_lost", "operations lost", "")]),
    "200x1": ("200 clients x 1 op/s", [
        ("fanout_p50", "delivery p50", "ms"), ("fanout_p99", "delivery p99", "ms"),
        ("ack_p99", "send -> ack p99", "ms"),
        ("cpu_us_per_event", "server CPU per delivered event", "us"),
        LOADGEN_LAG,
        ("ops_lost", "operations lost", "")]),
    "500x0.1": ("500 clients x 0.1 op/s", [
        ("fanout_p50", "delivery p50", "ms"), ("fanout_p99", "delivery p99", "ms"),
        ("cpu_us_per_event", "server CPU per delivered event", "us"),
        LOADGEN_LAG,
        ("ops_lost", "operations lost", "")]),
    # Saturated (about 250,000 deliveries a second): the one load generator thread is the
    # limit, so the latencies are its; the server's CPU per event is the figure that counts.
    "500x1": ("500 clients x 1 op/s (saturated)", [
        ("cpu_us_per_event", "server CPU per delivered event", "us"),
        ("fanout_p50", "delivery p50", "ms"), ("fanout_p99", "delivery p99", "ms"),
        ("ops_lost", "operations lost", "")]),
    "burst": ("burst of 1,000 ops, 200 clients", [
        ("burst_ms", "first send -> last delivery", "ms"), ("ops_lost", "operations lost", "")]),
    "ack": ("2 clients x 2 op/s (one op at a time)", [
        ("ack_p50", "send -> ack p50", "ms"), ("ack_p99", "send -> ack p99", "ms")]),
    "join": ("join a full board", [("join_p50", "connect -> board parsed p50", "ms")]),
    "crowd": ("many clients join one workshop", [
        ("join_presence_bytes", "presence bytes received while joining", "B")]),
    "many150": ("150 workshops x 30 clients x 0.2 op/s", MANY_WORKSHOPS),
    "many300": ("300 workshops x 30 clients x 0.2 op/s", MANY_WORKSHOPS),
}
SERVERS = ("journeyboard", "relay")


def read(directory):
    runs = {}
    for path in sorted(pathlib.Path(directory).iterdir()):
        scenario, server, _ = path.name.rsplit(".", 2)
        figures = runs.setdefault((scenario, server), {})
        for line in path.read_text().splitlines():
            key, _, value = line.partition(" ")
            figures.setdefault(key, []).append(float(value))
    return runs


def show(value, unit):
    if value is None:
        return "-"
    if unit == "B" and value >= 1e6:
        return f"{value / 1e6:,.1f} MB"
    if unit in ("B", ""):
        return f"{value:,.0f}{' B' if unit else ''}"
    return f"{value:,.1f} {unit}"


def main(directory):
    runs = read(directory)
    print("| scenario | figure | Journeyboard | JSON relay | ratio |")
    print("| --- | --- | --- | --- | --- |")
    for scenario, (label, figures) in FIGURES.items():
        for key, what, unit in figures:
            values = [runs.get((scenario, s), {}).get(key) for s in SERVERS]
            if values == [None, None]:
                continue
            ours, relay = (statistics.median(v) if v else None for v in values)
            ratio = f"{ours / relay:.2f}" if ours is not None and relay else "-"
            print(f"| {label} | {what} | {show(ours, unit)} | {show(relay, unit)} | {ratio} |")


if __name__ == "__main__":
    main(sys.argv[1])
