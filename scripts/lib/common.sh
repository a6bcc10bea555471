# shellcheck shell=bash
# Shared by scripts/run and scripts/test: install what is missing, build what changed.
# Source it; it sets JB_ROOT to the repository root. Each function fails (non-zero, message on
# stderr) rather than carrying on half-done.

JB_ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
JB_STAMPS=$JB_ROOT/build/stamps

# Debian packages, and what each is for.
JB_RUN_PACKAGES=(
    build-essential            # g++ 12 and make
    cmake ninja-build          # the C++ build
    libboost-dev               # Boost.Beast / Asio (HTTP and WebSocket)
    libboost-program-options-dev  # command-line options
    libsqlite3-dev             # the embedded database
    libpq-dev                  # the PostgreSQL store (--db postgresql://…, docs/cluster.md)
    libsystemd-dev             # sd_notify: tells systemd when the server is ready (Type=notify)
    nlohmann-json3-dev         # JSON
    libssl-dev                 # OpenSSL libcrypto: SHA-256 and the CSPRNG
    pkg-config                 # finds libxlsxwriter and libzip for CMake
    libxlsxwriter-dev          # the XLSX export (improvements.xlsx)
    libzip-dev                 # the ODS export's zip container (improvements.ods)
    nodejs npm                 # building the web client
    ca-certificates            # npm reaching its registry over TLS
)
# scripts/fuzz (and the fuzz smoke run of scripts/test): clang with libFuzzer and its sanitizers.
JB_FUZZ_PACKAGES=(
    clang                      # clang++ 14, with -fsanitize=fuzzer
    libclang-rt-14-dev         # libFuzzer and the sanitizer runtimes for clang
    python3                    # tests/fuzz/seeds.py and dictionary.py
)
# shellcheck disable=SC2034  # used by scripts/test
JB_TEST_PACKAGES=(
    "${JB_RUN_PACKAGES[@]}"
    catch2                     # C++ unit and integration tests
    chromium                   # browser end-to-end tests (Playwright drives /usr/bin/chromium)
    nginx                      # the reverse-proxy test (tests/deploy)
    postgresql                 # the store-pg suite's throwaway PostgreSQL 15 (deploy/cluster/pg)
    openssl                    # its self-signed certificate
    zbar-tools                 # zbarimg: the e2e test reads the facilitator's QR code back
    python3-openpyxl           # reads the XLSX export back (tests/export/read_back.py)
    python3-odf                # reads the ODS export back (tests/export/read_back.py)
    prometheus                 # promtool checks GET /metrics (tests/integration, tests/package)
    dpkg-dev curl jq           # the package suite: dpkg-shlibdeps, requests, JSON answers
    ccache                     # the package suite's build reuses build/test's objects
    "${JB_FUZZ_PACKAGES[@]}"
)

log() { printf '==> %s\n' "$*" >&2; }
die() { printf 'error: %s\n' "$*" >&2; exit 1; }

# Whether a Debian package is installed. nodejs from NodeSource ships npm inside it (Debian's
# npm package would conflict with it), so a working `npm`/`node` command counts.
package_present() {
    case $1 in
        npm) command -v npm >/dev/null && return 0 ;;
        nodejs) command -v node >/dev/null && return 0 ;;
    esac
    [[ $(dpkg-query -W -f='${Status}' "$1" 2>/dev/null) == *" installed" ]]
}

# ensure_packages PKG...: installs the missing ones with apt-get (as root, or with password-less
# sudo); otherwise says what to install.
ensure_packages() {
    local missing=() pkg
    for pkg in "$@"; do
        package_present "$pkg" || missing+=("$pkg")
    done
    ((${#missing[@]} == 0)) && return 0
    local sudo=()
    if ((EUID != 0)); then
        if command -v sudo >/dev/null && sudo -n true 2>/dev/null; then
            sudo=(sudo)
        else
            die "missing Debian packages: ${missing[*]}
  install them as root:  apt-get install -y --no-install-recommends ${missing[*]}
  or run this script as root, and it will."
        fi
    fi
    log "installing Debian packages: ${missing[*]}"
    "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get update -q
    "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive \
        apt-get install -y -q --no-install-recommends "${missing[@]}"
}

hash_files() { cat "$@" | sha256sum | cut -d' ' -f1; }

# ensure_npm DIR: `npm ci` in DIR when its package.json or package-lock.json changed since the
# last install (a stamp in node_modules holds their hash), so an unchanged tree costs nothing.
ensure_npm() {
    local dir=$JB_ROOT/$1
    [[ -f $dir/package.json ]] || die "$1/package.json is missing"
    [[ -f $dir/package-lock.json ]] || die "$1/package-lock.json is missing: npm ci needs the committed lock file"
    local stamp=$dir/node_modules/.jb-lock-hash want
    want=$(hash_files "$dir/package.json" "$dir/package-lock.json")
    if [[ -d $dir/node_modules && -f $stamp && $(<"$stamp") == "$want" ]]; then
        return 0
    fi
    log "npm ci in $1"
    (cd "$dir" && npm ci --no-audit --no-fund)
    printf '%s\n' "$want" >"$stamp"
}

# build_server TYPE DIR TARGET [CMAKE_ARGS...]: configures DIR once (Ninja; later CMakeLists
# changes re-run CMake by themselves) and builds TARGET ("all" for everything). At most two jobs:
# the machine has two cores.
build_server() {
    local type=$1 name=$2 target=$3
    local dir=$JB_ROOT/$name
    shift 3
    # A tree configured with other arguments (another compiler, other options) starts afresh:
    # CMake would keep the cached compiler and options otherwise.
    local args="$type $*" stamp=$dir/.jb-configure-args
    if [[ -f $dir/build.ninja && (! -f $stamp || $(<"$stamp") != "$args") ]]; then
        log "$name was configured with other arguments: configuring it afresh"
        rm -rf "$dir"
    fi
    if [[ ! -f $dir/build.ninja ]]; then
        log "configuring $name ($type)"
        # ccache, when a developer has installed it, makes rebuilds across checkouts cheap.
        local launcher=()
        command -v ccache >/dev/null && launcher=(-DCMAKE_CXX_COMPILER_LAUNCHER=ccache)
        cmake -S "$JB_ROOT" -B "$dir" -G Ninja -DCMAKE_BUILD_TYPE="$type" "${launcher[@]}" "$@"
        printf '%s\n' "$args" >"$stamp"
    fi
    log "building $name"
    # Paths relative to the checkout, so that a clone in another folder (CI's) hits the cache
    # that a developer's checkout filled.
    CCACHE_BASEDIR=$JB_ROOT CCACHE_NOHASHDIR=true \
        cmake --build "$dir" --target "$target" -j "${JB_JOBS:-2}"
}

# A hash of everything in web/ that the build reads (not its outputs, tests' or dependencies).
web_source_hash() {
    (cd "$JB_ROOT/web" &&
        find . \( -path ./node_modules -o -path ./dist -o -path ./test-results \
            -o -path ./playwright-report \) -prune -o -type f -print0 |
        LC_ALL=C sort -z | xargs -0 sha256sum | sha256sum | cut -d' ' -f1)
}

# build_web: `npm run build` (→ web/dist) unless the sources are the ones last built.
build_web() {
    [[ -f $JB_ROOT/web/package.json ]] || die "web/package.json is missing: no web client to build"
    local stamp=$JB_STAMPS/web-dist.hash want
    want=$(web_source_hash)
    if [[ -f $JB_ROOT/web/dist/index.html && -f $stamp && $(<"$stamp") == "$want" ]]; then
        return 0
    fi
    log "building web/ (npm run build)"
    (cd "$JB_ROOT/web" && npm run build)
    [[ -f $JB_ROOT/web/dist/index.html ]] || die "npm run build made no web/dist/index.html"
    mkdir -p "$JB_STAMPS"
    printf '%s\n' "$want" >"$stamp"
}

# has_option NAME ARGS...: whether ARGS hold --NAME or --NAME=VALUE.
has_option() {
    local name=$1 arg
    shift
    for arg in "$@"; do
        [[ $arg == "$name" || $arg == "$name="* ]] && return 0
    done
    return 1
}
