# Sourced by Tests/all.sh: makes this machine ready for the tests, or says what it cannot do.
# - Debian packages the build and the tests use, installed when missing and we are root with
#   apt-get (a fresh machine); otherwise each missing one is named with the suite it costs.
# - A Python virtual environment in .build/test-venv with Tests/server/requirements.txt, so the
#   SDK suite never depends on (or changes) whatever python3 comes first on PATH.
# Sets: test_python (the venv's interpreter), have_postgres (yes/no), skipped (notes to print).

skipped=()

# package → the command or file that shows it is there, and what the tests lose without it.
declare -A need=(
    [libsqlite3-dev]="/usr/include/sqlite3.h|the build"
    [libncursesw5-dev]="/usr/include/ncursesw/ncurses.h|the build"
    [zlib1g-dev]="/usr/include/zlib.h|the build"
    [tmux]="/usr/bin/tmux|the tmux tests of the terminal client"
    [sqlite3]="/usr/bin/sqlite3|one tmux test that reads the store with sqlite3"
    [postgresql]="initdb|every PostgreSQL run"
    [chromium]="chromium|the HTML report's rendering test"
)
present() {
    case "$1" in
        /*) [ -e "$1" ] ;;
        initdb) ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 ;;
        *) command -v "$1" >/dev/null ;;
    esac
}
missing=()
for package in "${!need[@]}"; do
    present "${need[$package]%%|*}" || missing+=("$package")
done
if [ ${#missing[@]} -gt 0 ]; then
    if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
        echo "== installing ${missing[*]} (apt-get)"
        { apt-get update -q && DEBIAN_FRONTEND=noninteractive apt-get install -y -q "${missing[@]}"; } >/dev/null 2>&1 \
            || echo "apt-get could not install all of: ${missing[*]}" >&2
    fi
    for package in "${missing[@]}"; do
        if ! present "${need[$package]%%|*}"; then
            what=${need[$package]#*|}
            [ "$what" = "the build" ] && { echo "Tests/all.sh: $package is missing and cannot be installed here (apt-get install $package as root): the build needs it" >&2; exit 2; }
            skipped+=("$what: $package is not installed (apt-get install $package)")
        fi
    done
fi
if present initdb; then have_postgres=yes; else have_postgres=no; fi

# The SDK suite's packages, pinned, in a venv of our own under .build (ignored by git). It is
# made again when requirements.txt changes.
venv=.build/test-venv
if ! cmp -s Tests/server/requirements.txt "$venv/requirements.txt" 2>/dev/null; then
    echo "== Python environment for the server suite: $venv"
    rm -rf "$venv"
    mkdir -p .build
    if ! python3 -m venv "$venv" >/dev/null 2>&1; then
        # Debian's python3 keeps venv's pip in a package of its own.
        if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
            { apt-get update -q && apt-get install -y -q python3-venv; } >/dev/null 2>&1
        fi
        rm -rf "$venv"
        python3 -m venv "$venv" || { echo "Tests/all.sh: python3 -m venv failed (apt-get install python3-venv)" >&2; exit 2; }
    fi
    "$venv/bin/python" -m pip install --quiet --disable-pip-version-check -r Tests/server/requirements.txt \
        || { echo "Tests/all.sh: could not install Tests/server/requirements.txt from PyPI" >&2; exit 2; }
    cp Tests/server/requirements.txt "$venv/requirements.txt"
fi
test_python=$PWD/$venv/bin/python
