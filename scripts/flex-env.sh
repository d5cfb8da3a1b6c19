# Shared by the Flex Template scripts (sourced). Set these in the environment (or a file you source):
#   PROJECT   GCP project of the job (and, by default, of the BigQuery tables)
#   REGION    Dataflow region, e.g. us-central1
#   BUCKET    GCS bucket for the template spec and temp files (gs:// and a trailing / are dropped)
#   REPO      Artifact Registry docker repository, e.g. dataflow-templates
#   TAG       image tag (default: the git commit)
#   SA        optional: service account e-mail of the workers
#   DRY_RUN=1 prints the gcloud command instead of running it
# Errors exit 2 (bad input), like scripts/run-local.
FLEX_ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
METADATA=$FLEX_ROOT/templates/ml-feature-store/metadata.json

flex_die() { echo "error: $*" >&2; exit 2; }

missing=()
for v in PROJECT REGION BUCKET; do
  [ -n "${!v:-}" ] || missing+=("$v")
done
[ ${#missing[@]} -eq 0 ] || flex_die "set ${missing[*]} in the environment (see scripts/flex-env.sh)"
BUCKET=${BUCKET#gs://}
BUCKET=${BUCKET%%/}
[[ "$BUCKET" =~ ^[a-z0-9][a-z0-9._-]{1,220}[a-z0-9]$ ]] \
  || flex_die "BUCKET must be a bucket name (lower-case letters, digits, . _ -), got '$BUCKET'"
REPO=${REPO:-dataflow-templates}
TAG=${TAG:-$(git -C "$FLEX_ROOT" rev-parse --short HEAD 2>/dev/null || echo latest)}
IMAGE="$REGION-docker.pkg.dev/$PROJECT/$REPO/ml-feature-store:$TAG"
SPEC="gs://$BUCKET/templates/ml-feature-store.json"
RUN=${DRY_RUN:+echo}

# flex_date NAME VALUE: VALUE must be a real calendar date YYYY-MM-DD.
flex_date() {
  [[ "$2" =~ ^[0-9]{4}-[0-9]{2}-[0-9]{2}$ ]] && [ "$(date -u -d "$2" +%F 2>/dev/null)" = "$2" ] \
    || flex_die "$1 must be a calendar date YYYY-MM-DD, got '$2'"
}

# flex_params SET EXTRA...: the template parameters: SET (name=value,...) that the script sets, then
# each extra --name=value, which must be a parameter of metadata.json and not one the script sets.
# Printed with gcloud's ^~^ delimiter so values may hold commas.
flex_params() {
  local set=$1; shift
  local known out=${set//,/\~} arg name
  known=$(grep -o '"name": *"[A-Za-z0-9]*"' "$METADATA" | sed 's/.*"\([A-Za-z0-9]*\)"$/\1/')
  for arg in "$@"; do
    [[ "$arg" =~ ^--([A-Za-z0-9]+)=(.*)$ ]] || flex_die "extra arguments must be --name=value, got '$arg'"
    name=${BASH_REMATCH[1]}
    grep -qx "$name" <<<"$known" \
      || flex_die "--$name is not a parameter of the template (templates/ml-feature-store/metadata.json)"
    [[ ",$set" != *",$name="* ]] || flex_die "--$name is set by this script; it cannot be passed"
    out+="~$name=${BASH_REMATCH[2]}"
  done
  echo "^~^$out"
}
