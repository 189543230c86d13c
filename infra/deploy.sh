#!/usr/bin/env bash
# Deploys the CDK stack with the pinned CLI to the account and region the AWS CLI is pointed at
# (docs/deploy.md). Arguments go to `cdk deploy` as they are, e.g.:
#   infra/deploy.sh -c createUserPool=true -c callbackUrls=http://localhost:8080/callback -c alarmEmail=ops@example.com
#   infra/deploy.sh -c jwtIssuer=https://login.example.com/realms/images -c jwtAudience=user-images-web
# The stack's outputs land in infra/cdk.out/outputs.json.
set -euo pipefail
cd "$(dirname "$0")"

# cdk.json's app is ../mvnw; Maven runs on the JDK 25 found here (so its toolchain selects that one,
# and a machine with no java on PATH works too). Without one this says so in one line and stops.
JAVA_HOME=$(../.mvn/find-jdk-25)
export JAVA_HOME
export JSII_SILENCE_WARNING_END_OF_LIFE_NODE_VERSION=20

# Fail before the build when there are no credentials, naming the account and region otherwise.
account=$(aws sts get-caller-identity --query Account --output text)
region=${AWS_REGION:-${AWS_DEFAULT_REGION:-$(aws configure get region || true)}}
if [ -z "$region" ]; then
  echo "no region: export AWS_REGION=eu-west-1 (or set one in the profile)" >&2
  exit 1
fi
echo "deploying UserImagesStack to account $account, region $region" >&2

# A failed synth ends with "Subprocess exited with error 1"; its reason is the first [ERROR] line
# (a bad context value) or the "[Error at /UserImagesStack/...]" lines (cdk-nag) above it.
npx --yes aws-cdk@2.1148.1 deploy "$@" --outputs-file cdk.out/outputs.json
