package com.userimages.infra;

import com.userimages.contract.ApiFunction;
import software.amazon.awscdk.services.iam.Role;
import software.amazon.awscdk.services.lambda.Alias;
import software.amazon.awscdk.services.lambda.Function;
import software.amazon.awscdk.services.logs.LogGroup;

/** One of the functions as deployed; routes integrate with {@link #alias()}, never the function. */
record DeployedFunction(ApiFunction spec, Function function, Alias alias, Role role, LogGroup logGroup) {}
