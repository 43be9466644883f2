#!/usr/bin/env bash
# Prints the JDK modules the app and its dependency jars use, for installer/jlink.args.
# jdeps refuses modular jars whose own dependencies are missing (javafx.web, javafx.swing that TilesFX
# names but we exclude), so the classes are unpacked into one plain jar first.
# Run after `./mvnw -B -DskipTests package`.
set -euo pipefail
cd "$(dirname "$0")/.."
scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT
mkdir "$scratch/classes"
for jar in target/coincalltrader.jar target/lib/*.jar; do
  (cd "$scratch/classes" && unzip -qo "$OLDPWD/$jar" -x 'META-INF/MANIFEST.MF')
done
find "$scratch/classes" -name module-info.class -delete
jar --create --file "$scratch/all.jar" -C "$scratch/classes" .
jdeps --multi-release 21 --ignore-missing-deps --print-module-deps "$scratch/all.jar"
