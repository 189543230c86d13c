#!/usr/bin/env python3
"""Writes corpus.json, the hostile-input corpus (or the file named by its one argument). The JSON file
is the data the tests read; HostileCorpusIsCurrentIT holds it to this script, so a case is added
here and the file written again with `python3 generate_corpus.py`.

Each case: id, category, description, request {function?, route, pathParameters, query, headers,
body, isBase64Encoded, claims (null: no verified identity), scopes}, expect {status, code} as the
function answers in-process, and optionally server {status} where the local gateway answers itself
before any function runs (the server runner replays the same file over HTTP). Category "raw-http"
holds raw requests only a server runner can send (inProcess false); category "routes" gives a
function an event for a route key it does not serve, which only an in-process runner can (overHttp
false). {{jwt}} / {{jwt:...}} in raw cases: a valid token for {{owner}}, or one with the named defect.

Placeholders, resolved by the runners: {{owner}} the seeded caller, {{other}} a second seeded user,
{{collectionId}} / {{imageId}} the owner's collection and one of its images, {{otherCollectionId}}
the other user's collection, {{token}} a genuine page token of the owner for the default query,
{{token:OP}} that token altered (flip:N flips the character at N, drop:N removes the last N
characters, append:S, prefix:S, swapcase, pad), {{repeat:N:S}} S repeated N times.
"""
import base64
import json
import os
import sys

cases = []
counters = {}

FUNCTION_OF = {
    "POST /collections": "append-collection",
    "POST /collections/{collectionId}/images": "append-collection",
    "GET /collections/{collectionId}": "get-item",
    "GET /collections/{collectionId}/images/{imageId}": "get-item",
    "GET /collections": "list-page",
    "POST /admin/table": "create-table",
    "PUT /collections/{collectionId}/order": "append-collection",
    "DELETE /collections/{collectionId}": "delete-item",
    "DELETE /collections/{collectionId}/images/{imageId}": "delete-item",
}


def add(category, description, route, status, code, path=None, query=None, body=None, b64=False,
        claims="owner", scopes=None, headers=None, function=None, server=None):
    n = counters.get(category, 0) + 1
    counters[category] = n
    if claims == "owner":
        claims = {"sub": "{{owner}}", "iss": "https://issuer.example", "aud": "user-images"}
        # A user's access token: every data route needs a data scope (the admin route's cases give theirs).
        if route != "POST /admin/table":
            claims["scope"] = "images/user"
    request = {
        "function": function or FUNCTION_OF[route],
        "route": route,
        "pathParameters": path or {},
        "query": query or {},
        "headers": headers or {"content-type": "application/json"},
        "body": body,
        "isBase64Encoded": b64,
        "claims": claims,
        "scopes": scopes,
    }
    case = {"id": f"{category}-{n:03d}", "category": category, "description": description,
            "request": request, "expect": {"status": status, "code": code}}
    if server:
        case["server"] = server
    cases.append(case)


CREATE = "POST /collections"
APPEND = "POST /collections/{collectionId}/images"
GET = "GET /collections/{collectionId}"
GET_IMAGE = "GET /collections/{collectionId}/images/{imageId}"
LIST = "GET /collections"
ADMIN = "POST /admin/table"
OWN = {"collectionId": "{{collectionId}}"}
GOOD_URL = "https://img.example/a.png"


def img(url=GOOD_URL, **extra):
    d = {"url": url}
    d.update(extra)
    return d


def j(obj):
    return json.dumps(obj, separators=(",", ":"), ensure_ascii=False)


# ---------------------------------------------------------------- bodies
bad_json = [
    ("not JSON", "{images:[]}"), ("single quotes", "{'images':[]}"), ("trailing object", '{"images":[]} {}'),
    ("trailing garbage", '{"images":[]}x'), ("trailing comma", '{"images":[],}'), ("array trailing comma", '{"images":[1,]}'),
    ("duplicate key", '{"images":[],"images":[]}'), ("duplicate nested key", '{"images":[{"url":"https://a.example","url":"https://b.example"}]}'),
    ("array body", "[]"), ("string body", '"images"'), ("number body", "42"), ("null body", "null"), ("true body", "true"),
    ("empty body", ""), ("whitespace body", "   \n\t "), ("comment", '{/*c*/"images":[]}'), ("line comment", '{"images":[]}//c'),
    ("NaN", '{"images":[],"x":NaN}'), ("Infinity", '{"imagesCollectionId":Infinity,"images":[]}'),
    ("unterminated string", '{"images":[{"url":"https://a.example}]}'), ("unterminated object", '{"images":['),
    ("lone brace", "}"), ("control char in string", '{"images":[{"url":"https://a.example/\u0001"}]}'),
    ("bad escape", '{"images":[{"url":"https://a.example/\\q"}]}'), ("truncated unicode escape", '{"images":[{"url":"\\u12"}]}'),
    ("BOM prefix", "\ufeff{\"images\":[]}"), ("NUL prefix", "\u0000{\"images\":[]}"), ("two objects", "{}{}"),
    ("deep nesting", "{{repeat:2000:[}}"), ("deep object nesting", '{"images":' + "{{repeat:1500:[}}" + "}"),
    ("leading zero number", '{"images":[],"n":01}'), ("hex number", '{"images":[],"n":0x10}'),
    ("unquoted key", "{images:[{url:\"https://a.example\"}]}"), ("JSON5 style", "{images:[],}"),
    ("XML body", "<images/>"), ("form body", "images=https%3A%2F%2Fa.example"), ("YAML body", "images: []"),
]
for desc, body in bad_json:
    add("body", "create: " + desc, CREATE, 400, "INVALID_JSON", body=body)
for desc, body in bad_json[:12]:
    add("body", "append: " + desc, APPEND, 400, "INVALID_JSON", path=OWN, body=body)

# invalid UTF-8 and base64 bodies
for desc, raw in [("lone continuation byte", b'{"images":[]}\x80'), ("overlong slash", b'{"images":[{"url":"https://a.example/\xc0\xaf"}]}'),
                  ("truncated sequence", b'{"images":[{"url":"\xe2\x82"}]}'), ("encoded surrogate", b'{"images":[{"url":"\xed\xa0\x80"}]}'),
                  ("0xFF byte", b'\xff{"images":[]}'), ("UTF-16LE body", '{"images":[]}'.encode("utf-16-le")),
                  ("UTF-16 with BOM", '{"images":[]}'.encode("utf-16")), ("Latin-1 e-acute", '{"images":[{"url":"https://a.example/é"}]}'.encode("latin-1"))]:
    add("body", "create: invalid UTF-8, " + desc, CREATE, 400, "INVALID_JSON", body=base64.b64encode(raw).decode(), b64=True)
for desc, enc in [("not base64", "!!!!"), ("bad length", "eyJpbWFnZXMiOltdfQ="[:-3] + "*"), ("url-safe alphabet", "-_-_"),
                  ("embedded newline", "eyJpbWFn\nZXMiOltdfQ=="), ("space", "eyJpbWFn ZXMiOltdfQ==")]:
    add("body", "create: malformed base64, " + desc, CREATE, 400, "INVALID_BODY", body=enc, b64=True)

# too large
add("body", "create: body over 256 KB", CREATE, 413, "BODY_TOO_LARGE", body='{"images":[],"x":"{{repeat:270000:a}}"}')
add("body", "append: body over 256 KB", APPEND, 413, "BODY_TOO_LARGE", path=OWN, body='{"images":[{"url":"https://a.example/{{repeat:270000:a}}"}]}')
add("body", "create: base64 body over 256 KB", CREATE, 413, "BODY_TOO_LARGE", body="{{repeat:90000:QUFB}}", b64=True)
add("body", "create: 300 KB of multi-byte text", CREATE, 413, "BODY_TOO_LARGE", body='{"images":[],"x":"{{repeat:100000:€}}"}')

# wrong shapes and types
shapes = [
    ("unknown field", {"images": [], "owner": "bob"}, "UNKNOWN_FIELD"),
    ("userId field", {"images": [], "userId": "{{other}}"}, "UNKNOWN_FIELD"),
    ("__proto__ field", {"images": [], "__proto__": {"admin": True}}, "UNKNOWN_FIELD"),
    ("case-variant field", {"Images": []}, "UNKNOWN_FIELD"),
    ("field with NUL", {"images\u0000": []}, "UNKNOWN_FIELD"),
    ("empty field name", {"": 1, "images": []}, "UNKNOWN_FIELD"),
    ("unknown image field", {"images": [img(size=1)]}, "UNKNOWN_FIELD"),
    ("image userId field", {"images": [img(userId="x")]}, "UNKNOWN_FIELD"),
    ("images missing", {}, "INVALID_BODY"),
    ("images null", {"images": None}, "INVALID_BODY"),
    ("images object", {"images": {}}, "INVALID_BODY"),
    ("images string", {"images": "https://a.example"}, "INVALID_BODY"),
    ("images number", {"images": 1}, "INVALID_BODY"),
    ("image as string", {"images": ["https://a.example"]}, "INVALID_BODY"),
    ("image as array", {"images": [["https://a.example"]]}, "INVALID_BODY"),
    ("image null", {"images": [None]}, "INVALID_BODY"),
    ("id as number", {"imagesCollectionId": 42, "images": []}, "INVALID_BODY"),
    ("id as object", {"imagesCollectionId": {"$ne": None}, "images": []}, "INVALID_BODY"),
    ("id as array", {"imagesCollectionId": ["a"], "images": []}, "INVALID_BODY"),
    ("id as boolean", {"imagesCollectionId": True, "images": []}, "INVALID_BODY"),
    ("timestamp as number", {"timestamp": 1704067200, "images": []}, "INVALID_BODY"),
    ("timestamp as object", {"timestamp": {}, "images": []}, "INVALID_BODY"),
    ("url as number", {"images": [{"url": 7}]}, "INVALID_BODY"),
    ("url as object", {"images": [{"url": {"href": GOOD_URL}}]}, "INVALID_BODY"),
    ("imageId as number", {"images": [img(imageId=1)]}, "INVALID_BODY"),
    ("url null", {"images": [{"url": None}]}, "INVALID_URL"),
    ("url missing", {"images": [{"imageId": "0b7a8e0e-0000-4000-8000-000000000001"}]}, "INVALID_URL"),
    ("duplicate image ids", {"images": [img(imageId="0b7a8e0e-0000-4000-8000-000000000001"), img(imageId="0B7A8E0E-0000-4000-8000-000000000001")]}, "DUPLICATE_IMAGE_ID"),
]
for desc, body, code in shapes:
    add("body", "create: " + desc, CREATE, 400, code, body=j(body))
add("body", "create: 101 images", CREATE, 400, "TOO_MANY_IMAGES", body='{"images":[{{repeat:100:{"url":"https://a.example/x"},}}{"url":"https://a.example/y"}]}')
add("body", "append: 101 images", APPEND, 400, "TOO_MANY_IMAGES", path=OWN, body='{"images":[{{repeat:100:{"url":"https://a.example/x"},}}{"url":"https://a.example/y"}]}')
for desc, body, code in [("empty images", {"images": []}, "INVALID_BODY"), ("images missing", {}, "INVALID_BODY"),
                         ("timestamp field", {"images": [img()], "timestamp": "2024-01-01T00:00:00Z"}, "UNKNOWN_FIELD"),
                         ("collection id field", {"images": [img()], "imagesCollectionId": "{{otherCollectionId}}"}, "UNKNOWN_FIELD"),
                         ("image not object", {"images": [1]}, "INVALID_BODY"),
                         ("duplicate ids", {"images": [img(imageId="0b7a8e0e-0000-4000-8000-000000000002"), img(imageId="0b7a8e0e-0000-4000-8000-000000000002")]}, "DUPLICATE_IMAGE_ID"),
                         ("existing id, other url", {"images": [img(url="https://evil.example/swap.png", imageId="{{imageId}}")]}, "IMAGE_ID_CONFLICT"),
                         ("new image then conflicting id", {"images": [img(), img(url="https://evil.example/swap.png", imageId="{{imageId}}")]}, "IMAGE_ID_CONFLICT")]:
    add("body", "append: " + desc, APPEND, 409 if code == "IMAGE_ID_CONFLICT" else 400, code, path=OWN, body=j(body))
add("body", "create: existing id with other content (replay conflict)", CREATE, 409, "COLLECTION_EXISTS",
    body=j({"imagesCollectionId": "{{collectionId}}", "images": [img("https://evil.example/overwrite.png")]}))
add("body", "create: the other user's id with a bad url (validation first)", CREATE, 400, "INVALID_URL",
    body=j({"imagesCollectionId": "{{otherCollectionId}}", "images": [img("javascript:alert(1)")]}))

# timestamps in bodies
bad_ts = ["2024-01-01T00:00:00+05:30:15", "2024-01-01T00:00:00.Z", "2024-01-01T00:00Z", "2024-12-31T23:59:60Z",
          "2024-01-01T00:00:00", "2024-01-01", "0000-01-01T00:00:00Z", "+10000-01-01T00:00:00Z", "2024-02-30T00:00:00Z",
          "2024-01-01T00:00:00+18:01", "2024-01-01T00:00:00.1234567890Z", "2024-01-01T00:00:00Z\n", "now", "",
          "2024-01-01T00:00:00Z'; DROP TABLE user_images;--", "${jndi:ldap://x/a}", "2024-01-01T00:00:00\u2028Z",
          "１２３４-01-01T00:00:00Z", "2024-01-01T00:00:00+05:30[Asia/Kolkata]", "9999-12-31T23:59:59-00:01"]
for ts in bad_ts:
    add("body", "create: timestamp " + repr(ts)[:40], CREATE, 400, "INVALID_TIMESTAMP", body=j({"timestamp": ts, "images": []}))

# ---------------------------------------------------------------- ids
bad_ids = ["123", "1-1-1-1-1", "", " ", "zzzzzzzz-zzzz-zzzz-zzzz-zzzzzzzzzzzz", "{{collectionId}} ", " {{collectionId}}",
           "{{collectionId}}\n", "{{collectionId}}x", "{{collectionId}}/images", "../{{collectionId}}", "..%2F..%2Fadmin",
           "%7B%7D", "{collectionId}", "*", "' OR '1'='1", "{\"S\":\"x\"}", "null", "undefined",
           "0b7a8e0e00004000800000000000000a", "{0b7a8e0e-0000-4000-8000-00000000000a}", "urn:uuid:0b7a8e0e-0000-4000-8000-00000000000a",
           "0b7a8e0e-0000-4000-8000-00000000000a\u0000", "0b7a8e0e\u20130000-4000-8000-00000000000a", "０b7a8e0e-0000-4000-8000-00000000000a",
           "{{repeat:5000:x}}", "\ud800", "😀"]
def id_code(bad):
    # An empty path parameter is no parameter at all (API Gateway never sends one; INVALID_PATH).
    return "INVALID_PATH" if bad == "" else "INVALID_ID"
for bad in bad_ids:
    add("ids", "get: collectionId " + repr(bad)[:40], GET, 400, id_code(bad), path={"collectionId": bad})
for bad in bad_ids[:12]:
    add("ids", "append: collectionId " + repr(bad)[:40], APPEND, 400, id_code(bad), path={"collectionId": bad}, body=j({"images": [img()]}))
for bad in ["123", "", "{{imageId}}'", "../{{imageId}}", "x" * 300, "\u0000"]:
    add("ids", "get image: imageId " + repr(bad)[:40], GET_IMAGE, 400, id_code(bad), path={"collectionId": "{{collectionId}}", "imageId": bad})
for bad in ["123", "1-1-1-1-1", "", "{{collectionId}}'", "x" * 100]:
    add("ids", "create: body id " + repr(bad)[:40], CREATE, 400, "INVALID_ID", body=j({"imagesCollectionId": bad, "images": []}))
    add("ids", "append: body image id " + repr(bad)[:40], APPEND, 400, "INVALID_ID", path=OWN, body=j({"images": [img(imageId=bad)]}))
add("ids", "get: the other user's collection", GET, 404, "COLLECTION_NOT_FOUND", path={"collectionId": "{{otherCollectionId}}"})
add("ids", "get: the other user's collection in upper case", GET, 404, "COLLECTION_NOT_FOUND", path={"collectionId": "{{otherCollectionId:upper}}"})
add("ids", "get image: in the other user's collection", GET_IMAGE, 404, "COLLECTION_NOT_FOUND", path={"collectionId": "{{otherCollectionId}}", "imageId": "{{imageId}}"})
add("ids", "append: to the other user's collection", APPEND, 404, "COLLECTION_NOT_FOUND", path={"collectionId": "{{otherCollectionId}}"}, body=j({"images": [img()]}))
add("ids", "get: a collection that does not exist", GET, 404, "COLLECTION_NOT_FOUND", path={"collectionId": "00000000-0000-0000-0000-000000000000"})
add("ids", "get image: an image that does not exist", GET_IMAGE, 404, "IMAGE_NOT_FOUND", path={"collectionId": "{{collectionId}}", "imageId": "ffffffff-ffff-ffff-ffff-ffffffffffff"})
add("ids", "append: a collection that does not exist", APPEND, 404, "COLLECTION_NOT_FOUND", path={"collectionId": "00000000-0000-4000-8000-000000000000"}, body=j({"images": [img()]}))
add("ids", "get: path parameters missing", GET, 400, "INVALID_PATH", path={})
add("ids", "get image: imageId missing", GET_IMAGE, 400, "INVALID_PATH", path={"collectionId": "{{collectionId}}"})

# ---------------------------------------------------------------- urls (image urls)
bad_urls = ["ftp://a.example/x", "/relative/path.png", "a.example/x.png", "//a.example/x.png", "javascript:alert(1)",
            "data:image/png;base64,iVBORw0KGgo=", "file:///etc/passwd", "gopher://a.example/", "https://", "https:///path",
            "http://", "https://a.example/a b", "https://a.example/\t", "https://a.example/\r\nSet-Cookie: x=1",
            "https://a.example/\u0000", "https://a.example/é", "https://bücher.example/", "https://a.example/\u2028",
            "https://a.example/\u202e", "https://a.example/%", "https://a.example/<script>", "https://a.example/\"",
            "https://a.example/{x}", "https://a.example/|", "https://a.example/\\", "https://[::1/", "https://a.example:99999999999/",
            "https://a.example/{{repeat:2040:z}}", " https://a.example/x", "https://a.example/x ", "", "HTTPS:", "mailto:a@example.com",
            "https://a.example/\u007f", "https://a.example/^", "https://a.example/`"]
for u in bad_urls:
    add("urls", "create: url " + repr(u)[:40], CREATE, 400, "INVALID_URL", body=j({"images": [img(u)]}))
for u in bad_urls[:16]:
    add("urls", "append: url " + repr(u)[:40], APPEND, 400, "INVALID_URL", path=OWN, body=j({"images": [img(), img(u)]}))

# ---------------------------------------------------------------- query parameters
q = [
    ({"limit": "0"}, "INVALID_LIMIT"), ({"limit": "101"}, "INVALID_LIMIT"), ({"limit": "-1"}, "INVALID_LIMIT"),
    ({"limit": ""}, "INVALID_LIMIT"), ({"limit": "1.5"}, "INVALID_LIMIT"), ({"limit": "1e2"}, "INVALID_LIMIT"),
    ({"limit": "0x10"}, "INVALID_LIMIT"), ({"limit": "99999999999999999999"}, "INVALID_LIMIT"), ({"limit": " 5"}, "INVALID_LIMIT"),
    ({"limit": "5,5"}, "INVALID_LIMIT"), ({"limit": "٥"}, "INVALID_LIMIT"), ({"limit": "+5"}, "INVALID_LIMIT"),
    ({"limit": "00005"}, "INVALID_LIMIT"), ({"limit": "NaN"}, "INVALID_LIMIT"),
    ({"order": "ASC "}, "INVALID_ORDER"), ({"order": ""}, "INVALID_ORDER"), ({"order": "up"}, "INVALID_ORDER"),
    ({"order": "asc,desc"}, "INVALID_ORDER"), ({"order": "asc\u0000"}, "INVALID_ORDER"), ({"order": "desc; DROP"}, "INVALID_ORDER"),
    ({"minImages": "-1"}, "INVALID_MIN_IMAGES"), ({"minImages": "1001"}, "INVALID_MIN_IMAGES"), ({"minImages": ""}, "INVALID_MIN_IMAGES"),
    ({"minImages": "1.0"}, "INVALID_MIN_IMAGES"), ({"minImages": "#count"}, "INVALID_MIN_IMAGES"), ({"minImages": ":min"}, "INVALID_MIN_IMAGES"),
    ({"from": "2024-01-01"}, "INVALID_TIMESTAMP"), ({"from": "2024-01-01T00:00Z"}, "INVALID_TIMESTAMP"),
    ({"to": "2024-01-01T00:00:00.Z"}, "INVALID_TIMESTAMP"), ({"to": "2024-01-01T00:00:00+05:30:15"}, "INVALID_TIMESTAMP"),
    ({"from": "2024-12-31T23:59:60Z"}, "INVALID_TIMESTAMP"), ({"from": ""}, "INVALID_TIMESTAMP"), ({"to": "#ts"}, "INVALID_TIMESTAMP"),
    ({"from": "2024-01-01T00:00:00Z,2025-01-01T00:00:00Z"}, "INVALID_TIMESTAMP"),
    ({"from": "2025-01-01T00:00:00Z", "to": "2024-01-01T00:00:00Z"}, "INVALID_RANGE"),
    ({"from": "2024-01-01T00:00:01Z", "to": "2024-01-01T00:00:00Z"}, "INVALID_RANGE"),
    ({"Limit": "5"}, "UNKNOWN_PARAMETER"), ({"minimages": "1"}, "UNKNOWN_PARAMETER"), ({"userId": "{{other}}"}, "UNKNOWN_PARAMETER"),
    ({"ExclusiveStartKey": "x"}, "UNKNOWN_PARAMETER"), ({"": "x"}, "UNKNOWN_PARAMETER"), ({"limit\u0000": "5"}, "UNKNOWN_PARAMETER"),
    ({"{{repeat:5000:x}}": "1"}, "UNKNOWN_PARAMETER"), ({"next_token": "x"}, "UNKNOWN_PARAMETER"), ({"filter": "#count > :min"}, "UNKNOWN_PARAMETER"),
    ({"limit\r\nX-Injected": "1"}, "UNKNOWN_PARAMETER"),
]
for params, code in q:
    add("query", "list: " + repr(params)[:60], LIST, 400, code, query=params)

# ---------------------------------------------------------------- page tokens
static_tokens = ["", "abc", "A" * 82, "{{repeat:100000:A}}", "eyJ1c2VySWQiOiJhbGljZSJ9", "null", "undefined", "0",
                 "{\"userId\":{\"S\":\"{{other}}\"}}", "%00", "\u0000", "😀😀😀😀", "....", "====", "-_-_-_-_-_",
                 "AAAA====", "\ud800", "{{other}}", "{{collectionId}}", "v1.AAAA.BBBB", "' OR 1=1 --"]
for t in static_tokens:
    add("pageToken", "list: token " + repr(t)[:40], LIST, 400, "INVALID_TOKEN", query={"nextToken": t})
for op in ["flip:0", "flip:5", "flip:10", "flip:-1", "flip:-2", "drop:1", "drop:2", "append:A", "append:=", "append:==",
           "prefix:A", "swapcase", "pad", "append:%3D", "append:\n"]:
    add("pageToken", "list: genuine token altered, " + op, LIST, 400, "INVALID_TOKEN", query={"nextToken": "{{token:" + op + "}}"})
for params in [{"order": "asc"}, {"minImages": "1"}, {"from": "2000-01-01T00:00:00Z"}, {"to": "2100-01-01T00:00:00Z"}]:
    p = dict(params)
    p["nextToken"] = "{{token}}"
    add("pageToken", "list: genuine token with other parameters " + repr(params), LIST, 400, "INVALID_TOKEN", query=p)
add("pageToken", "list: the owner's genuine token used by another user", LIST, 400, "INVALID_TOKEN",
    query={"nextToken": "{{token}}"}, claims={"sub": "{{other}}", "scope": "images/user"})
add("pageToken", "list: the owner's token used by the sub it encodes to with a surrogate", LIST, 401, "UNAUTHORIZED",
    query={"nextToken": "{{token}}"}, claims={"sub": "{{owner}}\ud800"}, server={"status": 401})

# ---------------------------------------------------------------- claims (JWT subs and identity)
unusable = ["", "\ud800", "mallory\ud800", "\udc00x", "\ud83d", "a\u0000", "\u0000", "a\nb", "a\r\nX-Forwarded-For: 1.2.3.4",
            "\u001b[31mred", "\u007f", "\u0085", "\u009f", "a\tb", "x" * 257, "😀" * 257, "\ud800\ud800", "\udfff\ud800"]
for sub in unusable:
    add("claims", "get: sub " + repr(sub)[:40], GET, 401, "UNAUTHORIZED", path=OWN, claims={"sub": sub}, server={"status": 401})
for sub in unusable[:8]:
    add("claims", "create: sub " + repr(sub)[:40], CREATE, 401, "UNAUTHORIZED", body=j({"images": []}), claims={"sub": sub}, server={"status": 401})
    add("claims", "list: sub " + repr(sub)[:40], LIST, 401, "UNAUTHORIZED", claims={"sub": sub}, server={"status": 401})
add("claims", "get: no claims at all", GET, 401, "UNAUTHORIZED", path=OWN, claims=None, server={"status": 401})
add("claims", "list: empty claims", LIST, 401, "UNAUTHORIZED", claims={}, server={"status": 401})
add("claims", "list: claims without sub", LIST, 401, "UNAUTHORIZED", claims={"iss": "https://issuer.example", "username": "{{owner}}"}, server={"status": 401})
add("claims", "append: no claims", APPEND, 401, "UNAUTHORIZED", path=OWN, body=j({"images": [img()]}), claims=None, server={"status": 401})
add("claims", "get: sub of the owner in upper case is another user", GET, 404, "COLLECTION_NOT_FOUND", path=OWN, claims={"sub": "{{owner:upper}}", "scope": "images/user"})
add("claims", "get: sub of the owner with a trailing space is another user", GET, 404, "COLLECTION_NOT_FOUND", path=OWN, claims={"sub": "{{owner}} ", "scope": "images/user"})
add("claims", "get: sub of the owner with '?' in place of a surrogate is another user", GET, 404, "COLLECTION_NOT_FOUND", path=OWN, claims={"sub": "{{owner}}?", "scope": "images/user"})
add("claims", "get: username claim of the owner does not count", GET, 404, "COLLECTION_NOT_FOUND", path=OWN, claims={"sub": "{{other}}", "username": "{{owner}}", "cognito:username": "{{owner}}", "scope": "images/user"})
for scopes, claim in [(None, {}), ([], {}), (["images/user"], {}), (None, {"scope": "images/user"}), (None, {"scope": "images/admins"}),
                      (None, {"scope": "Images/Admin"}), (None, {"scp": "[images/user]"}), (None, {"scope": "images/admin\u0000"}),
                      (["images/admin "], {}), (None, {"scope": "images/adminimages/user"})]:
    c = {"sub": "{{owner}}"}
    c.update(claim)
    add("claims", "create-table without the admin scope: scopes " + repr(scopes) + " claims " + repr(claim)[:40], ADMIN, 403, "FORBIDDEN",
        claims=c, scopes=scopes, body=None, server={"status": 403})

# Every data route needs a data scope: an ID token (an audience, no scope) or another service's scope is refused.
for route in [r for r in FUNCTION_OF if r != ADMIN]:
    path = {}
    if "{collectionId}" in route:
        path["collectionId"] = "{{collectionId}}"
    if "{imageId}" in route:
        path["imageId"] = "{{imageId}}"
    body = j({"images": [img()]}) if route.startswith("POST") else j({"imageIds": ["{{imageId}}"]}) if route.startswith("PUT") else None
    for scopes, claim, label in [(None, {}, "an ID token (no scope claim)"), ([], {}, "empty scopes"),
                                 (None, {"scope": "openid email"}, "scope 'openid email'"),
                                 (None, {"scope": "images/users"}, "scope 'images/users'"),
                                 (None, {"scope": "Images/User"}, "scope 'Images/User'"),
                                 (None, {"scope": "images/user\u0000"}, "scope 'images/user\\x00'")]:
        c = {"sub": "{{owner}}", "iss": "https://issuer.example", "aud": "user-images"}
        c.update(claim)
        add("claims", route + ": " + label + " has no data scope", route, 403, "FORBIDDEN", path=path, body=body,
            claims=c, scopes=scopes, server={"status": 403})

# ---------------------------------------------------------------- edits (issue 11's routes: reorder, delete, version headers)
REORDER = "PUT /collections/{collectionId}/order"
DELETE = "DELETE /collections/{collectionId}"
DELETE_IMAGE = "DELETE /collections/{collectionId}/images/{imageId}"
OWN_IMAGE = {"collectionId": "{{collectionId}}", "imageId": "{{imageId}}"}
bad_tags = ["3", "\"3", "3\"", "W/", "W/3", "\"1\" \"2\"", "*, \"1\"", "\"1\", *", "\"\u00e9\"", "\"a b\"",
            "\"\u0000\"", "\"1\"\r\nx-injected: 1", "\"\u2028\"", "{{repeat:5000:x}}", "\"{{repeat:5000:1}}\"",
            ",".join(["\"1\""] * 65), "\"1\"; drop table", "'1'", "\u201c1\u201d"]
for tag in bad_tags:
    d = repr(tag)[:40]
    hdr = {"content-type": "application/json", "if-match": tag}
    add("edits", "delete: If-Match " + d, DELETE, 400, "INVALID_PRECONDITION", path=OWN, headers=hdr)
    add("edits", "delete image: If-Match " + d, DELETE_IMAGE, 400, "INVALID_PRECONDITION", path=OWN_IMAGE, headers=hdr)
    add("edits", "get: If-None-Match " + d, GET, 400, "INVALID_PRECONDITION", path=OWN,
        headers={"content-type": "application/json", "if-none-match": tag})
for tag in bad_tags[:8]:
    d = repr(tag)[:40]
    hdr = {"content-type": "application/json", "if-match": tag}
    add("edits", "append: If-Match " + d, APPEND, 400, "INVALID_PRECONDITION", path=OWN, headers=hdr, body=j({"images": [img()]}))
    add("edits", "reorder: If-Match " + d, REORDER, 400, "INVALID_PRECONDITION", path=OWN, headers=hdr,
        body=j({"imageIds": ["{{imageId}}"]}))
for tag in ["\"999\"", "\"999999999999999999\"", "\"0\"", "\"-1\"", "\"1.0\"", "\"0x1\""]:
    hdr = {"content-type": "application/json", "if-match": tag}
    add("edits", "delete: stale or impossible If-Match " + tag, DELETE, 412, "PRECONDITION_FAILED", path=OWN, headers=hdr)
    add("edits", "delete image: stale or impossible If-Match " + tag, DELETE_IMAGE, 412, "PRECONDITION_FAILED", path=OWN_IMAGE, headers=hdr)
for desc, body in [("not JSON", "{"), ("an array", "[]"), ("empty object", "{}"), ("imageIds null", j({"imageIds": None})),
                   ("imageIds a string", j({"imageIds": "{{imageId}}"})), ("imageIds of numbers", j({"imageIds": [1]})),
                   ("imageIds of objects", j({"imageIds": [{"imageId": "{{imageId}}"}]}))]:
    # An empty list element ("1",,"2") is valid list syntax (RFC 9110 5.6.1), so not in bad_tags.
    code = "INVALID_JSON" if desc in ("not JSON", "an array") else "INVALID_BODY"
    add("edits", "reorder: body " + desc, REORDER, 400, code, path=OWN, body=body)
add("edits", "reorder: an unknown field", REORDER, 400, "UNKNOWN_FIELD", path=OWN, body=j({"imageIds": ["{{imageId}}"], "cover": "x"}))
# More ids than a collection may hold (MAX_IMAGES_PER_COLLECTION, 1000 by default) are refused unread.
add("edits", "reorder: 1001 ids", REORDER, 400, "TOO_MANY_IMAGES", path=OWN,
    body=j({"imageIds": ["00000000-0000-4000-8000-%012d" % i for i in range(1001)]}))
for bad in ["123", "{{imageId}}'", "x" * 300, "\u0000", "\ud800", "../{{imageId}}"]:
    add("edits", "reorder: id " + repr(bad)[:40], REORDER, 400, "INVALID_ID", path=OWN, body=j({"imageIds": [bad]}))
add("edits", "reorder: the other user's collection", REORDER, 404, "COLLECTION_NOT_FOUND", path={"collectionId": "{{otherCollectionId}}"},
    body=j({"imageIds": ["{{imageId}}"]}))
add("edits", "reorder: ids that are not the collection's", REORDER, 409, "IMAGE_SET_MISMATCH", path=OWN,
    body=j({"imageIds": ["ffffffff-ffff-4fff-8fff-ffffffffffff"]}))
for bad in bad_ids[:14]:
    add("edits", "delete: collectionId " + repr(bad)[:40], DELETE, 400, id_code(bad), path={"collectionId": bad})
    add("edits", "delete image: imageId " + repr(bad)[:40], DELETE_IMAGE, 400, id_code(bad),
        path={"collectionId": "{{collectionId}}", "imageId": bad})
add("edits", "delete: the other user's collection", DELETE, 404, "COLLECTION_NOT_FOUND", path={"collectionId": "{{otherCollectionId}}"})
add("edits", "delete: the other user's collection in upper case", DELETE, 404, "COLLECTION_NOT_FOUND",
    path={"collectionId": "{{otherCollectionId:upper}}"})
add("edits", "delete image: in the other user's collection", DELETE_IMAGE, 404, "COLLECTION_NOT_FOUND",
    path={"collectionId": "{{otherCollectionId}}", "imageId": "{{imageId}}"})
add("edits", "delete: a collection that does not exist", DELETE, 404, "COLLECTION_NOT_FOUND",
    path={"collectionId": "00000000-0000-4000-8000-000000000000"})
add("edits", "delete image: an image that does not exist", DELETE_IMAGE, 404, "IMAGE_NOT_FOUND",
    path={"collectionId": "{{collectionId}}", "imageId": "ffffffff-ffff-4fff-8fff-ffffffffffff"})
for route, path in [(DELETE, OWN), (DELETE_IMAGE, OWN_IMAGE), (REORDER, OWN)]:
    add("edits", route + ": no verified identity", route, 401, "UNAUTHORIZED", path=path, claims=None,
        body=j({"imageIds": ["{{imageId}}"]}) if route == REORDER else None, server={"status": 401})

# ---------------------------------------------------------------- media types (a body's own Content-Type)
# A valid create that would write: 415 before anything of the body is read.
for ct in ["text/plain", "text/plain; charset=utf-8", "application/x-www-form-urlencoded", "multipart/form-data; boundary=x",
           "application/jsonx", "application/json-seq", "application/+json", "text/json", "json", "*/*", "application/*",
           "application/json;charset=latin1", "application/json; charset=iso-8859-1", "application/json; charset=utf8",
           "application/json; charset=utf-8; charset=latin1", "", " ", "application/json, text/plain",
           "application/json,application/json", "application /json", "application/ json", "application/json; charset",
           "application/json; =utf-8", "application/json; charset=\"utf-8", "application/j\u00e9son",
           "application/json; x=\u00e9", "application/json\u00a0", "application/json\tx"]:
    add("mediaType", "create: Content-Type " + repr(ct), CREATE, 415, "UNSUPPORTED_MEDIA_TYPE", body=j({"images": []}),
        headers={"content-type": ct})
add("mediaType", "create: a JSON and a text Content-Type header", CREATE, 415, "UNSUPPORTED_MEDIA_TYPE", body=j({"images": []}),
    headers={"content-type": "application/json", "Content-Type": "text/plain"})
add("mediaType", "append: text/plain", APPEND, 415, "UNSUPPORTED_MEDIA_TYPE", path=OWN, body=j({"images": [img()]}),
    headers={"content-type": "text/plain"})
add("mediaType", "reorder: form encoding (curl -d)", "PUT /collections/{collectionId}/order", 415, "UNSUPPORTED_MEDIA_TYPE",
    path=OWN, body=j({"imageIds": ["{{imageId}}"]}), headers={"content-type": "application/x-www-form-urlencoded"})
# JSON by any spelling: the body is read (and refused for what it says, so nothing is written).
for ct in ["application/json", "APPLICATION/JSON", "Application/Json", "application/json; charset=utf-8",
           "application/json;charset=UTF-8", "application/json; charset=\"utf-8\"", "application/json ; charset=utf-8 ",
           "application/json;", "application/json; foo=bar; q=\"a,b\"", "application/vnd.api+json",
           "application/merge-patch+json; charset=utf-8", "\tapplication/json"]:
    add("mediaType", "create: JSON as " + repr(ct), CREATE, 400, "UNKNOWN_FIELD", body=j({"images": [], "owner": "bob"}),
        headers={"content-type": ct})
add("mediaType", "create: no Content-Type reads as JSON", CREATE, 400, "UNKNOWN_FIELD", body=j({"images": [], "owner": "bob"}),
    headers={"x-other": "1"})
add("mediaType", "create: Content-Type header in upper case", CREATE, 400, "UNKNOWN_FIELD", body=j({"images": [], "owner": "bob"}),
    headers={"CONTENT-TYPE": "application/json"})
# No body: never 415.
add("mediaType", "create: text/plain without a body", CREATE, 400, "INVALID_JSON", headers={"content-type": "text/plain"})
add("mediaType", "get: text/plain without a body, another user's collection", GET, 404, "COLLECTION_NOT_FOUND",
    path={"collectionId": "{{otherCollectionId}}"}, headers={"content-type": "text/plain"})
add("mediaType", "delete image: text/plain without a body", DELETE_IMAGE, 404, "IMAGE_NOT_FOUND",
    path={"collectionId": "{{collectionId}}", "imageId": "ffffffff-ffff-4fff-8fff-ffffffffffff"}, headers={"content-type": "text/plain"})
# Authorization first.
add("mediaType", "create: text/plain without a verified identity", CREATE, 401, "UNAUTHORIZED", body=j({"images": []}),
    claims=None, headers={"content-type": "text/plain"}, server={"status": 401})

# ---------------------------------------------------------------- routes (event route keys the function does not serve)
for fn, key in [("get-item", "GET /collections/{collectionId}/images"), ("get-item", "DELETE /collections/{collectionId}/images/{imageId}/x"),
                ("append-collection", "PUT /collections"), ("append-collection", "GET /collections"), ("append-collection", "POST /collections/"),
                ("get-item", "get /collections/{collectionId}"), ("get-item", "$default"), ("get-item", ""), ("list-page", "GET /Collections"),
                ("append-collection", "POST /collections/{collectionId}/images\n"), ("append-collection", "PATCH /collections/{collectionId}"),
                ("get-item", "GET /collections/{collectionId} "), ("list-page", "GET /collections/{collectionId}"),
                ("delete-item", "GET /collections/{collectionId}"), ("delete-item", "DELETE /collections"),
                ("get-item", "DELETE /collections/{collectionId}"), ("append-collection", "DELETE /collections/{collectionId}/images/{imageId}"),
                ("delete-item", "delete /collections/{collectionId}")]:
    n = counters.get("routes", 0) + 1
    counters["routes"] = n
    cases.append({"id": f"routes-{n:03d}", "category": "routes", "description": f"{fn} given route key {key!r}",
                  "request": {"function": fn, "route": key, "pathParameters": {"collectionId": "{{collectionId}}"}, "query": {},
                              "headers": {"content-type": "application/json"}, "body": None, "isBase64Encoded": False,
                              "claims": {"sub": "{{owner}}"}, "scopes": ["images/admin"]},
                  "expect": {"status": 404, "code": "ROUTE_NOT_FOUND"}, "overHttp": False})

# ---------------------------------------------------------------- raw HTTP (local server only)
raw = [
    ("bad percent-encoding in the query", "GET /collections?order=%zz HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer {{jwt}}\r\n\r\n", 400),
    ("lone percent in the path", "GET /collections/% HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer {{jwt}}\r\n\r\n", 400),
    ("Content-Length beyond long", "POST /collections HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: 9223372036854775808\r\n\r\n", 400),
    ("negative Content-Length", "POST /collections HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: -1\r\n\r\n", 400),
    ("two different Content-Lengths", "POST /collections HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: 2\r\nContent-Length: 3\r\n\r\n{}", 400),
    ("Content-Length and chunked", "POST /collections HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: 2\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n", 400),
    ("bad chunk size", "POST /collections HTTP/1.1\r\nHost: 127.0.0.1\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n{}\r\n0\r\n\r\n", 400),
    ("space in the request target", "GET /coll ections HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n", 400),
    ("NUL in a header", "GET /collections HTTP/1.1\r\nHost: 127.0.0.1\r\nX-A: a\u0000b\r\n\r\n", 400),
    ("header without colon", "GET /collections HTTP/1.1\r\nHost: 127.0.0.1\r\nBroken header\r\n\r\n", 400),
    ("unknown HTTP version", "GET /collections HTTP/9.9\r\nHost: 127.0.0.1\r\n\r\n", 400),
    ("Expect 100-continue with 50 MB", "POST /collections HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer {{jwt}}\r\nContent-Type: application/json\r\nContent-Length: 52428800\r\nExpect: 100-continue\r\n\r\n", 413),
    ("encoded slash in the id", "GET /collections/%2F..%2Fadmin HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer {{jwt}}\r\n\r\n", 404),
    ("obsolete line folding", "GET /collections HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer\r\n {{jwt}}\r\n\r\n", 400),
    ("LF-only line endings with a smuggled request", "GET /collections HTTP/1.1\nHost: 127.0.0.1\nContent-Length: 0\n\nGET /admin/table HTTP/1.1\n\n", 400),
    ("absolute-form target to another host", "GET http://169.254.169.254/latest/meta-data/ HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n", 404),
    ("kid with CR LF in the JWT header", "GET /collections HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer {{jwt:kid=a\r\nx: y}}\r\n\r\n", 401),
    ("5,000-character kid", "GET /collections HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer {{jwt:kid={{repeat:5000:k}}}}\r\n\r\n", 401),
    ("JWS signature with = padding", "GET /collections HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer {{jwt:pad}}\r\n\r\n", 401),
    ("JWS signature with flipped low bits", "GET /collections HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer {{jwt:lowbits}}\r\n\r\n", 401),
]
for i, (desc, text, status) in enumerate(raw, 1):
    cases.append({"id": f"raw-http-{i:03d}", "category": "raw-http", "description": desc, "inProcess": False,
                  "raw": text, "server": {"status": status}})

here = os.path.dirname(os.path.abspath(__file__))
out = sys.argv[1] if len(sys.argv) > 1 else os.path.join(here, "corpus.json")
with open(out, "w", encoding="ascii", newline="\n") as f:
    json.dump({"about": "Hostile-input corpus; see generate_corpus.py for the case format and placeholders.",
               "cases": cases}, f, ensure_ascii=True, indent=1)
    f.write("\n")
summary = {}
for c in cases:
    summary[c["category"]] = summary.get(c["category"], 0) + 1
print(len(cases), summary)
