package com.userimages.smoke;

/** A check that did not hold: what was expected and what came back, in one line. */
final class SmokeFailure extends RuntimeException {
    SmokeFailure(String message) {
        super(message);
    }
}
