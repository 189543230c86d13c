package com.userimages.local.auth;

import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.SecureRandom;
import java.security.spec.RSAPrivateCrtKeySpec;
import java.security.spec.RSAPublicKeySpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * The development issuer's 2048-bit RSA key pair, its two primes searched for on two threads at once.
 *
 * <p>The local tools run with C1 alone ({@code -XX:TieredStopAtLevel=1}, so that start-up is not
 * spent in the optimizing compiler), and C1 has none of BigInteger's intrinsics: the JDK's
 * generator, which finds one prime after the other, then took 0.4 to 2 s, more than the rest of the
 * start. The primes come from {@link BigInteger#probablePrime} (the JDK's own search and primality
 * tests, with a {@link SecureRandom}); what is done here is what the JDK's generator does with them,
 * with the checks of FIPS 186-5 A.1.3 and the JDK: a modulus of exactly 2048 bits, primes far apart,
 * {@code e} coprime to both {@code p - 1} and {@code q - 1}, and a private exponent above
 * 2<sup>1024</sup>.
 */
final class DevelopmentKeyPair {
    static final int MODULUS_BITS = 2048;
    static final BigInteger PUBLIC_EXPONENT = BigInteger.valueOf(65537);
    private static final int PRIME_BITS = MODULUS_BITS / 2;
    /** FIPS 186-5 A.1.3: |p - q| > 2^(nlen/2 - 100). */
    private static final BigInteger MIN_PRIME_DISTANCE = BigInteger.ONE.shiftLeft(PRIME_BITS - 100);
    /** FIPS 186-5 A.1.1: d > 2^(nlen/2). */
    private static final BigInteger MIN_PRIVATE_EXPONENT = BigInteger.ONE.shiftLeft(PRIME_BITS);

    private DevelopmentKeyPair() {}

    static KeyPair generate() {
        SecureRandom random = new SecureRandom();
        List<BigInteger> primes = new ArrayList<>();
        while (true) {
            // A pair of candidates at a time, one on another thread; any two primes found so far may pair.
            CompletableFuture<BigInteger> other = new CompletableFuture<>();
            Thread.ofPlatform().name("development-key-prime").daemon().start(() -> {
                try {
                    other.complete(BigInteger.probablePrime(PRIME_BITS, random));
                } catch (Throwable e) {
                    other.completeExceptionally(e);
                }
            });
            BigInteger mine = BigInteger.probablePrime(PRIME_BITS, random);
            for (BigInteger found : List.of(mine, other.join())) {
                for (BigInteger earlier : primes) {
                    Optional<KeyPair> pair = pair(earlier, found);
                    if (pair.isPresent()) return pair.get();
                }
                if (usablePrime(found)) primes.add(found);
            }
        }
    }

    static boolean usablePrime(BigInteger prime) {
        return !prime.subtract(BigInteger.ONE).mod(PUBLIC_EXPONENT).equals(BigInteger.ZERO);
    }

    /** The key pair of two primes, if they make one that every check accepts. */
    static Optional<KeyPair> pair(BigInteger first, BigInteger second) {
        BigInteger p = first.max(second);
        BigInteger q = first.min(second);
        BigInteger n = p.multiply(q);
        if (n.bitLength() != MODULUS_BITS || p.subtract(q).compareTo(MIN_PRIME_DISTANCE) <= 0) return Optional.empty();
        if (!usablePrime(p) || !usablePrime(q)) return Optional.empty();
        BigInteger pMinus1 = p.subtract(BigInteger.ONE);
        BigInteger qMinus1 = q.subtract(BigInteger.ONE);
        BigInteger lambda = pMinus1.divide(pMinus1.gcd(qMinus1)).multiply(qMinus1);
        BigInteger d = PUBLIC_EXPONENT.modInverse(lambda);
        if (d.compareTo(MIN_PRIVATE_EXPONENT) <= 0) return Optional.empty();
        try {
            KeyFactory rsa = KeyFactory.getInstance("RSA");
            return Optional.of(new KeyPair(
                    rsa.generatePublic(new RSAPublicKeySpec(n, PUBLIC_EXPONENT)),
                    rsa.generatePrivate(new RSAPrivateCrtKeySpec(n, PUBLIC_EXPONENT, d, p, q,
                            d.mod(pMinus1), d.mod(qMinus1), q.modInverse(p)))));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the JDK refused an RSA key it must accept", e);
        }
    }
}
