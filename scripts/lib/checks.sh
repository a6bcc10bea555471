# shellcheck shell=bash
# The checks lane, shared by scripts/test and scripts/checks (which runs it alone): the server
# and the unit tests built with clang's ASan + UBSan (build/asan), the room, store and network
# tests with ThreadSanitizer (build/tsan), the integration tests against each of those servers,
# and each libFuzzer harness for a few seconds (built in build/asan too). Source
# scripts/lib/common.sh first.

# Sanitizer and fuzz builds: -O1 with line tables only (-g1), what the sanitizers' own docs
# advise: cheaper to compile than RelWithDebInfo's -O2 -g, and reports still name file and line.
# The server compiles in batches (JB_UNITY_BUILD, server/CMakeLists.txt): these trees are built
# whole far more often than edited file by file, and a cold one costs about half the CPU.
JB_CHECKS_FLAGS=("-DCMAKE_CXX_FLAGS_RELWITHDEBINFO=-O1 -g1 -DNDEBUG" -DJB_UNITY_BUILD=ON)
# What ThreadSanitizer runs: the tests where threads meet (rooms, the store worker, sockets).
JB_TSAN_SPEC='[room],[store],[ws],[sync],[restart]'
# What the UBSan server does not run while its runtime needs free descriptors: the tests that use
# up every one. Its vptr check probes memory through a fresh pipe(), so with none left it reports
# valid objects as "invalid vptr" (tests/sanitizer/vptr_without_fds.cpp is the probe that tells);
# such reports say nothing about the server. These tests still run in the plain ctest suite and
# against the TSan server.
JB_SANITIZER_SKIP_SPEC='[exhausts-fds]'
# What the ThreadSanitizer server does not run: the tests whose point is size ([scale]: the
# largest board the limits allow, a welcome larger than the queue bound). TSan makes them 10-20
# times slower (over 600 s for the largest board) and they add no way for threads to meet that
# the smaller [ws] tests in the same pass lack; the ASan pass and the plain suite run them.
JB_TSAN_SKIP_SPEC='[scale]'
JB_SANITIZER_REPORTS=$JB_ROOT/build/sanitizer-reports

# Every report is fatal and lands in a file: the test's own output may belong to a child server.
jb_sanitizer_env() {
    export ASAN_OPTIONS="halt_on_error=1:detect_leaks=1:log_path=$JB_SANITIZER_REPORTS/asan"
    export UBSAN_OPTIONS="halt_on_error=1:print_stacktrace=1:log_path=$JB_SANITIZER_REPORTS/ubsan"
    export TSAN_OPTIONS="halt_on_error=1:second_deadlock_stack=1:log_path=$JB_SANITIZER_REPORTS/tsan"
}

# ASan + UBSan and the fuzzers share one clang tree: JB_FUZZ builds every library with ASan, UBSan
# and coverage, so the server, the unit tests and the harnesses compile once for both passes.
# Neither sanitizer tree builds the integration tests: their clients come from the plain build
# (build/test), pointed at the sanitized server with JB_TEST_SERVER_BIN, which is what they test.
JB_ASAN_TREE=build/asan
JB_TSAN_TREE=build/tsan
JB_ASAN_ARGS=(-DCMAKE_CXX_COMPILER=clang++ -DJB_FUZZ=ON -DJB_BUILD_TESTS=ON
    -DJB_BUILD_INTEGRATION_TESTS=OFF "${JB_CHECKS_FLAGS[@]}")
JB_TSAN_ARGS=(-DJB_SANITIZE_THREAD=ON -DJB_BUILD_TESTS=ON -DJB_BUILD_INTEGRATION_TESTS=OFF
    "-DJB_TEST_SPEC=$JB_TSAN_SPEC" "${JB_CHECKS_FLAGS[@]}")
# The plain build whose integration tests run against the sanitized servers (scripts/test's).
JB_PLAIN_TREE=${JB_PLAIN_TREE:-build/test}

build_asan() { build_server RelWithDebInfo "$JB_ASAN_TREE" jb_tests "${JB_ASAN_ARGS[@]}"; }
build_tsan() { build_server RelWithDebInfo "$JB_TSAN_TREE" jb_tests "${JB_TSAN_ARGS[@]}"; }
build_fuzz() { build_server RelWithDebInfo "$JB_ASAN_TREE" jb_fuzzers "${JB_ASAN_ARGS[@]}"; }
# The integration tests come from the plain build (with its server, which they do not use here).
build_plain_integration() {
    build_server RelWithDebInfo "$JB_PLAIN_TREE" jb_integration_tests -DJB_BUILD_TESTS=ON
}

# ctest_names_regex BINARY SPEC PREFIX: a CTest -R regex that selects exactly the Catch2 tests of
# BINARY that SPEC selects (CTest knows no Catch2 tags; its names are PREFIX + the test name).
ctest_names_regex() {
    local names
    names=$("$1" --list-test-names-only "$2" | sed -e '/^$/d' -e 's/[][\\.^$*+?(){}|]/\\&/g' | paste -sd'|')
    [[ -n $names ]] || return 1
    printf '^%s(%s)$' "$3" "$names"
}

# Whether UBSan's vptr check still works once a process has no descriptor left (the probe's
# comment says why it may not). Built with the same clang as the ASan tree, in a second or two.
sanitizer_checks_without_fds() {
    local probe=$JB_ROOT/build/sanitizer-probe/vptr_without_fds
    mkdir -p "${probe%/*}"
    clang++ -std=c++20 -fsanitize=undefined -fno-sanitize-recover=all \
        "$JB_ROOT/tests/sanitizer/vptr_without_fds.cpp" -o "$probe" || return 1
    (ulimit -n 256 && UBSAN_OPTIONS=halt_on_error=1 "$probe" exhaust 2>/dev/null)
}

# run_sanitized TREE [SPEC] [SKIP_SPEC]: the sanitizer build's own CTest suite (its unit tests), then
# the plain build's integration tests that SPEC selects (all without one) and SKIP_SPEC does not,
# against TREE's server. Fails if any test fails or any sanitizer wrote a report (also one from a
# server a test started).
run_sanitized() {
    local tree=$JB_ROOT/$1 spec=${2:-} skip_spec=${3:-} plain=$JB_ROOT/$JB_PLAIN_TREE regex skip rc=0
    rm -rf "$JB_SANITIZER_REPORTS"
    mkdir -p "$JB_SANITIZER_REPORTS"
    if [[ -n $spec ]]; then
        regex=$(ctest_names_regex "$plain/tests/jb_integration_tests" "$spec" 'integration: ?') || {
            log "no integration test of $plain matches $spec"
            return 1
        }
    else
        regex='^integration:'   # CTest drops the space after its prefix
    fi
    skip='^$'
    if [[ -n $skip_spec ]]; then
        skip=$(ctest_names_regex "$plain/tests/jb_integration_tests" "$skip_spec" 'integration: ?') || {
            log "no integration test of $plain matches $skip_spec"
            return 1
        }
        log "not run against ${1}'s server: $skip_spec"
    fi
    (
        jb_sanitizer_env
        ctest --test-dir "$tree" -j2 --output-on-failure --no-tests=error --timeout 600 || rc=1
        JB_TEST_SERVER_BIN=$tree/server/journeyboard ctest --test-dir "$plain" -R "$regex" -E "$skip" -j2 \
            --output-on-failure --no-tests=error --timeout 600 || rc=1
        exit "$rc"
    ) || rc=$?
    if compgen -G "$JB_SANITIZER_REPORTS/*" >/dev/null; then
        log "sanitizer reports (each fails the suite; all in ${JB_SANITIZER_REPORTS#"$JB_ROOT"/}):"
        head -n 60 "$JB_SANITIZER_REPORTS"/*
        return 1
    fi
    return "$rc"
}
run_asan() {
    local skip_spec=
    sanitizer_checks_without_fds || skip_spec=$JB_SANITIZER_SKIP_SPEC
    run_sanitized "$JB_ASAN_TREE" '' "$skip_spec"
}
# The TSan server runs two network threads (the default is one), so that its sessions and rooms
# do meet on different threads in these tests.
run_tsan() { JOURNEYBOARD_THREADS=2 run_sanitized "$JB_TSAN_TREE" "$JB_TSAN_SPEC" "$JB_TSAN_SKIP_SPEC"; }
run_fuzz() { timeout --kill-after=10 600 "$JB_ROOT/scripts/fuzz" --smoke "${JB_FUZZ_SECONDS:-5}"; }
