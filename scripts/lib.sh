# Shared by the scripts: locate (and if needed build) the bundled jar. Sourced as
#   source "$(dirname "$0")/lib.sh"
# The scripts do not change directory: paths on their command line are taken relative to where the
# user stands; the project's own files are reached through $ROOT.
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
JAR=$ROOT/target/ml-feature-store-0.1.0-bundled.jar
# What the Flex Template ships: the pipeline without the dev tools (same build).
PIPELINE_JAR=$ROOT/target/ml-feature-store-0.1.0-pipeline.jar
# JVM options of the local runs (override with MLFS_JAVA_OPTS). On this 2-core machine the C2
# compiler's threads compete with the job's two worker threads for most of a run; C1 alone
# (TieredStopAtLevel=1) was faster for every job measured, short and long (README, "Performance").
# The heap cap keeps the 3.25 real seasons under 2 GB of resident memory at the same speed as 4g
# (the parallel collector grows the heap towards its cap); raise it for longer backfills.
# Transparent huge pages for the heap where the kernel offers them on request ("madvise" or
# "always"): the DirectRunner holds every step's output in the heap, and with 4 KB pages the
# kernel's page faults and TLB misses cost ~15 % of every run here (README, "Performance").
thp_opts() {
  grep -qE '\[(always|madvise)\]' /sys/kernel/mm/transparent_hugepage/enabled 2>/dev/null \
    && echo "-XX:+UseTransparentHugePages"
  return 0
}
MLFS_JAVA_OPTS=${MLFS_JAVA_OPTS:--Xmx2560m -XX:+UseParallelGC -XX:TieredStopAtLevel=1 $(thp_opts)}
# Class-data-sharing archive of the bundled jar (AppCDS), one per main class: the classes a run
# loaded, mapped at the next start instead of being parsed and verified again (about a second of
# every run). Written by the first run after each build that succeeds (exit 0) and is not --help:
# an archive of a run that stopped at its options would hold a tenth of the classes and be kept
# until the next build. Used by every later run; MLFS_CDS=0 turns it off.
cds_archive() {
  echo "$ROOT/target/cds-${1##*.}.jsa"
}

# cds_opts MAIN_CLASS -> the JVM options that use its archive, or that write it (to a file of this
# process, moved into place by run_java) at exit
cds_opts() {
  [ "${MLFS_CDS:-1}" = 1 ] || return 0
  local a
  a=$(cds_archive "$1")
  if [ -f "$a" ] && [ "$a" -nt "$JAR" ]; then
    # JVM warnings go to stderr (--json output on stdout stays clean); the archive's own messages
    # are off (writing it warns about each of ~1,300 old-format classes it skips; a JVM that
    # cannot map it goes on without it).
    echo "-XX:SharedArchiveFile=$a -Xlog:disable -Xlog:all=warning,cds*=off:stderr"
  else
    echo "-XX:ArchiveClassesAtExit=$a.tmp.$$ -Xlog:disable -Xlog:all=warning,cds*=off:stderr"
  fi
}

# run_java MAIN_CLASS ARGS... : java with $MLFS_JAVA_OPTS ($MLFS_JAVA_PROPS) and the CDS archive
# on the bundled jar. A freshly written archive is moved into place once the JVM has exited, so
# concurrent runs cannot clash.
run_java() {
  local main=$1 rc=0 a cds arg
  shift
  a=$(cds_archive "$main")
  cds=$(cds_opts "$main")
  for arg in "$@"; do
    # a --help run loads few classes: it neither writes the archive nor needs it
    case $arg in --help|-h) cds= ;; esac
  done
  # The archive options first: -Xlog options of MLFS_JAVA_OPTS then still apply.
  java $cds $MLFS_JAVA_OPTS ${MLFS_JAVA_PROPS:-} -cp "$JAR" "$main" "$@" || rc=$?
  if [ -f "$a.tmp.$$" ]; then
    if [ $rc = 0 ]; then
      mv -f "$a.tmp.$$" "$a"
    else
      rm -f "$a.tmp.$$"
    fi
  fi
  return $rc
}

ensure_jar() {
  if [ ! -f "$JAR" ] || [ -n "$(find "$ROOT/src" "$ROOT/pom.xml" -newer "$JAR" -type f -print -quit 2>/dev/null)" ]; then
    echo "building $JAR ..." >&2
    (cd "$ROOT" && mvn -q -B -DskipTests package >&2)
  fi
}
