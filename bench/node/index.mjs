// get-item's GET /collections/{collectionId} as a Node.js 20 Lambda handler with the AWS SDK v3:
// the cold-start benchmark's yardstick. Same table, key, consistent read and projection as
// CollectionRepository.get; the client is built at module load, i.e. in Lambda's init phase.
import { DynamoDBClient, GetItemCommand } from '@aws-sdk/client-dynamodb';

const client = new DynamoDBClient({
  region: process.env.AWS_REGION,
  ...(process.env.DYNAMODB_ENDPOINT ? { endpoint: process.env.DYNAMODB_ENDPOINT } : {}),
});
const tableName = process.env.TABLE_NAME ?? 'user_images';
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

const reply = (statusCode, body) => ({
  statusCode,
  headers: { 'content-type': 'application/json' },
  body: JSON.stringify(body),
});

export const handler = async (event) => {
  const sub = event?.requestContext?.authorizer?.jwt?.claims?.sub;
  if (typeof sub !== 'string' || sub.length === 0) return reply(401, { message: 'Unauthorized' });
  const collectionId = event?.pathParameters?.collectionId;
  if (typeof collectionId !== 'string' || !UUID.test(collectionId)) return reply(400, { message: 'invalid collectionId' });
  const out = await client.send(new GetItemCommand({
    TableName: tableName,
    Key: { userId: { S: sub }, imagesCollectionId: { S: collectionId } },
    ConsistentRead: true,
    ProjectionExpression: '#sk, #ts, #images',
    ExpressionAttributeNames: { '#sk': 'imagesCollectionId', '#ts': 'timestamp', '#images': 'images' },
  }));
  if (!out.Item) return reply(404, { message: 'collection not found' });
  const images = (out.Item.images?.L ?? []).map((v) => ({ imageId: v.M.imageId.S, url: v.M.url.S }));
  return reply(200, {
    imagesCollectionId: out.Item.imagesCollectionId.S,
    timestamp: out.Item.timestamp.S,
    imageCount: images.length,
    images,
  });
};
