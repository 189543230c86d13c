#!/usr/bin/env python3
"""Runs the SAM transform on template.yaml offline, the way CloudFormation does on deploy.

The translator refuses a local CodeUri (sam deploy replaces it with the uploaded jar's s3:// URI),
so a copy gets an s3:// one first. Writes the CloudFormation result to the given path and fails on
any transform error. It also checks the rotation mechanism of the page-token key: raising
PageTokenKeyGeneration must publish a new list-page version (a new SnapStart snapshot reads the
rotated key) and no other.
"""
import copy
import json
import os
import sys

# The translator fills pseudo parameters (AWS::Region) from a boto session; no AWS call is made.
os.environ.setdefault("AWS_DEFAULT_REGION", "eu-west-1")

from samtranslator.translator.transform import transform  # noqa: E402
from samtranslator.yaml_helper import yaml_parse  # noqa: E402

PLACEHOLDER_CODE_URI = "s3://user-images-artifacts/user-images-functions-lambda.jar"
# As sam deploy --guided would ask for them.
PARAMETERS = {"JwtIssuer": "https://issuer.example.com/", "JwtAudience": "user-images"}


class NoManagedPolicies:
    """The template names no managed policy (every role is written out); nothing to look up."""

    def load(self):
        return {}


def translate(template, **parameters):
    return transform(copy.deepcopy(template), {**PARAMETERS, **parameters}, NoManagedPolicies())


def published_versions(output):
    """Function logical id -> logical id of the version its alias points at."""
    versions = {}
    for resource in output["Resources"].values():
        if resource["Type"] == "AWS::Lambda::Alias":
            props = resource["Properties"]
            versions[props["FunctionName"]["Ref"]] = props["FunctionVersion"]["Fn::GetAtt"][0]
    return versions


def main(source, target):
    with open(source, encoding="utf-8") as f:
        template = yaml_parse(f.read())
    code_uri = template["Globals"]["Function"]["CodeUri"]
    if code_uri.startswith("s3://"):
        sys.exit(f"template.yaml's CodeUri should be the local jar sam deploy uploads, was {code_uri}")
    template["Globals"]["Function"]["CodeUri"] = PLACEHOLDER_CODE_URI

    output = translate(template)
    with open(target, "w", encoding="utf-8") as f:
        json.dump(output, f, indent=1, sort_keys=True)
    types = sorted({r["Type"] for r in output["Resources"].values()})
    print(f"SAM transform: {len(output['Resources'])} resources ({', '.join(types)}) -> {target}")

    before = published_versions(output)
    after = published_versions(translate(template, PageTokenKeyGeneration="2"))
    republished = sorted(fn for fn in before if before[fn] != after[fn])
    if republished != ["ListPageFunction"]:
        sys.exit(f"a new PageTokenKeyGeneration should republish ListPageFunction only, republished {republished}")
    print("SAM transform: a new PageTokenKeyGeneration republishes ListPageFunction only")


if __name__ == "__main__":
    if len(sys.argv) != 3:
        sys.exit("usage: sam-transform.py template.yaml output.json")
    main(*sys.argv[1:])
