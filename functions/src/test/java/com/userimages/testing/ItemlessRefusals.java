package com.userimages.testing;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.DeleteItemRequest;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemRequest;

/**
 * A DynamoDB client in front of the real one that behaves as an engine without
 * return-values-on-refusal (dynalite): a refused conditional write comes back with no item, and a
 * write that asks for the item anyway is recorded, so a test can assert that none does. It counts
 * calls per operation, and can run one action just before the next write of a kind (a concurrent
 * change landing between a read and a write).
 */
public final class ItemlessRefusals implements InvocationHandler {
    private final DynamoDbClient delegate;
    private final Map<String, AtomicInteger> calls = new ConcurrentHashMap<>();
    private final List<String> askedForTheItem = new CopyOnWriteArrayList<>();
    private final AtomicReference<String> beforeOperation = new AtomicReference<>();
    private final AtomicReference<Runnable> beforeAction = new AtomicReference<>();
    private final AtomicReference<String> everyOperation = new AtomicReference<>();
    private final AtomicReference<Runnable> everyAction = new AtomicReference<>();

    private ItemlessRefusals(DynamoDbClient delegate) {
        this.delegate = delegate;
    }

    public static ItemlessRefusals around(DynamoDbClient delegate) {
        return new ItemlessRefusals(delegate);
    }

    public DynamoDbClient client() {
        return (DynamoDbClient) Proxy.newProxyInstance(DynamoDbClient.class.getClassLoader(),
                new Class<?>[] {DynamoDbClient.class}, this);
    }

    /** Runs {@code action} (on the real client, not through this one) once, just before the next call of {@code operation}. */
    public void beforeNext(String operation, Runnable action) {
        beforeAction.set(action);
        beforeOperation.set(operation);
    }

    /** Runs {@code action} (on the real client) just before every call of {@code operation} from now on. */
    public void beforeEach(String operation, Runnable action) {
        everyOperation.set(operation);
        everyAction.set(action);
    }

    public int calls(String operation) {
        AtomicInteger n = calls.get(operation);
        return n == null ? 0 : n.get();
    }

    public void resetCounts() {
        calls.clear();
    }

    /** The writes (operation names) that asked for the item with their refusal. */
    public List<String> writesThatAskedForTheItem() {
        return List.copyOf(askedForTheItem);
    }

    @Override
    public Object invoke(Object proxy, java.lang.reflect.Method method, Object[] args) throws Throwable {
        String operation = method.getName();
        if (method.getDeclaringClass() == Object.class) return method.invoke(this, args);
        boolean request = args != null && args.length == 1 && args[0] instanceof software.amazon.awssdk.core.SdkRequest;
        if (request) {
            calls.computeIfAbsent(operation, k -> new AtomicInteger()).incrementAndGet();
            if (asksForTheItem(args[0])) askedForTheItem.add(operation);
            if (operation.equals(beforeOperation.get()) && beforeOperation.compareAndSet(operation, null)) {
                beforeAction.getAndSet(null).run();
            }
            if (operation.equals(everyOperation.get())) everyAction.get().run();
        }
        try {
            return method.invoke(delegate, args);
        } catch (InvocationTargetException e) {
            if (request && e.getCause() instanceof ConditionalCheckFailedException refused) {
                // What dynalite answers: the refusal alone, without the item.
                throw ConditionalCheckFailedException.builder().message(refused.getMessage())
                        .awsErrorDetails(refused.awsErrorDetails()).statusCode(refused.statusCode()).build();
            }
            throw e.getCause();
        }
    }

    private static boolean asksForTheItem(Object request) {
        return switch (request) {
            case PutItemRequest r -> r.returnValuesOnConditionCheckFailureAsString() != null;
            case UpdateItemRequest r -> r.returnValuesOnConditionCheckFailureAsString() != null;
            case DeleteItemRequest r -> r.returnValuesOnConditionCheckFailureAsString() != null;
            default -> false;
        };
    }
}
