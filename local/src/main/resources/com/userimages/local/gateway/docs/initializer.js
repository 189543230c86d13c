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

  // One call of the API with the page's token; a refusal becomes an Error with the API's code and message.
  function api(config, method, path, body) {
    return fetch(path, {
      method: method,
      headers: { "Authorization": "Bearer " + config.token, "Content-Type": "application/json" },
      body: body === undefined ? undefined : JSON.stringify(body)
    }).then(function (response) {
      return response.json().then(function (json) {
        if (!response.ok) throw new Error(method + " " + path + " answered " + response.status + " " + (json.code || "") + ": " + (json.message || ""));
        return json;
      });
    });
  }

  // The upload flow of API.md's "Uploads": a slot, the bytes PUT to its presigned URL (the local S3,
  // another origin, which the bucket's CORS rule lets this page reach), the append; then the image.
  function upload(config, collectionId, file, say) {
    var base = "/collections/" + encodeURIComponent(collectionId);
    say("1/3: asking for an upload slot");
    return api(config, "POST", base + "/uploads", { contentType: file.type, bytes: file.size }).then(function (slot) {
      say("2/3: sending the bytes to the slot's URL");
      // The browser sets Content-Length from the body: the signature covers it and the type.
      return fetch(slot.uploadUrl, { method: slot.method, headers: slot.headers, body: file }).then(function (response) {
        if (!response.ok) throw new Error("the PUT to the slot's URL answered " + response.status);
        say("3/3: appending the upload to the collection");
        return api(config, "POST", base + "/images", { images: [{ imageId: slot.imageId, uploadId: slot.uploadId }] });
      }).then(function () {
        return api(config, "GET", base + "/images/" + encodeURIComponent(slot.imageId));
      });
    });
  }

  function field(form, labelText, control) {
    var label = document.createElement("label");
    label.textContent = labelText + " ";
    label.appendChild(control);
    label.style.marginRight = "1em";
    form.appendChild(label);
    return control;
  }

  // Swagger UI cannot send a file to a URL an answer gave: this small form does, above the operations.
  function uploadForm(config) {
    var form = document.createElement("form");
    form.id = "upload-form";
    form.style.cssText = "max-width:1460px;margin:20px auto 0;padding:0 20px;font-family:sans-serif;font-size:14px";
    var title = document.createElement("h3");
    title.textContent = "Upload an image into one of your collections (the local S3)";
    form.appendChild(title);
    var collection = document.createElement("input");
    collection.id = "upload-collection";
    collection.size = 40;
    collection.placeholder = "imagesCollectionId";
    field(form, "Collection", collection);
    var file = document.createElement("input");
    file.id = "upload-file";
    file.type = "file";
    file.accept = "image/jpeg,image/png,image/webp,image/gif,image/avif";
    field(form, "Image", file);
    var button = document.createElement("button");
    button.id = "upload-submit";
    button.type = "submit";
    button.textContent = "Upload";
    form.appendChild(button);
    var status = document.createElement("pre");
    status.id = "upload-status";
    form.appendChild(status);
    var preview = document.createElement("img");
    preview.id = "upload-preview";
    preview.alt = "";
    preview.style.maxWidth = "240px";
    form.appendChild(preview);
    // textContent only: nothing the API or the file name says becomes markup.
    function say(text) { status.textContent = text; }
    form.addEventListener("submit", function (event) {
      event.preventDefault();
      if (!file.files || file.files.length === 0) { say("Choose an image first."); return; }
      form.setAttribute("data-upload", "running");
      upload(config, collection.value.trim(), file.files[0], say).then(function (image) {
        preview.src = image.url;
        say("Uploaded: " + JSON.stringify(image, null, 2));
        form.setAttribute("data-upload", "done");
      }).catch(function (error) {
        say(error.message);
        form.setAttribute("data-upload", "failed");
      });
    });
    document.body.insertBefore(form, document.getElementById("swagger-ui"));
  }

  function start(config) {
    if (config.token && config.uploads) uploadForm(config);
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
