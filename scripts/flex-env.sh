# Shared by the Flex Template scripts. Set these in the environment (or a file you source):
#   PROJECT   GCP project of the job (and, by default, of the BigQuery tables)
#   REGION    Dataflow region, e.g. us-central1
#   BUCKET    GCS bucket for the template spec and temp files (no gs:// prefix)
#   REPO      Artifact Registry docker repository, e.g. dataflow-templates
#   TAG       image tag (default: the git commit)
#   SA        optional: service account e-mail of the workers
: "${PROJECT:?set PROJECT}" "${REGION:?set REGION}" "${BUCKET:?set BUCKET}"
REPO=${REPO:-dataflow-templates}
TAG=${TAG:-$(git rev-parse --short HEAD 2>/dev/null || echo latest)}
IMAGE="$REGION-docker.pkg.dev/$PROJECT/$REPO/ml-feature-store:$TAG"
SPEC="gs://$BUCKET/templates/ml-feature-store.json"
RUN=${DRY_RUN:+echo}
