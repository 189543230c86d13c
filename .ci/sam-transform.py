#!/usr/bin/env python3
"""Runs the SAM transform on template.yaml offline, the way CloudFormation does on deploy.

The translator refuses a local CodeUri (sam deploy replaces it with the uploaded jar's s3:// URI),
so a copy gets an s3:// one first. Writes the CloudFormation result to the given path and fails on
any transform error. It also checks the rotation mechanism of the page-token key: raising
PageTokenKeyGeneration must publish a new list-page version (a new SnapStart snapshot reads the
rotated key) and no other. Then the Cognito mode (CreateUserPool=true, with an alarm e-mail): the
transform must accept it too, keep the sign-in resources under their condition and leave the
authorizer's choice of issuer to CloudFormation.
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

    with_pool = translate(template, CreateUserPool="true", AlarmEmail="oncall@example.com",
                          CallbackUrls="https://app.example.com/callback")
    sign_in = {name: r for name, r in with_pool["Resources"].items() if r["Type"].startswith("AWS::Cognito::")}
    if sorted(r["Type"] for r in sign_in.values()) != ["AWS::Cognito::UserPool", "AWS::Cognito::UserPoolClient",
                                                        "AWS::Cognito::UserPoolClient", "AWS::Cognito::UserPoolDomain",
                                                        "AWS::Cognito::UserPoolResourceServer"]:
        sys.exit(f"CreateUserPool=true: unexpected sign-in resources {sorted(sign_in)}")
    unconditional = sorted(name for name, r in sign_in.items() if r.get("Condition") != "UserPoolEnabled")
    if unconditional:
        sys.exit(f"sign-in resources outside the UserPoolEnabled condition: {unconditional}")
    schemes = with_pool["Resources"]["HttpApi"]["Properties"]["Body"]["components"]["securitySchemes"]
    issuer = schemes["jwt"]["x-amazon-apigateway-authorizer"]["jwtConfiguration"]["issuer"]
    if "Fn::If" not in issuer or issuer["Fn::If"][0] != "UserPoolEnabled":
        sys.exit(f"the authorizer's issuer should depend on UserPoolEnabled, was {issuer}")
    print(f"SAM transform: CreateUserPool=true accepted, {len(with_pool['Resources'])} resources "
          f"({len(sign_in)} Cognito, created only under UserPoolEnabled)")


if __name__ == "__main__":
    if len(sys.argv) != 3:
        sys.exit("usage: sam-transform.py template.yaml output.json")
    main(*sys.argv[1:])
