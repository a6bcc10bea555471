# shellcheck shell=bash
# The checks lane, shared by scripts/test (which runs it by default) and scripts/checks (which
# runs it alone): the Catch2 tests built with ASan + UBSan (build/asan), the room, store and
# network tests built with ThreadSanitizer (build/tsan), and each libFuzzer harness for a few
# seconds (build/fuzz). Source scripts/lib/common.sh first.

# Sanitizer and fuzz builds: -O1 with line tables only (-g1), what the sanitizers' own docs
# advise: cheaper to compile than RelWithDebInfo's -O2 -g, and reports still name file and line.
JB_CHECKS_FLAGS=("-DCMAKE_CXX_FLAGS_RELWITHDEBINFO=-O1 -g1 -DNDEBUG")
# What ThreadSanitizer runs: the tests where threads meet (rooms, the store worker, sockets).
JB_TSAN_SPEC='[room],[store],[ws],[sync],[restart]'
JB_SANITIZER_REPORTS=$JB_ROOT/build/sanitizer-reports

# Every report is fatal and lands in a file: the test's own output may belong to a child server.
jb_sanitizer_env() {
    export ASAN_OPTIONS="halt_on_error=1:detect_leaks=1:log_path=$JB_SANITIZER_REPORTS/asan"
    export UBSAN_OPTIONS="halt_on_error=1:print_stacktrace=1:log_path=$JB_SANITIZER_REPORTS/ubsan"
    export TSAN_OPTIONS="halt_on_error=1:second_deadlock_stack=1:log_path=$JB_SANITIZER_REPORTS/tsan"
}

build_asan() {
    build_server RelWithDebInfo build/asan jb_tests -DJB_BUILD_TESTS=ON -DJB_SANITIZE=ON \
        "${JB_CHECKS_FLAGS[@]}"
}
build_tsan() {
    build_server RelWithDebInfo build/tsan jb_tests -DJB_BUILD_TESTS=ON -DJB_SANITIZE_THREAD=ON \
        "-DJB_TEST_SPEC=$JB_TSAN_SPEC" "${JB_CHECKS_FLAGS[@]}"
}
build_fuzz() { "$JB_ROOT/scripts/fuzz" --build; }

# run_sanitized DIR: the CTest suite of a sanitizer build; fails if any sanitizer wrote a report.
run_sanitized() {
    rm -rf "$JB_SANITIZER_REPORTS"
    mkdir -p "$JB_SANITIZER_REPORTS"
    local rc=0
    (jb_sanitizer_env && ctest --test-dir "$JB_ROOT/$1" -j2 --output-on-failure --no-tests=error \
        --timeout 600) || rc=$?
    if compgen -G "$JB_SANITIZER_REPORTS/*" >/dev/null; then
        log "sanitizer reports (each fails the suite; all in ${JB_SANITIZER_REPORTS#"$JB_ROOT"/}):"
        head -n 60 "$JB_SANITIZER_REPORTS"/*
        return 1
    fi
    return "$rc"
}
run_asan() { run_sanitized build/asan; }
run_tsan() { run_sanitized build/tsan; }
run_fuzz() { timeout --kill-after=10 600 "$JB_ROOT/scripts/fuzz" --smoke "${JB_FUZZ_SECONDS:-5}"; }
