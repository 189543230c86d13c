// Runs in a fresh node process, as ColdStartProbe does for a Java function: loads the handler module
// (Lambda's init), one invocation, then warm ones. Prints "FIRST status" as soon as the first
// response is there, then "RESULT initMs primeMs firstMs warmP50Ms heapMb status".
const [user, collectionId] = process.argv.slice(2);
const event = {
  version: '2.0',
  routeKey: 'GET /collections/{collectionId}',
  rawPath: `/collections/${collectionId}`,
  pathParameters: { collectionId },
  requestContext: { http: { method: 'GET', path: `/collections/${collectionId}` }, authorizer: { jwt: { claims: { sub: user }, scopes: null } } },
  isBase64Encoded: false,
};
const t0 = performance.now();
const { handler } = await import('./index.mjs');
const t1 = performance.now();
const first = await handler(event);
const t2 = performance.now();
process.stdout.write(`FIRST ${first.statusCode}\n`);
const warm = [];
for (let i = 0; i < 30; i++) {
  const s = performance.now();
  await handler(event);
  warm.push(performance.now() - s);
}
warm.sort((a, b) => a - b);
const heapMb = Math.round(process.memoryUsage().heapUsed / (1024 * 1024));
process.stdout.write(`RESULT ${(t1 - t0).toFixed(1)} 0 ${(t2 - t1).toFixed(1)} ${warm[15].toFixed(2)} ${heapMb} ${first.statusCode}\n`);
