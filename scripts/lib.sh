# Shared by the scripts: locate (and if needed build) the bundled jar. Sourced as
#   source "$(dirname "$0")/lib.sh"
# The scripts do not change directory: paths on their command line are taken relative to where the
# user stands; the project's own files are reached through $ROOT.
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
JAR=$ROOT/target/ml-feature-store-0.1.0-bundled.jar
# What the Flex Template ships: the pipeline without the dev tools (same build).
PIPELINE_JAR=$ROOT/target/ml-feature-store-0.1.0-pipeline.jar
MLFS_JAVA_OPTS=${MLFS_JAVA_OPTS:--Xmx4g -XX:+UseParallelGC}

ensure_jar() {
  if [ ! -f "$JAR" ] || [ -n "$(find "$ROOT/src" "$ROOT/pom.xml" -newer "$JAR" -type f -print -quit 2>/dev/null)" ]; then
    echo "building $JAR ..." >&2
    (cd "$ROOT" && mvn -q -B -DskipTests package >&2)
  fi
}
