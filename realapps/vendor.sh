#!/bin/sh
# Brings one application's pinned files, byte-identical, into realapps/NAME/upstream/.
# Usage: realapps/vendor.sh NAME [GIT_DIR]
# NAME/SOURCE.md names the repository and commit (lines "- Repository: owner/name" and
# "- Commit: SHA"); NAME/files.txt lists the upstream paths to keep, one a line. GIT_DIR is a
# clone or bare copy of the repository holding that commit (default: the workplace mirror,
# /work/.mirror/OWNER+NAME/repo).
set -eu
here=$(cd "$(dirname "$0")" && pwd)
name=${1:?usage: vendor.sh NAME [GIT_DIR]}
dir=$here/$name
repo=$(sed -n 's/^- Repository: \([^ ]*\).*/\1/p' "$dir/SOURCE.md" | head -n 1)
commit=$(sed -n 's/^- Commit: \([0-9a-f]\{40\}\).*/\1/p' "$dir/SOURCE.md" | head -n 1)
[ -n "$repo" ] && [ -n "$commit" ] || { echo "vendor.sh: $dir/SOURCE.md names no repository or commit" >&2; exit 2; }
gitdir=${2:-/work/.mirror/$(echo "$repo" | tr / +)/repo}
git --git-dir="$gitdir" cat-file -e "$commit^{commit}"
rm -rf "$dir/upstream"
mkdir -p "$dir/upstream"
grep -v '^[[:space:]]*\(#\|$\)' "$dir/files.txt" \
    | xargs git --git-dir="$gitdir" archive --format=tar "$commit" -- \
    | tar -x -C "$dir/upstream"
echo "$repo@$commit: $(find "$dir/upstream" -type f | wc -l) files in $dir/upstream"
