# Shared by the scripts: locate (and if needed build) the bundled jar.
JAR=target/ml-feature-store-0.1.0-bundled.jar
# What the Flex Template ships: the pipeline without the dev tools (same build).
PIPELINE_JAR=target/ml-feature-store-0.1.0-pipeline.jar
MLFS_JAVA_OPTS=${MLFS_JAVA_OPTS:--Xmx4g -XX:+UseParallelGC}

ensure_jar() {
  if [ ! -f "$JAR" ] || [ -n "$(find src pom.xml -newer "$JAR" -type f -print -quit 2>/dev/null)" ]; then
    echo "building $JAR ..." >&2
    mvn -q -B -DskipTests package >&2
  fi
}
