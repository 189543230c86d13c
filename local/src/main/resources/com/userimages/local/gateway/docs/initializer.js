// The user-images docs page: Swagger UI on this server's /openapi.yaml, pre-authorized with a
// development token when the server is its own issuer (GET /docs/config.json says which).
(function () {
  "use strict";

  // Swagger UI 5's authActions.authorize keeps only apiKey, http and basic schemes; an oauth2 scheme
  // is authorized the way its own OAuth flow finishes: authorizeOauth2 with the token response.
  function preauthorize(ui, config) {
    var scheme = ui.specSelectors.specJson().getIn(["components", "securitySchemes", config.securityScheme]);
    if (!scheme) {
      console.warn("user-images docs: no security scheme " + config.securityScheme + " in the document");
      return;
    }
    ui.authActions.authorizeOauth2({
      auth: { name: config.securityScheme, schema: scheme.toJS(), scopes: config.scope ? config.scope.split(' ') : [] },
      token: { access_token: config.token, token_type: "Bearer" }
    });
  }

  function start(config) {
    var preauthorized = false;
    var ui = SwaggerUIBundle({
      url: config.openapiUrl,
      dom_id: "#swagger-ui",
      deepLinking: true,
      // No calls to swagger.io's validator: the page talks to this server only.
      validatorUrl: null,
      presets: [SwaggerUIBundle.presets.apis],
      layout: "BaseLayout",
      onComplete: function () {
        if (config.token && !preauthorized) {
          preauthorized = true;
          preauthorize(ui, config);
        }
        document.body.setAttribute("data-docs-ready", config.token ? "authorized" : "anonymous");
      }
    });
    window.ui = ui;
  }

  fetch("/docs/config.json", { cache: "no-store" })
    .then(function (response) {
      if (!response.ok) throw new Error("GET /docs/config.json answered " + response.status);
      return response.json();
    })
    .then(start)
    .catch(function (error) {
      var message = document.createElement("p");
      message.textContent = "The docs page could not start: " + error.message;
      document.getElementById("swagger-ui").appendChild(message);
    });
})();
