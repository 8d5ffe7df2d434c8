#!/usr/bin/env bash
# Makes README's pictures from the real program, so anyone can re-run it after a change:
#   docs/pictures/client.png   the terminal client on the demo workspace, as tmux shows it
#                              (capture-pane → HTML → headless Chromium)
#   docs/pictures/report.png   the top of the HTML migration report of the same store
# Needs tmux, chromium and fonts with emoji and CJK (apt-get install tmux chromium
# fonts-noto-color-emoji fonts-noto-cjk); builds chatterm first unless CHATTERM names a binary.
#   docs/pictures/make.sh
set -euo pipefail
cd "$(dirname "$0")/../.."
here=docs/pictures
chatterm=${CHATTERM:-}
if [ -z "$chatterm" ]; then
    swift build --product chatterm 2>&1 | tail -1
    chatterm=$(swift build --show-bin-path)/chatterm
fi
work=$(mktemp -d)
tmux_() { tmux -L chatterm-pictures -f /dev/null "$@"; }
trap 'tmux_ kill-server 2>/dev/null || true; rm -rf "$work"' EXIT

"$chatterm" import demo-data/demo.jsonl --db "$work/chat.sqlite" >/dev/null

shoot() { # HTML (absolute path) PNG WIDTH HEIGHT
    chromium --headless --no-sandbox --disable-gpu --hide-scrollbars --force-device-scale-factor=1 \
        --window-size="$3,$4" --screenshot="$PWD/$2" "file://$1" >/dev/null 2>&1
    echo "wrote $2"
}

# The client as Maya, in #engineering with the newest message's thread open.
columns=120 rows=36
tmux_ new-session -d -x $columns -y $rows \
    "LANG=C.UTF-8 TERM=xterm-256color $chatterm open --user maya --db $work/chat.sqlite"
sleep 2
tmux_ send-keys C-k; sleep 0.5
tmux_ send-keys -l engineering; sleep 0.5
tmux_ send-keys Enter; sleep 1
tmux_ send-keys Up; sleep 0.5
tmux_ send-keys Enter; sleep 1
tmux_ capture-pane -p -e >"$work/client.txt"
python3 $here/ansi_html.py "$work/client.txt" $columns >"$work/client.html"
shoot "$work/client.html" $here/client.png $((columns * 9 + 32)) $((rows * 19 + 28))

# The report's first screenful.
"$chatterm" report --db "$work/chat.sqlite" --format html -o "$work/report.html"
shoot "$work/report.html" $here/report.png 1200 1500
